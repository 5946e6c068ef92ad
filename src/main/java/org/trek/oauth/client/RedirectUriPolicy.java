package org.trek.oauth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one redirect-URI rule of the whole server: Settings clients, dynamic registration, client ID metadata
 * documents, the authorization endpoint and the token endpoint all use it.
 *
 * <ul>
 *   <li>Allowed at registration: {@code https} with a host; loopback {@code http} on {@code localhost},
 *   {@code 127.0.0.1} or {@code [::1]} (RFC 8252 §7.3); a private-use scheme containing a dot, i.e. reverse DNS
 *   (RFC 8252 §7.1). Never a fragment (RFC 6749 §3.1.2), never user info, never a dangerous scheme.</li>
 *   <li>Matching at authorize time: exact string comparison (OAuth 2.1 §2.3.1 / RFC 9700 §4.1.3), except that for a
 *   loopback http URI any port matches (RFC 8252 §7.3), and a registered loopback URI without a path matches any
 *   path on that host (the port is free anyway, so a path adds nothing there).</li>
 * </ul>
 */
public final class RedirectUriPolicy {

    public static final int MAX_LENGTH = 2000;
    public static final int MAX_PER_CLIENT = 10;
    /** The client's URIs are stored joined by newlines in one column of this size (oauth_clients.redirect_uris). */
    public static final int MAX_TOTAL_LENGTH = 4000;

    private static final Set<String> DANGEROUS = Set.of("javascript", "data", "vbscript", "file", "blob", "about",
            "chrome", "chrome-extension", "moz-extension", "ms-browser-extension", "view-source", "ws", "wss",
            "ftp", "jar", "mailto", "tel", "sms", "intent", "content", "filesystem");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*$");

    private RedirectUriPolicy() {
    }

    /**
     * Why this list of (individually valid) URIs may not be registered together: too many, or too long to store.
     * Empty when it may.
     */
    public static Optional<String> listProblem(List<String> uris) {
        if (uris.size() > MAX_PER_CLIENT) {
            return Optional.of("at most " + MAX_PER_CLIENT + " redirect URIs are allowed");
        }
        if (String.join("\n", uris).length() > MAX_TOTAL_LENGTH) {
            return Optional.of("the redirect URIs together are longer than " + MAX_TOTAL_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** Why this URI may not be registered, or empty when it may. */
    public static Optional<String> problem(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.of("redirect URI is empty");
        }
        if (uri.length() > MAX_LENGTH) {
            return Optional.of("redirect URI is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                return Optional.of("redirect URI contains whitespace, control characters or backslashes");
            }
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("redirect URI is not a valid URI");
        }
        String scheme = parsed.getScheme();
        if (scheme == null) {
            return Optional.of("redirect URI must be absolute");
        }
        if (parsed.getRawFragment() != null || uri.contains("#")) {
            return Optional.of("redirect URI must not contain a fragment"); // RFC 6749 §3.1.2
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (DANGEROUS.contains(scheme)) {
            return Optional.of("redirect URI scheme '" + scheme + "' is not allowed");
        }
        if (parsed.getRawUserInfo() != null) {
            return Optional.of("redirect URI must not contain user information");
        }
        if (scheme.equals("https")) {
            if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
                return Optional.of("https redirect URI needs a host");
            }
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            if (!isLoopbackHost(parsed.getHost())) {
                return Optional.of("http redirect URIs are allowed only on localhost, 127.0.0.1 or [::1]; use https");
            }
            return Optional.empty();
        }
        // RFC 8252 §7.1: private-use schemes are reverse domain names, so they contain a dot.
        if (!PRIVATE_SCHEME.matcher(scheme).matches() || !scheme.contains(".")) {
            return Optional.of("redirect URI must use https, loopback http, or a private-use scheme such as com.example.app:");
        }
        if (!uri.startsWith(parsed.getScheme() + ":")) {
            return Optional.of("redirect URI is not a valid URI");
        }
        return Optional.empty();
    }

    public static boolean isAllowed(String uri) {
        return problem(uri).isEmpty();
    }

    /** Whether {@code requested} (from an authorization request) matches the registered {@code registered}. */
    public static boolean matches(String registered, String requested) {
        if (registered == null || requested == null) {
            return false;
        }
        if (registered.equals(requested)) {
            return isAllowed(requested);
        }
        URI reg;
        URI req;
        try {
            reg = new URI(registered);
            req = new URI(requested);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"http".equalsIgnoreCase(reg.getScheme()) || !"http".equalsIgnoreCase(req.getScheme())
                || !isLoopbackHost(reg.getHost()) || !isAllowed(requested)) {
            return false;
        }
        // RFC 8252 §7.3: the port is chosen by the client at request time, so any port matches.
        if (!reg.getHost().equalsIgnoreCase(req.getHost())) {
            return false;
        }
        String regPath = reg.getRawPath() == null ? "" : reg.getRawPath();
        String reqPath = req.getRawPath() == null ? "" : req.getRawPath();
        boolean regQueryless = reg.getRawQuery() == null;
        if (regPath.isEmpty() || regPath.equals("/")) {
            return regQueryless; // bare loopback registration: any path on that host
        }
        return regPath.equals(reqPath) && java.util.Objects.equals(reg.getRawQuery(), req.getRawQuery());
    }

    /** localhost, 127.0.0.1 or [::1] (any case): the hosts a loopback redirect URI may name. */
    public static boolean isLoopbackHost(String host) {
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }
}
