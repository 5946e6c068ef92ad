package org.trek.trips.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.trek.platform.RateLimiter;
import org.trek.trips.SharedTripService;

/**
 * The public page of a share link, /shared/&lt;token&gt;: read-only, no sign-in, nothing that leads into the instance,
 * not indexed. It shows the sections the link shares ({@link SharedTripService}); an unknown, malformed or revoked
 * token is a 404 page that says no more than that. Rate-limited per client address ({@link SharedLinkLimit}).
 */
@WebServlet("/shared/*")
public class SharedTripServlet extends HttpServlet {

    @Inject
    SharedTripService shared;

    @Inject
    SharedLinkLimit limit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        publicHeaders(response);
        RateLimiter.Decision d = limit.hit(request);
        if (!d.allowed()) {
            response.setHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
            request.setAttribute("retryAfter", d.retryAfterSeconds());
            render(request, response, 429, "shared/limited");
            return;
        }
        String token = token(request.getPathInfo());
        Optional<SharedTripService.Shared> found = token == null ? Optional.empty() : shared.load(token);
        if (found.isEmpty()) {
            render(request, response, HttpServletResponse.SC_NOT_FOUND, "shared/missing");
            return;
        }
        request.setAttribute("view", SharedTripPage.view(found.get()));
        render(request, response, HttpServletResponse.SC_OK, "shared/trip");
    }

    /** "/&lt;token&gt;" → the token; anything else (nothing, more segments) → null. */
    static String token(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.indexOf('/', 1) >= 0) {
            return null;
        }
        return pathInfo.substring(1);
    }

    /**
     * Headers of every public share response, on top of the security headers every response has: not indexed, not
     * stored (a revoked link must not live on in a cache), and no referrer, so the token never leaves in one.
     */
    static void publicHeaders(HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow, noarchive");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Renders a view without a session: the public page neither needs nor creates one. */
    private static void render(HttpServletRequest request, HttpServletResponse response, int status, String view)
            throws ServletException, IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(request, response);
    }
}
