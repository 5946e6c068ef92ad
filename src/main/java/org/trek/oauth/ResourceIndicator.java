package org.trek.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Comparison of a requested {@code resource} (RFC 8707 §2) with this server's canonical MCP URI. Scheme and host
 * compare case-insensitively and a default port equals no port (the MCP authorization spec asks servers to accept
 * upper-case scheme and host); a trailing slash is ignored; a fragment or query never matches.
 */
public final class ResourceIndicator {
    private ResourceIndicator() {
    }

    public static boolean matches(String requested, String canonical) {
        if (requested == null || canonical == null) {
            return false;
        }
        try {
            URI r = new URI(requested);
            URI c = new URI(canonical);
            if (r.getScheme() == null || r.getHost() == null || r.getRawFragment() != null || r.getRawQuery() != null
                    || r.getRawUserInfo() != null) {
                return false;
            }
            return r.getScheme().equalsIgnoreCase(c.getScheme())
                    && r.getHost().toLowerCase(Locale.ROOT).equals(c.getHost().toLowerCase(Locale.ROOT))
                    && port(r) == port(c)
                    && path(r).equals(path(c));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }

    private static String path(URI u) {
        String p = u.getRawPath() == null ? "" : u.getRawPath();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
