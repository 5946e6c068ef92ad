package org.trek.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;

/** Sign-out is a POST (with the CSRF token), so a link on another site cannot sign anyone out. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Inject
    LoginSessions loginSessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (CurrentUser.id(request) != null) {
            audit.record(CurrentUser.actor(request, config.trustedProxies()), "auth.logout", null);
        }
        var session = request.getSession(false);
        if (session != null) {
            // Ends the sign-in on every node (their copies of the servlet session see the row gone).
            if (session.getAttribute(LoginSessions.SESSION_ATTRIBUTE) instanceof String id) {
                loginSessions.end(id);
            }
            session.invalidate();
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/login");
    }
}
