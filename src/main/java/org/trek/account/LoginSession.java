package org.trek.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One screen sign-in as every node sees it (see {@link LoginSessions}); keyed by the hash of its random id. */
@Entity
@Table(name = "login_sessions")
public class LoginSession {
    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "password_version", nullable = false)
    private int passwordVersion;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private long lastSeenAt;

    protected LoginSession() {
    }

    LoginSession(String tokenHash, long userId, int passwordVersion, long now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.passwordVersion = passwordVersion;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public long getUserId() {
        return userId;
    }

    public int getPasswordVersion() {
        return passwordVersion;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getLastSeenAt() {
        return lastSeenAt;
    }

    void seen(long now) {
        this.lastSeenAt = now;
    }
}
