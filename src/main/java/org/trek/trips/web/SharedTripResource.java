package org.trek.trips.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.trek.platform.JsonFactory;
import org.trek.platform.RateLimiter;
import org.trek.trips.SharedTripService;

/**
 * GET /api/shared/&lt;token&gt;: the shared trip as JSON, in the original's shape (see {@link SharedTripService#json}).
 * Public like the page, with the same rate limit; an unknown or revoked token answers 404
 * {@code {"error":"Invalid or expired link"}} as the original does.
 */
@Path("api/shared")
@RequestScoped
public class SharedTripResource {

    @Inject
    SharedTripService shared;

    @Inject
    SharedLinkLimit limit;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Path("{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("token") String token) {
        SharedTripServlet.publicHeaders(response); // set, not added: they replace the filter's Referrer-Policy
        RateLimiter.Decision d = limit.hit(request);
        if (!d.allowed()) {
            return error(429, "Too many requests").header("Retry-After", String.valueOf(d.retryAfterSeconds())).build();
        }
        Optional<SharedTripService.Shared> found = shared.load(token);
        if (found.isEmpty()) {
            return error(404, "Invalid or expired link").build();
        }
        return Response.ok(shared.json(found.get()).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response.ResponseBuilder error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonFactory.createObjectBuilder().add("error", message).build().toString());
    }
}
