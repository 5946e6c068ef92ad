package org.trek.oauth.token;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;

/**
 * A token response (RFC 6749 §5.1): the raw tokens exist only here, on their way to the client. No refresh token
 * (null) for client_credentials (RFC 6749 §4.4.3: it SHOULD NOT be included).
 */
public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, String scope, String familyId) {

    public JsonObject toJson() {
        var b = JsonFactory.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", expiresIn);
        if (refreshToken != null) {
            b.add("refresh_token", refreshToken);
        }
        return b.add("scope", scope).build();
    }
}
