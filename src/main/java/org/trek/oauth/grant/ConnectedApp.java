package org.trek.oauth.grant;

import java.time.Instant;
import java.util.List;

/** An application the user has connected: its consent and its live grants (Settings → Connected apps). */
public final class ConnectedApp {
    private final String clientId;
    private final String clientName;
    private final boolean selfRegistered;
    private final List<String> consentedScopes;
    private final Instant consentUpdatedAt;
    private final List<GrantView> grants;
    private final Instant lastUsedAt;

    ConnectedApp(String clientId, String clientName, boolean selfRegistered, List<String> consentedScopes,
                 Instant consentUpdatedAt, List<GrantView> grants, Instant lastUsedAt) {
        this.clientId = clientId;
        this.clientName = clientName;
        this.selfRegistered = selfRegistered;
        this.consentedScopes = consentedScopes;
        this.consentUpdatedAt = consentUpdatedAt;
        this.grants = grants;
        this.lastUsedAt = lastUsedAt;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientName() {
        return clientName;
    }

    public boolean isSelfRegistered() {
        return selfRegistered;
    }

    public List<String> getConsentedScopes() {
        return consentedScopes;
    }

    public Instant getConsentUpdatedAt() {
        return consentUpdatedAt;
    }

    public List<GrantView> getGrants() {
        return grants;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
