package org.trek.oauth.grant;

import java.time.Instant;
import java.util.List;

/** One live grant (token family) as the screens show it. A class with getters, because JSP EL cannot read records. */
public final class GrantView {
    private final String grantId;
    private final long userId;
    private final String username;
    private final String clientId;
    private final String clientName;
    private final boolean selfRegistered;
    private final List<String> scopes;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant refreshExpiresAt;

    GrantView(String grantId, long userId, String username, String clientId, String clientName, boolean selfRegistered,
              List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant refreshExpiresAt) {
        this.grantId = grantId;
        this.userId = userId;
        this.username = username;
        this.clientId = clientId;
        this.clientName = clientName;
        this.selfRegistered = selfRegistered;
        this.scopes = scopes;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.refreshExpiresAt = refreshExpiresAt;
    }

    public String getGrantId() {
        return grantId;
    }

    public long getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
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

    public List<String> getScopes() {
        return scopes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRefreshExpiresAt() {
        return refreshExpiresAt;
    }
}
