package org.trek.platform.web;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line for the JAX-RS endpoints (OAuth, discovery, /health): a failure no resource expected (a database
 * outage, a bug) is answered as an RFC 6749 §5.2 {@code server_error}, not with the container's HTML error page
 * (/mcp is a servlet with its own JSON-RPC -32603 answer). Nothing of the exception reaches the caller; the log has it under an
 * incident id the answer repeats, so an admin can find it. Errors JAX-RS itself raises (404, 405, 415...) keep their
 * own answers.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException wae) {
            return wae.getResponse();
        }
        String incident = UUID.randomUUID().toString();
        String path = uri == null ? "" : uri.getPath();
        LOG.log(Level.SEVERE, "Unexpected failure on /" + stripSlash(path) + " (incident " + incident + ")", e);
        return answer(path, incident);
    }

    static Response answer(String path, String incident) {
        String message = "The request could not be completed (incident " + incident + ").";
        JsonObject body = JsonFactory.createObjectBuilder().add("error", "server_error").add("error_description", message)
                .build();
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString())
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
