package org.trek.oauth.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trek.oauth.OAuthException;

/**
 * What a request says about its client, parsed but not yet checked: client_secret_basic (RFC 6749 §2.3.1: the
 * Authorization header, id and secret each form-urlencoded before base64), client_secret_post (body fields), or
 * none (client_id only). Using more than one method is an error (RFC 6749 §2.3).
 */
public record ClientCredentials(String clientId, String secret, String method) {

    public static ClientCredentials parse(String authorization, Map<String, List<String>> form) {
        String bodyId = single(form, "client_id");
        String bodySecret = single(form, "client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (bodySecret != null) {
                throw OAuthException.invalidRequest("use only one client authentication method");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthException.invalidClient("malformed Basic credentials");
            }
            String id;
            String secret;
            try {
                id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient("malformed Basic credentials");
            }
            if (bodyId != null && !bodyId.equals(id)) {
                throw OAuthException.invalidRequest("client_id in the body differs from the Authorization header");
            }
            return new ClientCredentials(id, secret, "client_secret_basic");
        }
        if (authorization != null && !authorization.isBlank()
                && !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw OAuthException.invalidClient("unsupported client authentication scheme");
        }
        if (bodyId == null) {
            throw OAuthException.invalidRequest("client_id is required");
        }
        return new ClientCredentials(bodyId, bodySecret, bodySecret == null ? "none" : "client_secret_post");
    }

    /** A parameter's single value; empty counts as absent and repeats are refused (RFC 6749 §3.1, §3.2). */
    public static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest("parameter " + name + " was sent more than once");
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? null : v;
    }
}
