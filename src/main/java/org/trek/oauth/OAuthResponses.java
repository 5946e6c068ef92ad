package org.trek.oauth;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON responses of the machine endpoints: never cached (RFC 6749 §5.1), errors in the RFC 6749 §5.2 shape. */
public final class OAuthResponses {
    private OAuthResponses() {
    }

    public static Response json(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString())
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    public static Response error(OAuthException e) {
        Response.ResponseBuilder b = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonFactory.createObjectBuilder().add("error", e.error()).add("error_description", e.description())
                        .build().toString())
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (e.status() == 401) {
            // RFC 6749 §5.2: invalid_client with 401 carries a WWW-Authenticate challenge for client authentication.
            b.header("WWW-Authenticate", "Basic realm=\"TREK\", charset=\"UTF-8\"");
        }
        if (e.status() == 429) {
            b.header("Retry-After", String.valueOf(Math.max(1, e.retryAfterSeconds())));
        }
        return b.build();
    }

    /** The token endpoint while the MCP addon is off (reference §4.6). */
    public static Response mcpDisabled() {
        return json(403, JsonFactory.createObjectBuilder().add("error", "mcp_disabled")
                .add("error_description", "MCP is not enabled").build());
    }

    public static Response notFound() {
        return json(404, JsonFactory.createObjectBuilder().add("error", "not_found")
                .add("error_description", "No such resource").build());
    }
}
