package org.trek.mcp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A legacy session's resources/subscribe, stored with the session (it ends with the session). */
@Entity
@Table(name = "mcp_subscriptions")
@IdClass(McpSubscription.Key.class)
public class McpSubscription {
    /** Marks a full-access grant (static token) in grant_scopes. */
    static final String ALL_SCOPES = "*";

    @Id
    @Column(name = "session_hash")
    private String sessionHash;

    @Id
    @Column(name = "uri")
    private String uri;

    @Column(name = "grant_scopes", nullable = false)
    private String grantScopes;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected McpSubscription() {
    }

    McpSubscription(String sessionHash, String uri, String grantScopes, long createdAt) {
        this.sessionHash = sessionHash;
        this.uri = uri;
        this.grantScopes = grantScopes;
        this.createdAt = createdAt;
    }

    public String getSessionHash() {
        return sessionHash;
    }

    public String getUri() {
        return uri;
    }

    public String getGrantScopes() {
        return grantScopes;
    }

    public static class Key implements Serializable {
        private String sessionHash;
        private String uri;

        public Key() {
        }

        public Key(String sessionHash, String uri) {
            this.sessionHash = sessionHash;
            this.uri = uri;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionHash, k.sessionHash) && Objects.equals(uri, k.uri);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionHash, uri);
        }
    }
}
