package org.trek.mcp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A legacy MCP session as every node sees it: keyed by the SHA-256 of its id, bound to a grant. */
@Entity
@Table(name = "mcp_sessions")
public class McpSessionRecord {
    @Id
    @Column(name = "session_hash")
    private String sessionHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "grant_id", nullable = false)
    private String grantId;

    @Column(name = "protocol_version", nullable = false)
    private String protocolVersion;

    @Column(name = "log_level")
    private String logLevel;

    @Column(name = "client_caps")
    private String clientCapabilities;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected McpSessionRecord() {
    }

    McpSessionRecord(String sessionHash, long userId, String clientId, String grantId, String protocolVersion,
                     String clientCapabilities, Instant now) {
        this.sessionHash = sessionHash;
        this.userId = userId;
        this.clientId = clientId;
        this.grantId = grantId;
        this.protocolVersion = protocolVersion;
        this.clientCapabilities = clientCapabilities;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public String getSessionHash() {
        return sessionHash;
    }

    public long getUserId() {
        return userId;
    }

    public String getClientId() {
        return clientId;
    }

    public String getGrantId() {
        return grantId;
    }

    public String getProtocolVersion() {
        return protocolVersion;
    }

    public String getLogLevel() {
        return logLevel;
    }

    public String getClientCapabilities() {
        return clientCapabilities;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
