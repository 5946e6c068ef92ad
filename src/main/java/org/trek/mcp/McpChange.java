package org.trek.mcp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the change feed every node polls (see {@link McpChangeFeed}). */
@Entity
@Table(name = "mcp_changes")
public class McpChange {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "node_id", nullable = false)
    private String nodeId;

    @Column(name = "change_kind", nullable = false)
    private String kind;

    @Column(name = "target", nullable = false)
    private String target;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** The one user the change is meant for, or null for every subscriber who may read the target. */
    @Column(name = "user_id")
    private Long userId;

    protected McpChange() {
    }

    McpChange(String nodeId, String kind, String target, Long userId, long createdAt) {
        this.nodeId = nodeId;
        this.kind = kind;
        this.target = target;
        this.userId = userId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getKind() {
        return kind;
    }

    public String getTarget() {
        return target;
    }

    public Long getUserId() {
        return userId;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
