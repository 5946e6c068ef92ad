package org.trek.oauth.token;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;

/** A token response (RFC 6749 §5.1): the raw tokens exist only here, on their way to the client. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, String scope, String familyId) {

    public JsonObject toJson() {
        return JsonFactory.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", expiresIn)
                .add("refresh_token", refreshToken)
                .add("scope", scope)
                .build();
    }
}
