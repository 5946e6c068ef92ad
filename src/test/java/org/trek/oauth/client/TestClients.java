package org.trek.oauth.client;

import java.time.Instant;
import java.util.List;

/** Builds client entities for unit tests (the constructor is package-private on purpose). */
public final class TestClients {
    private TestClients() {
    }

    public static OAuthClient publicClient(String clientId, List<String> redirectUris, List<String> scopes) {
        return new OAuthClient(clientId, "Test", ClientOrigin.DCR, true, OAuthClient.AUTH_NONE, redirectUris, scopes, null,
                Instant.now());
    }

    /** A public client created in TREK Settings (its scopes are what its creator allowed). */
    public static OAuthClient settingsClient(String clientId, List<String> redirectUris, List<String> scopes) {
        return new OAuthClient(clientId, "Test", ClientOrigin.SETTINGS, true, OAuthClient.AUTH_NONE, redirectUris, scopes,
                1L, Instant.now());
    }
}
