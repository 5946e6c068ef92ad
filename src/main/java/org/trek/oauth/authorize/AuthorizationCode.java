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

/** An authorization code (stored as SHA-256), bound to everything the token request must repeat. */
@Entity
@Table(name = "oauth_codes")
public class AuthorizationCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "client_id", nullable = false, length = 190)
    private String clientId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "redirect_uri", nullable = false, length = 2000)
    private String redirectUri;

    @Column(nullable = false, length = 1000)
    private String scopes;

    @Column(name = "resource_uri", nullable = false, length = 500)
    private String resource;

    @Column(name = "code_challenge", nullable = false, length = 64)
    private String codeChallenge;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** The token family issued from this code: revoked if the code is ever presented again. */
    @Column(name = "family_id", length = 64)
    private String familyId;

    protected AuthorizationCode() {
    }

    AuthorizationCode(String codeHash, String clientId, long userId, String redirectUri, String scopes, String resource,
                      String codeChallenge, Instant createdAt, Instant expiresAt) {
        this.codeHash = codeHash;
        this.clientId = clientId;
        this.userId = userId;
        this.redirectUri = redirectUri;
        this.scopes = scopes;
        this.resource = resource;
        this.codeChallenge = codeChallenge;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Marks the code consumed, remembering the family it produced (null when the exchange failed). */
    public void consume(Instant at, String familyId) {
        this.usedAt = at;
        this.familyId = familyId;
    }

    public Long getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public long getUserId() {
        return userId;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public List<String> scopeList() {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    public String getResource() {
        return resource;
    }

    public String getCodeChallenge() {
        return codeChallenge;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public String getFamilyId() {
        return familyId;
    }
}
