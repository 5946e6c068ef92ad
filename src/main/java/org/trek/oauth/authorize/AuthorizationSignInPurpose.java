package org.trek.oauth.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.trek.oauth.OAuthGate;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.platform.web.SignInPurpose;

/**
 * The sign-in page during an authorization names the application: a {@code next} of /oauth/authorize with a
 * client_id of a stored client (the authorization endpoint validated and, for a metadata document, stored it before
 * sending the visitor here; nothing is fetched from the sign-in page).
 */
@ApplicationScoped
public class AuthorizationSignInPurpose implements SignInPurpose {
    static final String AUTHORIZE_PATH = "/oauth/authorize";

    @Inject
    ClientService clients;

    @Inject
    OAuthGate gate;

    @Override
    public Optional<String> continuingTo(String nextPath) {
        String clientId = clientIdOf(nextPath);
        if (clientId == null || clientId.length() > 190 || !gate.mcpEnabled()) {
            return Optional.empty();
        }
        return clients.findStored(clientId).map(OAuthClient::getName);
    }

    /** The single client_id of an /oauth/authorize path, or null. */
    static String clientIdOf(String nextPath) {
        if (nextPath == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(nextPath);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!AUTHORIZE_PATH.equals(uri.getRawPath()) || uri.getRawQuery() == null) {
            return null;
        }
        String found = null;
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "client_id".equals(pair.substring(0, eq))) {
                if (found != null) {
                    return null; // repeated: the authorization endpoint refuses it too
                }
                try {
                    found = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return found == null || found.isEmpty() ? null : found;
    }
}
