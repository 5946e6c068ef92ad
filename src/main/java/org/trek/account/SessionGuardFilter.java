package org.trek.account;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.trek.platform.web.CsrfFilter;

/**
 * Closes a screen session whose user was disabled, deleted or had the password changed since sign-in, and exposes
 * the signed-in user to the views as ${currentUser}.
 */
@WebFilter(filterName = "sessionGuard", asyncSupported = true) // mapped in web.xml, which fixes the order
public class SessionGuardFilter extends HttpFilter {
    static final String PASSWORD_VERSION = "trek.passwordVersion";

    @Inject
    UserService users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Long userId = CurrentUser.id(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (userId == null || CsrfFilter.isMachineEndpoint(path) || path.startsWith("/assets/")) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        Optional<User> user = users.find(userId);
        Object version = session == null ? null : session.getAttribute(PASSWORD_VERSION);
        if (user.isEmpty() || user.get().isDisabled() || !(version instanceof Integer v) || v != user.get().getPasswordVersion()) {
            if (session != null) {
                session.invalidate();
            }
            request.logout();
            response.sendRedirect(request.getContextPath() + "/login?expired=1");
            return;
        }
        request.setAttribute("currentUser", user.get());
        chain.doFilter(request, response);
    }
}
