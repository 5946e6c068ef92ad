package org.trek.account.twofactor;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.LoginThrottle;
import org.trek.account.PasswordHasher;
import org.trek.account.ReturnPath;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;

/**
 * Settings → Security (/settings/two-factor): set up two-factor sign-in (QR code and the secret as text, confirmed
 * by a code), see the recovery codes once, turn it off with the password.
 */
@WebServlet("/settings/two-factor")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class TwoFactorSettingsServlet extends HttpServlet {

    @Inject
    TwoFactorService twoFactor;

    @Inject
    UserService users;

    /** Set with the codes of "Get new recovery codes", so their page says the old ones are void. */
    private static final String RENEWED = "trek.2fa.codes_renewed";

    @Inject
    PasswordHasher passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        show(request, response, null, null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        HttpSession session = request.getSession();
        switch (String.valueOf(request.getParameter("action"))) {
            case "start" -> {
                session.setAttribute(TwoFactorSignInServlet.ENROL_SECRET, Totp.newSecret());
                response.sendRedirect(request.getContextPath() + "/settings/two-factor");
            }
            case "cancel" -> {
                session.removeAttribute(TwoFactorSignInServlet.ENROL_SECRET);
                response.sendRedirect(request.getContextPath() + "/settings/two-factor");
            }
            case "confirm" -> {
                try {
                    List<String> codes = twoFactor.enrol(actor, userId,
                            (String) session.getAttribute(TwoFactorSignInServlet.ENROL_SECRET), request.getParameter("code"));
                    session.removeAttribute(TwoFactorSignInServlet.ENROL_SECRET);
                    session.setAttribute(TwoFactorSignInServlet.NEW_CODES, String.join("\n", codes));
                    response.sendRedirect(request.getContextPath() + "/settings/two-factor");
                } catch (TwoFactorService.TwoFactorException e) {
                    show(request, response, e.getMessage(), null, 400);
                }
            }
            case "disable" -> {
                if (twoFactor.required()) {
                    show(request, response, null, "Your administrator requires two-factor sign-in; it cannot be turned off.", 400);
                    return;
                }
                if (passwordConfirmed(request, response, userId, actor, "password_to_disable")) {
                    twoFactor.disable(actor, userId);
                    Views.redirectWithMessage(request, response, "/settings/two-factor", "Two-factor sign-in is off.", false);
                }
            }
            case "new-codes" -> {
                if (!twoFactor.isEnrolled(userId)) {
                    Views.redirectWithMessage(request, response, "/settings/two-factor", "Two-factor sign-in is off.", true);
                    return;
                }
                if (passwordConfirmed(request, response, userId, actor, "password_for_new_codes")) {
                    List<String> codes = twoFactor.newRecoveryCodes(actor, userId);
                    session.setAttribute(TwoFactorSignInServlet.NEW_CODES, String.join("\n", codes));
                    session.setAttribute(RENEWED, Boolean.TRUE);
                    response.sendRedirect(request.getContextPath() + "/settings/two-factor");
                }
            }
            default -> Views.redirectWithMessage(request, response, "/settings/two-factor", "Unknown action.", true);
        }
    }

    /**
     * The password behind a change to two-factor, checked under the sign-in's throttle (the same counts), so a session
     * left open does not become a way to guess it. Answers the refusal itself when it is not confirmed.
     */
    private boolean passwordConfirmed(HttpServletRequest request, HttpServletResponse response, long userId, Actor actor,
                                      String kind) throws ServletException, IOException {
        User user = users.find(userId).orElseThrow();
        long blocked = throttle.attempt(user.getUsername(), userId, actor.ip());
        if (blocked > 0) {
            response.setHeader("Retry-After", String.valueOf(blocked));
            show(request, response, null, "Too many wrong passwords. Try again in "
                    + Math.max(1, (blocked + 59) / 60) + " minute(s).", 429);
            return false;
        }
        String password = request.getParameter("password");
        if (password == null || password.isEmpty() || password.length() > 256
                || !passwords.verify(password, user.getPasswordHash())) {
            throttle.failed(user.getUsername(), userId, actor.ip());
            audit.record(actor, "auth.two_factor.failed", "user:" + userId, Map.of("kind", kind));
            request.setAttribute("passwordFor", request.getParameter("action"));
            show(request, response, null, "That is not your password.", 400);
            return false;
        }
        throttle.succeeded(user.getUsername(), userId, actor.ip());
        return true;
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String codeError, String passwordError,
                      int status) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        User user = users.find(userId).orElseThrow();
        HttpSession session = request.getSession();
        response.setStatus(status);
        boolean enrolled = twoFactor.isEnrolled(userId);
        request.setAttribute("enrolled", enrolled);
        request.setAttribute("required", twoFactor.required());
        request.setAttribute("codeError", codeError);
        request.setAttribute("passwordError", passwordError);
        if (enrolled) {
            request.setAttribute("codesLeft", twoFactor.recoveryCodesLeft(userId));
        }
        if (session.getAttribute(TwoFactorSignInServlet.NEW_CODES) instanceof String codes) {
            session.removeAttribute(TwoFactorSignInServlet.NEW_CODES); // shown once
            request.setAttribute("newCodes", Arrays.asList(codes.split("\n")));
            request.setAttribute("renewed", session.getAttribute(RENEWED) != null);
            session.removeAttribute(RENEWED);
            request.setAttribute("next", ReturnPath.safe(request.getParameter("next")));
        }
        if (session.getAttribute(TwoFactorSignInServlet.ENROL_SECRET) instanceof String secret) {
            Enrolment.expose(request, twoFactor.otpauthUri(user, secret), secret);
            request.setAttribute("enrolAction", request.getContextPath() + "/settings/two-factor");
        }
        request.setAttribute("pageUser", user);
        Views.render(request, response, "account/two-factor");
    }
}
