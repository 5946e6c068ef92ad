package org.trek.account.twofactor;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.trek.account.ReturnPath;
import org.trek.account.SignIns;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.web.ClientIp;
import org.trek.platform.web.Views;

/**
 * The second step of a sign-in, after a correct password: the code from the authenticator app or a recovery code;
 * or, under the "require two-factor" policy, enrolment for a user who has none yet (nothing else is reachable, as
 * the user is not signed in before it is done). "next" is carried through, so a pending OAuth authorization
 * (/oauth/authorize?...) continues afterwards with its consent page. The pending state lives in the servlet session
 * (Strings and Longs only) for {@link #PENDING_MS}.
 */
@WebServlet("/login/two-factor")
public class TwoFactorSignInServlet extends HttpServlet {
    static final String PENDING_USER = "trek.2fa.user";
    static final String PENDING_SINCE = "trek.2fa.since";
    static final String PENDING_ENROL = "trek.2fa.enrol";
    /** The not yet confirmed secret of an enrolment (sign-in or Settings). */
    static final String ENROL_SECRET = "trek.2fa.secret";
    /** Recovery codes to show once on the next page. */
    static final String NEW_CODES = "trek.2fa.codes";
    static final long PENDING_MS = 10 * 60_000;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    TwoFactorThrottle throttle;

    @Inject
    UserService users;

    @Inject
    SignIns signIns;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** Called by the password step: the password was right, the second step is due. */
    public static void begin(HttpServletRequest request, long userId, boolean enrol) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(PENDING_USER, String.valueOf(userId));
        session.setAttribute(PENDING_SINCE, System.currentTimeMillis());
        session.setAttribute(PENDING_ENROL, enrol ? "true" : "false");
        session.removeAttribute(ENROL_SECRET);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String next = ReturnPath.safe(request.getParameter("next"));
        User user = pendingUser(request);
        if (user == null) {
            response.sendRedirect(request.getContextPath() + "/login?expired=1&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        show(request, response, user, next, null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String next = ReturnPath.safe(request.getParameter("next"));
        User user = pendingUser(request);
        if (user == null) {
            response.sendRedirect(request.getContextPath() + "/login?expired=1&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        String ip = ClientIp.resolve(request, config.trustedProxies());
        Actor actor = new Actor(user.getId(), user.getUsername(), ip);
        long blocked = throttle.attempt(user.getId(), ip);
        if (blocked > 0) {
            audit.record(actor, "auth.two_factor.blocked", "user:" + user.getId(), Map.of());
            response.setHeader("Retry-After", String.valueOf(blocked));
            show(request, response, user, next, "Too many wrong codes. Try again in "
                    + Math.max(1, (blocked + 59) / 60) + " minute(s).", 429);
            return;
        }
        HttpSession session = request.getSession();
        String code = request.getParameter("code");
        if (enrolling(session)) {
            try {
                List<String> codes = twoFactor.enrol(actor, user.getId(), (String) session.getAttribute(ENROL_SECRET), code);
                throttle.succeeded(user.getId(), ip);
                finish(request, user, ip, "enrolled");
                request.getSession().setAttribute(NEW_CODES, String.join("\n", codes));
                response.sendRedirect(request.getContextPath() + "/settings/two-factor?next="
                        + URLEncoder.encode(next, StandardCharsets.UTF_8));
            } catch (TwoFactorService.TwoFactorException e) {
                throttle.failed(user.getId(), ip);
                show(request, response, user, next, e.getMessage(), 400);
            }
            return;
        }
        TwoFactorService.Check check = code == null || code.isBlank() ? TwoFactorService.Check.WRONG
                : twoFactor.verify(actor, user.getId(), code.trim());
        if (check == TwoFactorService.Check.KEY_UNAVAILABLE) {
            throttle.failed(user.getId(), ip);
            show(request, response, user, next, "Codes from your authenticator app cannot be checked on this server "
                    + "right now. Sign in with one of your recovery codes, or ask an administrator to reset two-factor.", 401);
            return;
        }
        if (check == TwoFactorService.Check.WRONG) {
            throttle.failed(user.getId(), ip);
            show(request, response, user, next, code == null || code.isBlank()
                    ? "Enter the code from your authenticator app or a recovery code."
                    : "That code is not right, or it was used already. Enter the current code.", 401);
            return;
        }
        throttle.succeeded(user.getId(), ip);
        finish(request, user, ip, check == TwoFactorService.Check.CODE ? "code" : "recovery_code");
        if (check == TwoFactorService.Check.RECOVERY_CODE) {
            int left = twoFactor.recoveryCodesLeft(user.getId());
            Views.redirectWithMessage(request, response, next, "You signed in with a recovery code; " + left
                    + " left. If your phone is lost, set up two-factor again in Settings → Security.", false);
            return;
        }
        response.sendRedirect(request.getContextPath() + next);
    }

    private void finish(HttpServletRequest request, User user, String ip, String how) {
        HttpSession session = request.getSession();
        session.removeAttribute(PENDING_USER);
        session.removeAttribute(PENDING_SINCE);
        session.removeAttribute(PENDING_ENROL);
        session.removeAttribute(ENROL_SECRET);
        signIns.complete(request, user, ip, Map.of("two_factor", how));
    }

    private static boolean enrolling(HttpSession session) {
        return "true".equals(session.getAttribute(PENDING_ENROL));
    }

    /** The user whose password step passed in this session, within the time allowed, still enabled. */
    private User pendingUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING_USER) instanceof String id)
                || !(session.getAttribute(PENDING_SINCE) instanceof Long since)
                || System.currentTimeMillis() - since > PENDING_MS) {
            return null;
        }
        try {
            return users.find(Long.parseLong(id)).filter(u -> !u.isDisabled()).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, User user, String next, String error,
                      int status) throws ServletException, IOException {
        response.setStatus(status);
        request.setAttribute("next", next);
        request.setAttribute("codeError", error);
        HttpSession session = request.getSession();
        if (enrolling(session)) {
            String secret = (String) session.getAttribute(ENROL_SECRET);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(ENROL_SECRET, secret);
            }
            Enrolment.expose(request, twoFactor.otpauthUri(user, secret), secret);
            request.setAttribute("enrolAction", request.getContextPath() + "/login/two-factor");
            Views.render(request, response, "account/two-factor-required");
            return;
        }
        Views.render(request, response, "account/two-factor-code");
    }
}
