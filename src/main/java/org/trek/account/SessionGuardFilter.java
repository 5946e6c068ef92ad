package org.trek.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Exposes the signed-in user to the views as ${currentUser}, with the CSRF token the header's sign-out form needs.
 * Whether a sign-in still holds (signed out on any node, user disabled or deleted, password changed) is decided
 * before, by {@link TrekAuthenticationMechanism} against {@link LoginSessions}, which also ends this node's servlet
 * session then. A user who must change their password is sent to that screen first ({@link PasswordChangeGate}).
 */
@WebFilter(filterName = "sessionGuard", asyncSupported = true) // mapped in web.xml, which fixes the order
public class SessionGuardFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object user = request.getAttribute(TrekAuthenticationMechanism.SIGNED_IN_USER);
        if (user != null && CurrentUser.id(request) != null) {
            request.setAttribute("currentUser", user);
            // The header's sign-out form needs the CSRF token on every page, also on the error pages the container
            // renders itself (an unknown URL, a failure) without going through Views.render.
            request.setAttribute("csrf", org.trek.platform.web.Csrf.token(request));
            request.setAttribute("csrfField", org.trek.platform.web.Csrf.FIELD);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (user instanceof User u && !PasswordChangeGate.allows(u, path)) {
                response.sendRedirect(PasswordChangeGate.redirect(request));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
