package org.trek.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;

/**
 * The end of a sign-in, after the password and, where needed, the second step: a new session id, the login session,
 * the last-login stamp and the auth.login record.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    @Inject
    LoginSessions loginSessions;

    public void complete(HttpServletRequest request, User user, String ip, Map<String, ?> details) {
        var session = request.getSession();
        if (session.getAttribute(LoginSessions.SESSION_ATTRIBUTE) instanceof String previous) {
            loginSessions.end(previous); // a second sign-in in the same browser replaces the first
        }
        request.changeSessionId(); // no session fixation
        // Only the login-session id (a String) goes into the servlet session: it stays serializable for the data
        // grid, and every node checks it against the database on each request.
        session.setAttribute(LoginSessions.SESSION_ATTRIBUTE, loginSessions.start(user));
        session.setAttribute(CurrentUser.USERNAME_ATTRIBUTE, user.getUsername());
        users.recordLogin(user.getId());
        audit.record(new Actor(user.getId(), user.getUsername(), ip), "auth.login", "user:" + user.getId(), details);
    }
}
