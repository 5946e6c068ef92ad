package org.trek.oauth.client;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import org.trek.audit.Actor;
import org.trek.oauth.OAuthException;
import org.trek.oauth.OAuthGate;
import org.trek.oauth.OAuthResponses;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.AppConfig;
import org.trek.platform.web.ClientIp;

/** POST /oauth/register: RFC 7591 dynamic client registration. 404 while the MCP addon is off. */
@Path("oauth/register")
@RequestScoped
public class RegistrationEndpoint {

    @Inject
    OAuthGate gate;

    @Inject
    OAuthSettings settings;

    @Inject
    ClientRegistration registration;

    @Inject
    AppConfig config;

    @Context
    HttpServletRequest request;

    @POST
    public Response register(String body) {
        if (!gate.mcpEnabled()) {
            return OAuthResponses.notFound();
        }
        String ip = ClientIp.resolve(request, config.trustedProxies());
        try {
            gate.limitPerMinute("oauth.register:" + ip, settings.dcrPerIpPerMinute());
            gate.limit("oauth.register.day:" + ip, settings.dcrPerIpPerDay(), Duration.ofDays(1));
            String type = request.getContentType();
            if (type == null || !type.toLowerCase().startsWith("application/json")) {
                throw new OAuthException(400, "invalid_client_metadata", "the request body must be application/json");
            }
            JsonObject json;
            try (JsonReader reader = JsonFactory.createReader(new StringReader(body == null ? "" : body))) {
                json = reader.readObject();
            } catch (RuntimeException e) {
                throw new OAuthException(400, "invalid_client_metadata", "the request body must be a JSON object");
            }
            return OAuthResponses.json(201, registration.register(json, Actor.anonymous(ip)));
        } catch (OAuthException e) {
            return OAuthResponses.error(e);
        }
    }
}
