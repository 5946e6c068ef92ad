package org.trek.oauth.introspect;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.time.Instant;
import java.util.Optional;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
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
import org.trek.platform.Clock;
import org.trek.platform.web.ClientIp;

/**
 * POST /oauth/introspect (RFC 7662). Callers: a confidential client, authenticated with its secret, about its own
 * tokens; or a signed-in admin (session), about any token. Anything else about a token is {"active":false} (§2.2).
 */
@Path("oauth/introspect")
@RequestScoped
public class IntrospectionEndpoint {

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
    Clock clock;

    @Inject
    AppConfig config;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response introspect(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!gate.mcpEnabled()) {
            return OAuthResponses.notFound();
        }
        String ip = ClientIp.resolve(request, config.trustedProxies());
        try {
            gate.limitPerMinute("oauth.introspect:" + ip, settings.introspectPerMinute());
            String token = ClientCredentials.single(form, "token");
            boolean admin = authorization == null && form.getFirst("client_id") == null && request.isUserInRole(Role.ADMIN_GROUP);
            String callerClient = null;
            if (!admin) {
                ClientCredentials credentials = ClientCredentials.parse(authorization, form);
                OAuthClient client = authenticator.authenticate(credentials, Actor.anonymous(ip), "introspect");
                if (client.isPublicClient()) {
                    throw OAuthException.invalidClient("introspection needs a confidential client");
                }
                callerClient = client.getClientId();
            }
            if (token == null) {
                throw OAuthException.invalidRequest("token is required");
            }
            Optional<OAuthToken> row = token.length() < 100 ? families.findByAnyToken(token) : Optional.empty();
            if (row.isEmpty() || (callerClient != null && !callerClient.equals(row.get().getClientId()))) {
                return inactive();
            }
            return OAuthResponses.json(200, describe(row.get(), token.startsWith(TokenFamilies.REFRESH_PREFIX)));
        } catch (OAuthException e) {
            return OAuthResponses.error(e);
        }
    }

    private JsonObject describe(OAuthToken t, boolean refresh) {
        Instant now = clock.now();
        Instant exp = refresh ? t.getRefreshExpiresAt() : t.getAccessExpiresAt();
        boolean active = t.getRevokedAt() == null && exp.isAfter(now) && !(refresh && t.getRotatedAt() != null);
        Optional<User> user = users.find(t.getUserId());
        if (!active || user.isEmpty() || user.get().isDisabled()) {
            return JsonFactory.createObjectBuilder().add("active", false).build();
        }
        JsonObjectBuilder b = JsonFactory.createObjectBuilder()
                .add("active", true)
                .add("scope", refresh ? t.getGrantScopes() : t.getScopes())
                .add("client_id", t.getClientId())
                .add("username", user.get().getUsername())
                .add("sub", String.valueOf(t.getUserId()))
                .add("token_type", refresh ? "refresh_token" : "Bearer")
                .add("exp", exp.getEpochSecond())
                .add("iat", t.getCreatedAt().getEpochSecond())
                .add("aud", t.getAudience())
                .add("iss", settings.issuer());
        return b.build();
    }

    private static Response inactive() {
        return OAuthResponses.json(200, JsonFactory.createObjectBuilder().add("active", false).build());
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
