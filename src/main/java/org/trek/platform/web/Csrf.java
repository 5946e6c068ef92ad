package org.trek.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.trek.platform.SecureRandoms;

/** Synchronizer-token CSRF protection: one random token per session, sent back as the "_csrf" form field. */
public final class Csrf {
    public static final String FIELD = "_csrf";
    private static final String SESSION_KEY = "trek.csrf";

    private Csrf() {
    }

    /** The session's token, creating the session and token when needed (views call this through ${csrf}). */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(SESSION_KEY);
        if (token == null) {
            token = SecureRandoms.token(256);
            session.setAttribute(SESSION_KEY, token);
        }
        return token;
    }

    public static boolean isValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        String expected = (String) session.getAttribute(SESSION_KEY);
        return SecureRandoms.constantTimeEquals(expected, request.getParameter(FIELD));
    }
}
