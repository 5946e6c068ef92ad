package org.trek.mcp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A legacy MCP message waiting for the node that runs the call it belongs to (see {@link McpHandover}). */
@Entity
@Table(name = "mcp_handover")
public class McpHandoverRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_hash", nullable = false, length = 64)
    private String sessionHash;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "request_key", nullable = false, length = 300)
    private String requestKey;

    @Lob
    @Column(name = "payload")
    private String payload;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected McpHandoverRow() {
    }

    McpHandoverRow(String sessionHash, String kind, String requestKey, String payload, long createdAt) {
        this.sessionHash = sessionHash;
        this.kind = kind;
        this.requestKey = requestKey;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getSessionHash() {
        return sessionHash;
    }

    public String getKind() {
        return kind;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public String getPayload() {
        return payload;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
