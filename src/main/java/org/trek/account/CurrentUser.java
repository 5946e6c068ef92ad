package org.trek.account;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.trek.audit.Actor;
import org.trek.platform.web.ClientIp;

/** Reads the signed-in user from a request (the principal's name is the user id). */
public final class CurrentUser {
    public static final String USERNAME_ATTRIBUTE = "trek.username";

    private CurrentUser() {
    }

    public static Long id(HttpServletRequest request) {
        Principal p = request.getUserPrincipal();
        if (p == null) {
            return null;
        }
        try {
            return Long.valueOf(p.getName());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Actor actor(HttpServletRequest request, List<String> trustedProxies) {
        Object name = request.getSession(false) == null ? null : request.getSession(false).getAttribute(USERNAME_ATTRIBUTE);
        return new Actor(id(request), name == null ? null : name.toString(), ClientIp.resolve(request, trustedProxies));
    }
}
