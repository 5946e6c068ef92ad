package org.trek.oauth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One issued access + refresh token pair. All pairs descending from one authorization share a family id, which is
 * the grant id MCP sessions are bound to. A rotated pair keeps its row (for reuse detection) with rotatedAt set.
 */
@Entity
@Table(name = "oauth_tokens")
public class OAuthToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "family_id", nullable = false, length = 64)
    private String familyId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "client_id", nullable = false, length = 190)
    private String clientId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "access_hash", nullable = false, length = 64)
    private String accessHash;

    @Column(name = "refresh_hash", nullable = false, length = 64)
    private String refreshHash;

    /** Scopes of the access token (possibly narrowed on refresh). */
    @Column(nullable = false, length = 1000)
    private String scopes;

    /** Scopes of the whole grant: the most a refresh may ask for (RFC 6749 §6). */
    @Column(name = "grant_scopes", nullable = false, length = 1000)
    private String grantScopes;

    @Column(nullable = false, length = 500)
    private String audience;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "access_expires_at", nullable = false)
    private Instant accessExpiresAt;

    @Column(name = "refresh_expires_at", nullable = false)
    private Instant refreshExpiresAt;

    @Column(name = "family_expires_at")
    private Instant familyExpiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    /** The successor pair, encrypted under a key only the holder of this row's refresh token can derive. */
    @Column(name = "successor_sealed", length = 1000)
    private String successorSealed;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason", length = 32)
    private String revokeReason;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** When this pair's access token was first used at /mcp (set once, see OAuthAccessTokenVerifier). */
    @Column(name = "access_used_at")
    private Instant accessUsedAt;

    protected OAuthToken() {
    }

    OAuthToken(String familyId, Long parentId, String clientId, long userId, String accessHash, String refreshHash,
               String scopes, String grantScopes, String audience, Instant createdAt, Instant accessExpiresAt,
               Instant refreshExpiresAt, Instant familyExpiresAt) {
        this.familyId = familyId;
        this.parentId = parentId;
        this.clientId = clientId;
        this.userId = userId;
        this.accessHash = accessHash;
        this.refreshHash = refreshHash;
        this.scopes = scopes;
        this.grantScopes = grantScopes;
        this.audience = audience;
        this.createdAt = createdAt;
        this.accessExpiresAt = accessExpiresAt;
        this.refreshExpiresAt = refreshExpiresAt;
        this.familyExpiresAt = familyExpiresAt;
    }

    public Long getId() {
        return id;
    }

    public String getFamilyId() {
        return familyId;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getClientId() {
        return clientId;
    }

    public long getUserId() {
        return userId;
    }

    public String getScopes() {
        return scopes;
    }

    public Set<String> scopeSet() {
        return scopes.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    public List<String> grantScopeList() {
        return grantScopes.isBlank() ? List.of() : Arrays.asList(grantScopes.split(" "));
    }

    public String getGrantScopes() {
        return grantScopes;
    }

    public String getAudience() {
        return audience;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAccessExpiresAt() {
        return accessExpiresAt;
    }

    public Instant getRefreshExpiresAt() {
        return refreshExpiresAt;
    }

    public Instant getFamilyExpiresAt() {
        return familyExpiresAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    public String getSuccessorSealed() {
        return successorSealed;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getAccessUsedAt() {
        return accessUsedAt;
    }
}
