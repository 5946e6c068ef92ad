package org.trek.oauth.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trek.oauth.ResourceIndicator;
import org.trek.oauth.client.OAuthClient;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.oauth.token.PkceVerifier;

/**
 * Validation of an authorization request (RFC 6749 §4.1.1 and §4.1.2.1, OAuth 2.1 §4.1.1, RFC 7636, RFC 8707).
 * Problems with client_id or redirect_uri are never sent to the redirect URI — they are shown to the user
 * (RFC 6749 §4.1.2.1: "MUST NOT automatically redirect"). Every other problem goes back to the client.
 */
public final class AuthorizationRequest {

    private AuthorizationRequest() {
    }

    /** What validation found. */
    public sealed interface Outcome permits PageError, RedirectError, Valid {
    }

    /** Shown as a page, never redirected. */
    public record PageError(String message) implements Outcome {
    }

    /** Sent back to the (verified) redirect URI with error, error_description, state and iss. */
    public record RedirectError(String redirectUri, String error, String description, String state) implements Outcome {
    }

    /**
     * A valid request: {@code scopes} are the requested ones the client may be granted (the user picks among them);
     * {@code unavailable} are the requested ones it may not, each with the reason shown on the consent page.
     */
    public record Valid(OAuthClient client, String redirectUri, List<String> scopes, String state, String codeChallenge,
                        String resource, List<Unavailable> unavailable) implements Outcome {
    }

    /** A requested scope that cannot be granted, and why (in words for the user). */
    public record Unavailable(String scope, String reason) {
    }

    static final String UNKNOWN_SCOPE = "TREK has no permission of this name.";
    static final String NOT_SET_UP = "Not among the permissions this application was given when it was created in "
            + "TREK Settings; its creator can create it again with this permission.";

    /**
     * @param params   the request parameters (all values of a name)
     * @param client   the client named by client_id, or null if unknown
     * @param resource this server's protected resource (APP_URL/mcp)
     */
    public static Outcome validate(Function<String, String[]> params, Function<String, OAuthClient> clientLookup, String resource) {
        String clientId = one(params, "client_id");
        if (clientId == null) {
            return new PageError("The application did not say who it is (client_id is missing or repeated).");
        }
        OAuthClient client = clientLookup.apply(clientId);
        if (client == null) {
            return new PageError("This application is not registered with TREK (unknown client_id).");
        }
        String redirectUri = one(params, "redirect_uri");
        String[] redirects = params.apply("redirect_uri");
        if (redirectUri == null) {
            List<String> registered = client.getRedirectUriList();
            // OAuth 2.1 §4.1.1: redirect_uri may be left out when exactly one is registered (and fixed).
            if ((redirects == null || redirects.length == 0) && registered.size() == 1 && !registered.get(0).startsWith("http://")) {
                redirectUri = registered.get(0);
            } else {
                return new PageError("The application sent no redirect URI, or more than one.");
            }
        } else if (!client.acceptsRedirect(redirectUri)) {
            return new PageError("The redirect URI does not match any URI registered for this application.");
        }
        String state = values(params, "state") > 1 ? null : one(params, "state");
        for (String name : List.of("response_type", "code_challenge", "code_challenge_method", "scope", "state", "resource")) {
            if (values(params, name) > 1) {
                return new RedirectError(redirectUri, "invalid_request", "parameter " + name + " was repeated", state);
            }
        }
        String responseType = one(params, "response_type");
        if (responseType == null) {
            return new RedirectError(redirectUri, "invalid_request", "response_type is required", state);
        }
        if (!responseType.equals("code")) {
            return new RedirectError(redirectUri, "unsupported_response_type", "only response_type=code is supported", state);
        }
        String challenge = one(params, "code_challenge");
        String method = one(params, "code_challenge_method");
        if (challenge == null || !"S256".equals(method)) {
            return new RedirectError(redirectUri, "invalid_request", "PKCE with code_challenge_method=S256 is required", state);
        }
        if (!PkceVerifier.isValidChallenge(challenge)) {
            return new RedirectError(redirectUri, "invalid_request", "code_challenge must be 43 base64url characters", state);
        }
        String requestedResource = one(params, "resource");
        if (requestedResource != null && !ResourceIndicator.matches(requestedResource, resource)) {
            // RFC 8707 §2: a resource this server does not issue tokens for.
            return new RedirectError(redirectUri, "invalid_target", "resource must be " + resource, state);
        }
        String scope = one(params, "scope");
        List<String> granted;
        List<Unavailable> unavailable = new ArrayList<>();
        if (scope == null) {
            granted = client.getScopeList(); // RFC 6749 §3.3: the registered default
        } else {
            List<String> allowed = grantable(client);
            ScopeCatalog.Parsed parsed = ScopeCatalog.parse(scope);
            granted = parsed.known().stream().filter(allowed::contains).toList();
            parsed.known().stream().filter(s -> !allowed.contains(s))
                    .forEach(s -> unavailable.add(new Unavailable(s, NOT_SET_UP)));
            parsed.unknown().stream().limit(20).forEach(s -> unavailable.add(
                    new Unavailable(s.length() > 64 ? s.substring(0, 64) + "…" : s, UNKNOWN_SCOPE)));
        }
        if (granted.isEmpty()) {
            return new RedirectError(redirectUri, "invalid_scope", "none of the requested scopes is available to this application", state);
        }
        return new Valid(client, redirectUri, granted, state, challenge, resource, List.copyOf(unavailable));
    }

    /**
     * The scopes a request of this client may name. A client created in TREK Settings: the ones its creator chose
     * there. A self-registered client (dynamic registration or metadata document): any scope, because its
     * registration is its own say-so (anyone may register any scopes), so the registered list is no boundary; the
     * user's choice on the consent page is. Its registered scopes stay the default when a request names none.
     */
    static List<String> grantable(OAuthClient client) {
        return client.isSelfRegistered() ? ScopeCatalog.names() : client.getScopeList();
    }

    /** The redirect URI with the response parameters appended to its query (RFC 6749 §4.1.2, RFC 9207 §2). */
    public static String redirect(String redirectUri, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(redirectUri);
        char sep = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }

    public static String errorRedirect(RedirectError e, String issuer) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", e.error());
        p.put("error_description", e.description());
        p.put("state", e.state());
        p.put("iss", issuer);
        return redirect(e.redirectUri(), p);
    }

    private static int values(Function<String, String[]> params, String name) {
        String[] v = params.apply(name);
        return v == null ? 0 : v.length;
    }

    /** The single non-empty value, or null when absent, empty or repeated. */
    private static String one(Function<String, String[]> params, String name) {
        String[] v = params.apply(name);
        if (v == null || v.length != 1 || v[0] == null || v[0].isEmpty()) {
            return null;
        }
        return v[0];
    }

}
