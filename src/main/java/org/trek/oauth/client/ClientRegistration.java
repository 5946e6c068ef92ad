package org.trek.oauth.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthException;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.Clock;
import org.trek.platform.SecureRandoms;

/**
 * Dynamic client registration (RFC 7591 §2 and §3) and the store of fetched client ID metadata documents.
 * Registered clients have no owner; they are purged when unused for 30 days ({@code OAUTH_DCR_UNUSED_DAYS}).
 */
@ApplicationScoped
@Transactional
public class ClientRegistration {
    static final Set<String> AUTH_METHODS = Set.of(OAuthClient.AUTH_NONE, OAuthClient.AUTH_BASIC, OAuthClient.AUTH_POST);

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditService audit;

    /** Validates the metadata, stores the client and returns the RFC 7591 §3.2.1 response body. */
    public JsonObject register(JsonObject body, Actor actor) {
        try {
            return doRegister(body, actor);
        } catch (OAuthException e) {
            audit.record(actor, "oauth.client.register_rejected", null,
                    Map.of("error", e.error(), "reason", e.description()));
            throw e;
        }
    }

    private JsonObject doRegister(JsonObject body, Actor actor) {
        List<String> redirectUris = stringArray(body, "redirect_uris", "invalid_redirect_uri");
        if (redirectUris.isEmpty()) {
            throw metadata("invalid_redirect_uri", "redirect_uris is required and must be a non-empty array of strings");
        }
        for (String uri : redirectUris) {
            Optional<String> problem = RedirectUriPolicy.problem(uri);
            if (problem.isPresent()) {
                throw metadata("invalid_redirect_uri", problem.get());
            }
        }
        Optional<String> listProblem = RedirectUriPolicy.listProblem(redirectUris);
        if (listProblem.isPresent()) {
            throw metadata("invalid_redirect_uri", listProblem.get());
        }
        // RFC 7591 §2: the default is client_secret_basic. Unknown methods are refused, never silently changed.
        String authMethod = optionalString(body, "token_endpoint_auth_method").orElse(OAuthClient.AUTH_BASIC);
        if (!AUTH_METHODS.contains(authMethod)) {
            throw metadata("invalid_client_metadata", "token_endpoint_auth_method must be one of none, client_secret_basic, client_secret_post");
        }
        List<String> grantTypes = body.containsKey("grant_types") ? stringArray(body, "grant_types", "invalid_client_metadata")
                : List.of("authorization_code", "refresh_token");
        for (String g : grantTypes) {
            if (!g.equals("authorization_code") && !g.equals("refresh_token")) {
                throw metadata("invalid_client_metadata", "unsupported grant type: " + g);
            }
        }
        if (!grantTypes.contains("authorization_code")) {
            throw metadata("invalid_client_metadata", "grant_types must include authorization_code");
        }
        List<String> responseTypes = body.containsKey("response_types") ? stringArray(body, "response_types", "invalid_client_metadata")
                : List.of("code");
        if (!responseTypes.equals(List.of("code"))) {
            throw metadata("invalid_client_metadata", "response_types must be [\"code\"]");
        }
        String applicationType = optionalString(body, "application_type").orElse("web");
        if (!applicationType.equals("web") && !applicationType.equals("native")) {
            throw metadata("invalid_client_metadata", "application_type must be web or native");
        }
        String name = optionalString(body, "client_name").map(String::trim).filter(s -> !s.isEmpty()).orElse("MCP Client");
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        // scope is optional (RFC 7591 §2). Without it the client gets the read-only set; unknown scope names are
        // left out, and the response tells the client what was registered (RFC 7591 §3.2.1).
        List<String> scopes;
        Optional<String> scope = optionalString(body, "scope");
        if (scope.isEmpty() || ScopeCatalog.parse(scope.get()).known().isEmpty()) {
            scopes = ScopeCatalog.readOnly();
        } else {
            scopes = ScopeCatalog.parse(scope.get()).known();
        }
        String clientUri = optionalString(body, "client_uri").filter(u -> u.startsWith("https://") && u.length() <= 500).orElse(null);

        boolean isPublic = authMethod.equals(OAuthClient.AUTH_NONE);
        Instant now = clock.now();
        OAuthClient client = new OAuthClient(UUID.randomUUID().toString(), name, ClientOrigin.DCR, isPublic, authMethod,
                redirectUris, scopes, null, now);
        client.setApplicationType(applicationType);
        client.setClientUri(clientUri);
        client.setRegisteredIp(actor.ip());
        String secret = null;
        if (!isPublic) {
            secret = ClientService.newSecret();
            client.setSecretHash(SecureRandoms.sha256Hex(secret));
        }
        em.persist(client);
        audit.record(actor, "oauth.client.create", client.getClientId(),
                Map.of("client_id", client.getClientId(), "name", name, "is_public", isPublic, "via", "dcr"));

        JsonArrayBuilder uris = JsonFactory.createArrayBuilder();
        redirectUris.forEach(uris::add);
        JsonArrayBuilder grants = JsonFactory.createArrayBuilder();
        grantTypes.forEach(grants::add);
        JsonObjectBuilder out = JsonFactory.createObjectBuilder()
                .add("client_id", client.getClientId())
                .add("client_id_issued_at", now.getEpochSecond());
        if (secret != null) {
            out.add("client_secret", secret).add("client_secret_expires_at", 0);
        }
        out.add("client_name", name)
                .add("redirect_uris", uris)
                .add("grant_types", grants)
                .add("response_types", JsonFactory.createArrayBuilder().add("code"))
                .add("token_endpoint_auth_method", authMethod)
                .add("application_type", applicationType)
                .add("scope", ScopeCatalog.join(scopes));
        if (clientUri != null) {
            out.add("client_uri", clientUri);
        }
        return out.build();
    }

    /** Stores or refreshes the client of a fetched, validated metadata document. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OAuthClient storeMetadataDocument(String clientId, String name, List<String> redirectUris, List<String> scopes,
                                             String clientUri, Instant cacheUntil) {
        Instant now = clock.now();
        OAuthClient client = em.createQuery("SELECT c FROM OAuthClient c WHERE c.clientId = :id", OAuthClient.class)
                .setParameter("id", clientId).getResultStream().findFirst().orElse(null);
        if (client == null) {
            client = new OAuthClient(clientId, name, ClientOrigin.METADATA, true, OAuthClient.AUTH_NONE, redirectUris,
                    scopes, null, now);
            client.setApplicationType("web");
            client.refreshFromDocument(name, redirectUris, scopes, clientUri, cacheUntil);
            em.persist(client);
            audit.record(Actor.system(), "oauth.client.create", clientId,
                    Map.of("client_id", clientId, "name", name, "is_public", true, "via", "metadata_document"));
        } else if (client.getOrigin() == ClientOrigin.METADATA) {
            client.refreshFromDocument(name, redirectUris, scopes, clientUri, cacheUntil);
        }
        return client;
    }

    private static OAuthException metadata(String error, String description) {
        return new OAuthException(400, error, description);
    }

    private static Optional<String> optionalString(JsonObject body, String key) {
        JsonValue v = body.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            throw metadata("invalid_client_metadata", key + " must be a string");
        }
        return Optional.of(s.getString());
    }

    private static List<String> stringArray(JsonObject body, String key, String error) {
        JsonValue v = body.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray arr)) {
            throw metadata(error, key + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : arr) {
            if (!(item instanceof JsonString s)) {
                throw metadata(error, key + " must contain only strings");
            }
            if (!out.contains(s.getString())) {
                out.add(s.getString());
            }
        }
        return out;
    }
}
