package org.trek.oauth.authorize;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What a user approved for a client: one row per (user, client), replaced on each approval (it can narrow). */
@Entity
@Table(name = "oauth_consents")
public class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "client_id", nullable = false, length = 190)
    private String clientId;

    @Column(nullable = false, length = 1000)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Consent() {
    }

    Consent(long userId, String clientId, String scopes, Instant now) {
        this.userId = userId;
        this.clientId = clientId;
        this.scopes = scopes;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void replace(String scopes, Instant now) {
        this.scopes = scopes;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getClientId() {
        return clientId;
    }

    public List<String> getScopeList() {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
