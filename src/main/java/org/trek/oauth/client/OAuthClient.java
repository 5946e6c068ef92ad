package org.trek.oauth.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.trek.platform.auth.ScopeCatalog;

/** A registered OAuth client. Getters only for the views; changes go through {@link ClientService}. */
@Entity
@Table(name = "oauth_clients")
public class OAuthClient {

    public static final String AUTH_NONE = "none";
    public static final String AUTH_BASIC = "client_secret_basic";
    public static final String AUTH_POST = "client_secret_post";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, length = 190)
    private String clientId;

    @Column(name = "client_name", nullable = false, length = 100)
    private String name;

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "public_client", nullable = false)
    private boolean publicClient;

    @Column(name = "auth_method", nullable = false, length = 32)
    private String authMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "created_via", nullable = false, length = 16)
    private ClientOrigin origin;

    @Column(name = "application_type", nullable = false, length = 16)
    private String applicationType = "web";

    /** One URI per line. */
    @Column(name = "redirect_uris", nullable = false, length = 4000)
    private String redirectUris;

    /** Space-separated, catalogue order. */
    @Column(name = "allowed_scopes", nullable = false, length = 1000)
    private String allowedScopes;

    @Column(name = "client_uri", length = 500)
    private String clientUri;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "registered_ip", length = 64)
    private String registeredIp;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** For metadata-document clients: until when the fetched document may be used without fetching it again. */
    /** Uses client_credentials and acts for its owner (created in Settings, confidential only). */
    @Column(name = "machine_client", nullable = false)
    private boolean machineClient;

    @Column(name = "document_expires_at")
    private Instant documentExpiresAt;

    protected OAuthClient() {
    }

    OAuthClient(String clientId, String name, ClientOrigin origin, boolean publicClient, String authMethod,
                List<String> redirectUris, List<String> scopes, Long ownerId, Instant createdAt) {
        this.clientId = clientId;
        this.name = name;
        this.origin = origin;
        this.publicClient = publicClient;
        this.authMethod = authMethod;
        this.redirectUris = String.join("\n", redirectUris);
        this.allowedScopes = ScopeCatalog.join(scopes);
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    void setApplicationType(String applicationType) {
        this.applicationType = applicationType;
    }

    void setClientUri(String clientUri) {
        this.clientUri = clientUri;
    }

    void setRegisteredIp(String registeredIp) {
        this.registeredIp = registeredIp;
    }

    void refreshFromDocument(String name, List<String> redirectUris, List<String> scopes, String clientUri, Instant expiresAt) {
        this.name = name;
        this.redirectUris = String.join("\n", redirectUris);
        this.allowedScopes = ScopeCatalog.join(scopes);
        this.clientUri = clientUri;
        this.documentExpiresAt = expiresAt;
    }

    /** A Settings edit: name, redirect URIs and scopes; never the type or the secret. */
    void edit(String name, List<String> redirectUris, List<String> scopes) {
        this.name = name;
        this.redirectUris = String.join("\n", redirectUris);
        this.allowedScopes = ScopeCatalog.join(scopes);
    }

    void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public Long getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public boolean isPublicClient() {
        return publicClient;
    }

    public boolean isMachineClient() {
        return machineClient;
    }

    void setMachineClient(boolean machineClient) {
        this.machineClient = machineClient;
    }

    public String getAuthMethod() {
        return authMethod;
    }

    public ClientOrigin getOrigin() {
        return origin;
    }

    public boolean isSelfRegistered() {
        return origin.selfRegistered();
    }

    public String getApplicationType() {
        return applicationType;
    }

    public List<String> getRedirectUriList() {
        return redirectUris.isEmpty() ? List.of() : Arrays.asList(redirectUris.split("\n"));
    }

    public List<String> getScopeList() {
        return allowedScopes.isBlank() ? List.of() : Arrays.asList(allowedScopes.split(" "));
    }

    public String getClientUri() {
        return clientUri;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getRegisteredIp() {
        return registeredIp;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getDocumentExpiresAt() {
        return documentExpiresAt;
    }


    /** The hosts (or private-use schemes) of the redirect URIs, for admin and consent screens. */
    public List<String> getRedirectHosts() {
        return getRedirectUriList().stream().map(u -> {
            try {
                java.net.URI uri = java.net.URI.create(u);
                return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
            } catch (IllegalArgumentException e) {
                return u;
            }
        }).distinct().toList();
    }

    /** Whether {@code redirectUri} matches one of the registered URIs ({@link RedirectUriPolicy#matches}). */
    public boolean acceptsRedirect(String redirectUri) {
        return getRedirectUriList().stream().anyMatch(r -> RedirectUriPolicy.matches(r, redirectUri));
    }
}
