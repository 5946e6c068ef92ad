package org.trek.account;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.trek.platform.web.CsrfFilter;

/**
 * A user whose password was set by an admin (or a first admin with a generated or weak ADMIN_PASSWORD) reaches
 * nothing but the change-password screen and sign-out until they choose their own password. Where they were going
 * (a pending OAuth authorization, say) is kept as "next" and followed after the change. Machine endpoints (bearer
 * tokens, no screen) are not concerned.
 */
final class PasswordChangeGate {
    static final String PATH = "/settings/password";

    private PasswordChangeGate() {
    }

    /** Whether this request may go on for this signed-in user. */
    static boolean allows(User user, String path) {
        return !user.isMustChangePassword() || path.equals(PATH) || path.equals("/logout") || path.equals("/login")
                || path.startsWith("/assets/") || CsrfFilter.isMachineEndpoint(path);
    }

    /** Where to send the user instead: the change-password screen, remembering a page they asked for (GET). */
    static String redirect(HttpServletRequest request) {
        String target = request.getContextPath() + PATH;
        if (!"GET".equals(request.getMethod())) {
            return target;
        }
        String wanted = TrekAuthenticationMechanism.currentPath(request);
        return wanted.equals("/") || !ReturnPath.isSafe(wanted) ? target
                : target + "?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8);
    }
}
