package org.trek.oauth.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.trek.audit.Actor;
import org.trek.oauth.OAuthException;
import org.trek.oauth.OAuthGate;
import org.trek.oauth.OAuthResponses;
import org.trek.oauth.OAuthSettings;
import org.trek.oauth.client.OAuthClient;
import org.trek.platform.AppConfig;
import org.trek.platform.web.ClientIp;

/**
 * POST /oauth/token (RFC 6749 §3.2, OAuth 2.1 §3.2): form-encoded, responses never cached. Order: addon gate, rate
 * limit per IP and client, client authentication, then the grant — so a bad secret never burns a code.
 */
@Path("oauth/token")
@RequestScoped
public class TokenEndpoint {

    @Inject
    OAuthGate gate;

    @Inject
    OAuthSettings settings;

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    AuthorizationCodeGrant codeGrant;

    @Inject
    RefreshTokenGrant refreshGrant;

    @Inject
    ClientCredentialsGrant clientCredentialsGrant;

    @Inject
    AppConfig config;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!gate.mcpEnabled()) {
            return OAuthResponses.mcpDisabled();
        }
        String ip = ClientIp.resolve(request, config.trustedProxies());
        try {
            ClientCredentials credentials = ClientCredentials.parse(authorization, form);
            gate.limitPerMinute("oauth.token:" + ip + "|" + credentials.clientId(), settings.tokenPerMinute());
            String grantType = ClientCredentials.single(form, "grant_type");
            if (grantType == null) {
                throw OAuthException.invalidRequest("grant_type is required");
            }
            OAuthClient client = authenticator.authenticate(credentials, Actor.anonymous(ip), "token");
            return switch (grantType) {
                case "authorization_code" -> OAuthResponses.json(200,
                        Retry.onDeadlock(() -> codeGrant.exchange(client, form, ip)).toJson());
                case "refresh_token" -> OAuthResponses.json(200,
                        Retry.onDeadlock(() -> refreshGrant.refresh(client, form, ip)).toJson());
                case "client_credentials" -> OAuthResponses.json(200,
                        clientCredentialsGrant.issue(client, form, ip).toJson());
                default -> throw new OAuthException(400, "unsupported_grant_type", "Unsupported grant_type");
            };
        } catch (OAuthException e) {
            return OAuthResponses.error(e);
        } // anything else: platform.web.UnexpectedErrorMapper answers server_error (RFC 6749 §5.2), never HTML
    }

    /** Anything but a form body is a malformed request (RFC 6749 §4.1.3 mandates form encoding). */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notAForm() {
        if (!gate.mcpEnabled()) {
            return OAuthResponses.mcpDisabled();
        }
        return OAuthResponses.error(OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded"));
    }
}
