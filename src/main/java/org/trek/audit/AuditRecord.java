package org.trek.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit log. Rows are append-only. */
@Entity
@Table(name = "audit_log")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "user_id")
    private Long userId;

    @Column(length = 100)
    private String username;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(length = 255)
    private String target;

    /** A JSON object. */
    @Column(length = 4000)
    private String details;

    @Column(length = 64)
    private String ip;

    protected AuditRecord() {
    }

    AuditRecord(Instant createdAt, Long userId, String username, String action, String target, String details, String ip) {
        this.createdAt = createdAt;
        this.userId = userId;
        this.username = username;
        this.action = action;
        this.target = target;
        this.details = details;
        this.ip = ip;
    }

    /** A row as read by plain SQL (the CSV export). */
    static AuditRecord read(long id, Instant createdAt, Long userId, String username, String action, String target,
                            String details, String ip) {
        AuditRecord r = new AuditRecord(createdAt, userId, username, action, target, details, ip);
        r.id = id;
        return r;
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getUserId() {
        return userId;
    }

    public String getUsername() {
        return username;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetails() {
        return details;
    }

    public String getIp() {
        return ip;
    }
}
