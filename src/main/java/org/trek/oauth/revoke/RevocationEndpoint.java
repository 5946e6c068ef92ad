package org.trek.oauth.revoke;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthException;
import org.trek.oauth.OAuthGate;
import org.trek.oauth.OAuthResponses;
import org.trek.oauth.OAuthSettings;
import org.trek.oauth.client.OAuthClient;
import org.trek.oauth.token.ClientAuthenticator;
import org.trek.oauth.token.ClientCredentials;
import org.trek.oauth.token.OAuthToken;
import org.trek.oauth.token.TokenFamilies;
import org.trek.platform.AppConfig;
import org.trek.platform.web.ClientIp;

/**
 * POST /oauth/revoke (RFC 7009). The client authenticates as at the token endpoint; revoking either token of a
 * grant revokes the whole family (§2.1 allows revoking the related tokens). The answer is 200 whether or not the
 * token was known (§2.2), and tokens of other clients are left alone.
 */
@Path("oauth/revoke")
@RequestScoped
public class RevocationEndpoint {

    @Inject
    OAuthGate gate;

    @Inject
    OAuthSettings settings;

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    TokenFamilies families;

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!gate.mcpEnabled()) {
            return OAuthResponses.notFound();
        }
        String ip = ClientIp.resolve(request, config.trustedProxies());
        try {
            gate.limitPerMinute("oauth.revoke:" + ip, settings.revokePerMinute());
            ClientCredentials credentials = ClientCredentials.parse(authorization, form);
            String token = ClientCredentials.single(form, "token");
            if (token == null) {
                throw OAuthException.invalidRequest("token is required");
            }
            OAuthClient client = authenticator.authenticate(credentials, Actor.anonymous(ip), "revoke");
            Optional<OAuthToken> row = token.length() < 100 ? families.findByAnyToken(token) : Optional.empty();
            if (row.isPresent() && row.get().getClientId().equals(client.getClientId())) {
                boolean revoked = families.revokeFamily(row.get().getFamilyId(), "revoked_by_client");
                if (revoked) {
                    long userId = row.get().getUserId();
                    audit.record(new Actor(userId, users.find(userId).map(User::getUsername).orElse(null), ip),
                            "oauth.token.revoke", client.getClientId(), Map.of("client_id", client.getClientId(), "method", "token"));
                }
            }
            return OAuthResponses.json(200, JsonFactory.createObjectBuilder().build());
        } catch (OAuthException e) {
            return OAuthResponses.error(e);
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notAForm() {
        if (!gate.mcpEnabled()) {
            return OAuthResponses.notFound();
        }
        return OAuthResponses.error(OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded"));
    }
}
