package org.trek.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.trek.audit.Actor;
import org.trek.platform.AppConfig;
import org.trek.platform.web.ClientIp;
import org.trek.platform.web.Views;

/**
 * Settings → Account → Change password (/settings/password): current password, new password twice. When the
 * password was set by an admin this is the only page the user reaches ({@link PasswordChangeGate}) and "next" (a
 * same-origin path, e.g. a pending OAuth authorization) is where the user goes afterwards. Wrong current passwords
 * count in the sign-in throttle. The change ends every other sign-in; this browser gets a new one.
 */
@WebServlet(PasswordChangeGate.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class PasswordChangeServlet extends HttpServlet {
    private static final String ERROR_FIELD = "trek.password.errorField";
    private static final String ERROR_MESSAGE = "trek.password.error";

    @Inject
    UserService users;

    @Inject
    LoginSessions loginSessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        User user = users.find(CurrentUser.id(request)).orElseThrow();
        HttpSession session = request.getSession();
        if (session.getAttribute(ERROR_FIELD) instanceof String field) {
            request.setAttribute("errorField", field);
            request.setAttribute("error", session.getAttribute(ERROR_MESSAGE));
            session.removeAttribute(ERROR_FIELD);
            session.removeAttribute(ERROR_MESSAGE);
        }
        String next = request.getParameter("next");
        request.setAttribute("next", ReturnPath.isSafe(next) ? next : "");
        request.setAttribute("required", user.isMustChangePassword());
        request.setAttribute("minLength", users.policy().minLength());
        request.setAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        Views.render(request, response, "account/password");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long userId = CurrentUser.id(request);
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        String next = request.getParameter("next");
        String nextPath = ReturnPath.isSafe(next) ? next : null;
        String ip = ClientIp.resolve(request, config.trustedProxies());
        String login = actor.username() == null ? String.valueOf(userId) : actor.username();
        long blocked = throttle.attempt(login, userId, ip);
        if (blocked > 0) {
            back(request, response, nextPath, "current", "Too many wrong passwords. Try again in "
                    + Math.max(1, (blocked + 59) / 60) + " minute(s).");
            return;
        }
        User user;
        try {
            user = users.changeOwnPassword(actor, userId, request.getParameter("current"),
                    request.getParameter("password"), request.getParameter("confirm"));
        } catch (UserService.UserException e) {
            if ("current".equals(e.field())) {
                throttle.failed(login, userId, ip);
            }
            back(request, response, nextPath, e.field() == null ? "password" : e.field(), e.getMessage());
            return;
        }
        throttle.succeeded(login, userId, ip);
        // Every sign-in of the user ended with the old password (other browsers, other nodes); this one goes on.
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(LoginSessions.SESSION_ATTRIBUTE, loginSessions.start(user));
        Views.redirectWithMessage(request, response, nextPath == null ? PasswordChangeGate.PATH : nextPath,
                "Your password was changed. Your sign-ins in other browsers were ended.", false);
    }


    private static void back(HttpServletRequest request, HttpServletResponse response, String next, String field,
                             String message) throws IOException {
        HttpSession session = request.getSession();
        session.setAttribute(ERROR_FIELD, field);
        session.setAttribute(ERROR_MESSAGE, message);
        response.sendRedirect(request.getContextPath() + PasswordChangeGate.PATH
                + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }
}
