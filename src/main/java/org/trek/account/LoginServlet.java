package org.trek.account;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.trek.account.twofactor.TwoFactorService;
import org.trek.account.twofactor.TwoFactorSignInServlet;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;
import jakarta.enterprise.inject.Instance;
import org.trek.platform.web.ClientIp;
import org.trek.platform.web.SignInPurpose;
import org.trek.platform.web.Views;

/**
 * Sign-in with e-mail or username. Throttled per account and IP; "next" must be a same-origin path. A user with
 * two-factor sign-in (or without it under the "require two-factor" policy) goes on to /login/two-factor.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserService users;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Inject
    SignIns signIns;

    @Inject
    TwoFactorService twoFactor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String next = ReturnPath.safe(request.getParameter("next"));
        if (CurrentUser.id(request) != null) {
            response.sendRedirect(request.getContextPath() + next);
            return;
        }
        if (request.getParameter("expired") != null) {
            request.setAttribute("info", "Your session has ended. Please sign in again.");
        }
        show(request, response, next, null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String login = request.getParameter("login");
        String password = request.getParameter("password");
        String next = ReturnPath.safe(request.getParameter("next"));
        String ip = ClientIp.resolve(request, config.trustedProxies());
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            show(request, response, next, "Enter your e-mail or username and your password.", 400);
            return;
        }
        login = login.trim();
        if (login.length() > 255 || password.length() > 256) {
            show(request, response, next, "Wrong e-mail/username or password.", 401);
            return;
        }
        Long account = users.findByLogin(login).map(User::getId).orElse(null);
        long blocked = throttle.attempt(login, account, ip);
        if (blocked > 0) {
            audit.record(Actor.anonymous(ip), "auth.login_blocked", login);
            response.setHeader("Retry-After", String.valueOf(blocked));
            show(request, response, next, "Too many failed sign-in attempts. Try again in "
                    + Math.max(1, (blocked + 59) / 60) + " minute(s).", 429);
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(login, new Password(password))));
        Long userId = status == AuthenticationStatus.SUCCESS ? CurrentUser.id(request) : null;
        User user = userId == null ? null : users.find(userId).orElse(null);
        if (user == null) {
            throttle.failed(login, account, ip);
            audit.record(Actor.anonymous(ip), "auth.login_failed", login);
            show(request, response, next, "Wrong e-mail/username or password.", 401);
            return;
        }
        throttle.succeeded(login, account, ip);
        if (twoFactor.secondStepNeeded(user.getId())) {
            // Not signed in yet: the code step (or, under the "require two-factor" policy, enrolment) comes first.
            TwoFactorSignInServlet.begin(request, user.getId(), !twoFactor.isEnrolled(user.getId()));
            response.sendRedirect(request.getContextPath() + "/login/two-factor?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        signIns.complete(request, user, ip, Map.of());
        response.sendRedirect(request.getContextPath() + next);
    }

    @Inject
    Instance<SignInPurpose> purposes;

    private void show(HttpServletRequest request, HttpServletResponse response, String next, String error, int status)
            throws ServletException, IOException {
        response.setStatus(status);
        request.setAttribute("next", next);
        // "Sign in to continue to <app>" during an OAuth authorization (the feature behind next names it).
        for (SignInPurpose purpose : purposes) {
            purpose.continuingTo(next).ifPresent(app -> request.setAttribute("continuingTo", app));
        }
        request.setAttribute("error", error);
        request.setAttribute("login", request.getParameter("login"));
        Views.render(request, response, "account/login");
    }
}
