package org.trek.account;

import java.net.URI;

/**
 * The "next" parameter after login: only a same-origin relative path is accepted, so the login page cannot be
 * used as an open redirect (no scheme, no host, no "//host", no backslashes or control characters).
 */
public final class ReturnPath {
    private ReturnPath() {
    }

    public static String safe(String next) {
        return isSafe(next) ? next : "/";
    }

    public static boolean isSafe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/")) {
            return false;
        }
        if (next.startsWith("//") || next.contains("\\")) {
            return false;
        }
        for (int i = 0; i < next.length(); i++) {
            char ch = next.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                return false;
            }
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//");
        } catch (Exception e) {
            return false;
        }
    }
}
