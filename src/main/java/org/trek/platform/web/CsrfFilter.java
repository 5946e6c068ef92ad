package org.trek.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.trek.platform.AppConfig;

/**
 * Every state-changing request to a screen (login, settings, consent, admin) must come from our own origin
 * (Origin, or Referer when a browser sends no Origin) and carry the session's CSRF token.
 * Machine endpoints authenticate with bearer tokens or client credentials, never cookies, so they are exempt.
 */
@WebFilter(filterName = "csrf", asyncSupported = true) // mapped in web.xml, which fixes the order
public class CsrfFilter extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    AppConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod()) || isMachineEndpoint(pathOf(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (!isSameOrigin(request)) {
            Views.error(request, response, 403, "This form was submitted from another site and was refused.");
            return;
        }
        if (!Csrf.isValid(request)) {
            Views.error(request, response, 403,
                    "Your form has expired or was not sent from this site. Go back, reload the page and try again.");
            return;
        }
        chain.doFilter(request, response);
    }

    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Endpoints called by programs with bearer tokens or client credentials (no cookies involved). */
    public static boolean isMachineEndpoint(String path) {
        return path.equals("/mcp") || path.startsWith("/mcp/")
                || path.equals("/oauth/token") || path.equals("/oauth/register")
                || path.equals("/oauth/revoke") || path.equals("/oauth/introspect")
                || path.startsWith("/.well-known/") || path.equals("/health") || path.startsWith("/api/");
    }

    private boolean isSameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return true; // neither header: non-browser client; the CSRF token still has to match
            }
            origin = originOf(referer);
        }
        return origin != null && (origin.equals(config.appOrigin()) || origin.equals(requestOrigin(request)));
    }

    static String requestOrigin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
