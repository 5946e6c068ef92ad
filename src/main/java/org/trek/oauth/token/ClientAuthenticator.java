package org.trek.oauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthException;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.platform.SecureRandoms;

/**
 * Client authentication at the token, revocation and introspection endpoints (RFC 6749 §2.3, OAuth 2.1 §2.4).
 * Confidential clients prove their secret with client_secret_basic or client_secret_post; public clients send only
 * their client_id (PKCE protects their codes) and must not send a secret. It runs before any code is consumed.
 */
@ApplicationScoped
public class ClientAuthenticator {

    @Inject
    ClientService clients;

    @Inject
    AuditService audit;

    public OAuthClient authenticate(ClientCredentials credentials, Actor actor, String endpoint) {
        OAuthClient client = clients.find(credentials.clientId()).orElse(null);
        boolean ok;
        if (client == null) {
            ok = false;
        } else if (client.isPublicClient()) {
            ok = credentials.secret() == null;
        } else {
            ok = credentials.secret() != null && client.getSecretHash() != null
                    && SecureRandoms.constantTimeEquals(client.getSecretHash(), SecureRandoms.sha256Hex(credentials.secret()));
        }
        if (!ok) {
            audit.record(actor, "oauth.token.client_auth_failed", credentials.clientId(),
                    Map.of("client_id", trim(credentials.clientId()), "endpoint", endpoint, "method", credentials.method()));
            throw OAuthException.invalidClient("Client authentication failed");
        }
        return client;
    }

    private static String trim(String s) {
        return s == null ? "" : s.length() > 190 ? s.substring(0, 190) : s;
    }
}
