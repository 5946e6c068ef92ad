package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.trek.platform.AppConfig;

/**
 * DNS-rebinding protection (MCP 2025-11-25 basic/transports "Security Warning": servers MUST validate the Origin
 * header; 403 when it is not allowed). Allowed: no Origin (non-browser clients), the APP_URL origin, the
 * MCP_ALLOWED_ORIGINS list, and loopback origins when APP_URL itself is a loopback address. The Host header must name
 * APP_URL's host, a loopback host, or one of MCP_ALLOWED_HOSTS.
 */
@ApplicationScoped
public class TransportGuard {

    @Inject
    AppConfig config;

    /** What the checks compare with, read once from the configuration (it does not change while running). */
    private record Settings(String appOrigin, String appHost, boolean appIsLoopback, List<String> allowedOrigins,
                            List<String> allowedHosts) {
    }

    private volatile Settings settings;

    private Settings settings() {
        Settings s = settings;
        if (s == null) {
            String host = URI.create(config.appUrl()).getHost().toLowerCase(Locale.ROOT);
            s = new Settings(config.appOrigin().toLowerCase(Locale.ROOT), host, isLoopback(host),
                    config.getList("MCP_ALLOWED_ORIGINS").stream()
                            .map(a -> a.toLowerCase(Locale.ROOT).replaceAll("/+$", "")).toList(),
                    config.getList("MCP_ALLOWED_HOSTS"));
            settings = s;
        }
        return s;
    }

    public boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        Settings s = settings();
        String o = origin.strip().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        if (o.equals(s.appOrigin()) || s.allowedOrigins().contains(o)) {
            return true;
        }
        if (s.appIsLoopback()) {
            try {
                URI u = URI.create(o);
                return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && isLoopback(u.getHost());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    public boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return true; // HTTP/1.0 without Host: nothing a browser would send
        }
        Settings s = settings();
        String h = hostName(host.strip().toLowerCase(Locale.ROOT));
        if (isLoopback(h) || h.equals(s.appHost())) {
            return true;
        }
        return s.allowedHosts().stream().anyMatch(a -> a.equalsIgnoreCase(h));
    }

    private static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end > 0 ? hostHeader.substring(0, end + 1) : hostHeader;
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 ? hostHeader.substring(0, colon) : hostHeader;
    }

    /** 127.0.0.0/8 written as an IPv4 literal: a name such as 127.attacker.example is not loopback (DNS rebinding). */
    private static final java.util.regex.Pattern LOOPBACK_V4 =
            java.util.regex.Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches();
    }
}
