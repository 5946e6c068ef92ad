package org.trek.oauth.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.oauth.token.TokenFamilies;
import org.trek.platform.Clock;
import org.trek.platform.db.UseStamps;
import org.trek.platform.SecureRandoms;
import org.trek.platform.db.InChunks;

/**
 * OAuth clients: look-up (including client ID metadata documents), the Settings screen's create / list /
 * rotate-secret / delete, and the admin's view of every client. Secrets are {@code trekcs_} + 256 random bits,
 * returned once and stored only as SHA-256.
 */
@ApplicationScoped
@Transactional
public class ClientService {
    public static final String SECRET_PREFIX = "trekcs_";

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditService audit;

    @Inject
    OAuthSettings settings;

    @Inject
    TokenFamilies families;

    @Inject
    ClientMetadataDocuments metadataDocuments;

    /** A client just created or whose secret was rotated: the secret is here once and never again. */
    public record CreatedClient(OAuthClient client, String clientSecret) {
    }

    /** The client behind a client_id: a stored one, or an https URL resolved as a metadata document. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthClient> find(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > 190) {
            return Optional.empty();
        }
        if (ClientMetadataDocuments.looksLikeDocumentUrl(clientId)) {
            return metadataDocuments.resolve(clientId, findStored(clientId));
        }
        return findStored(clientId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthClient> findStored(String clientId) {
        return em.createQuery("SELECT c FROM OAuthClient c WHERE c.clientId = :id", OAuthClient.class)
                .setParameter("id", clientId).getResultStream().findFirst();
    }

    /** Stored clients by client_id, in one query per {@value InChunks#SIZE} ids (list screens). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, OAuthClient> findStored(Collection<String> clientIds) {
        Map<String, OAuthClient> out = new HashMap<>();
        for (List<String> chunk : InChunks.of(clientIds)) {
            em.createQuery("SELECT c FROM OAuthClient c WHERE c.clientId IN :ids", OAuthClient.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(c -> out.put(c.getClientId(), c));
        }
        return out;
    }

    /** Creates a client from the Settings screen (owner = the signed-in user). */
    public CreatedClient createFromSettings(Actor actor, long ownerId, String name, List<String> redirectUris,
                                            List<String> scopes, boolean confidential) {
        return createFromSettings(actor, ownerId, name, redirectUris, scopes, confidential, false);
    }

    /**
     * As above; a machine client (confidential only) uses the client_credentials grant and acts for its owner, so it
     * needs no redirect URI (it may still have some, to also sign in through a browser).
     */
    public CreatedClient createFromSettings(Actor actor, long ownerId, String name, List<String> redirectUris,
                                            List<String> scopes, boolean confidential, boolean machine) {
        if (machine && !confidential) {
            throw new ClientException("A machine client must be confidential: it signs in with its secret");
        }
        String cleanName = name == null ? "" : name.trim();
        if (cleanName.isEmpty()) {
            throw new ClientException("Name is required");
        }
        if (cleanName.length() > 100) {
            throw new ClientException("Name must be 100 characters or less");
        }
        boolean noUris = redirectUris == null || redirectUris.stream().allMatch(u -> u == null || u.isBlank());
        List<String> uris = machine && noUris ? List.of() : cleanUris(redirectUris);
        if (scopes == null || scopes.isEmpty()) {
            throw new ClientException("At least one scope is required");
        }
        ScopeCatalog.Parsed parsed = ScopeCatalog.parse(String.join(" ", scopes));
        if (!parsed.unknown().isEmpty()) {
            throw new ClientException("Invalid scopes: " + String.join(", ", parsed.unknown()));
        }
        long owned = em.createQuery("SELECT COUNT(c) FROM OAuthClient c WHERE c.ownerId = :o AND c.origin = :via", Long.class)
                .setParameter("o", ownerId).setParameter("via", ClientOrigin.SETTINGS).getSingleResult();
        if (owned >= settings.maxClientsPerUser()) {
            throw new ClientException("Maximum of " + settings.maxClientsPerUser() + " OAuth clients per user");
        }
        OAuthClient client = new OAuthClient(UUID.randomUUID().toString(), cleanName, ClientOrigin.SETTINGS,
                !confidential, confidential ? OAuthClient.AUTH_BASIC : OAuthClient.AUTH_NONE, uris, parsed.known(),
                ownerId, clock.now());
        String secret = null;
        if (confidential) {
            secret = newSecret();
            client.setSecretHash(SecureRandoms.sha256Hex(secret));
        }
        client.setMachineClient(machine);
        em.persist(client);
        audit.record(actor, "oauth.client.create", client.getClientId(), Map.of("client_id", client.getClientId(),
                "name", cleanName, "is_public", !confidential, "via", "settings", "machine_client", machine));
        return new CreatedClient(client, secret);
    }

    /** The user's own Settings-created clients, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OAuthClient> listOwned(long ownerId) {
        return em.createQuery("SELECT c FROM OAuthClient c WHERE c.ownerId = :o ORDER BY c.createdAt DESC, c.id DESC",
                OAuthClient.class).setParameter("o", ownerId).getResultList();
    }

    /** Every client of the instance, self-registered ones included (admin screen), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OAuthClient> listAll() {
        return em.createQuery("SELECT c FROM OAuthClient c ORDER BY c.createdAt DESC, c.id DESC", OAuthClient.class)
                .getResultList();
    }

    /** New secret for the owner's confidential client; every token of the client is revoked. */
    public String rotateSecret(Actor actor, long ownerId, long id) {
        OAuthClient client = owned(ownerId, id);
        if (client.isPublicClient()) {
            throw new ClientException("Public clients do not use a client secret");
        }
        String secret = newSecret();
        client.setSecretHash(SecureRandoms.sha256Hex(secret));
        families.revokeClient(client.getClientId(), "secret_rotated");
        audit.record(actor, "oauth.client.rotate_secret", client.getClientId(), Map.of("client_id", client.getClientId()));
        return secret;
    }

    /**
     * The owner is disabled: the secret of each of their machine clients is replaced by one nobody knows, so the
     * client_credentials grant does not work again when the owner is enabled again (the owner rotates the secret in
     * Settings). Their tokens are revoked with the owner's grants. Answers how many clients.
     */
    public int invalidateMachineSecretsOf(long ownerId) {
        int n = 0;
        for (OAuthClient client : listOwned(ownerId)) {
            if (client.isMachineClient() && !client.isPublicClient()) {
                client.setSecretHash(SecureRandoms.sha256Hex(newSecret()));
                n++;
            }
        }
        return n;
    }

    /** Deletes the owner's client with its consents, codes and tokens. */
    public void delete(Actor actor, long ownerId, long id) {
        remove(actor, owned(ownerId, id), "oauth.client.delete");
    }

    /** Admin: deletes any client, self-registered ones included. */
    public void adminDelete(Actor actor, long id) {
        OAuthClient client = em.find(OAuthClient.class, id);
        if (client == null) {
            throw new ClientException("Client not found");
        }
        remove(actor, client, "admin.oauth_client.delete");
    }

    /** The purge job: removes a stale self-registered client like a deletion. */
    public void purge(Actor actor, OAuthClient client) {
        remove(actor, em.merge(client), "oauth.client.purge");
    }

    void remove(Actor actor, OAuthClient client, String action) {
        String clientId = client.getClientId();
        families.revokeClient(clientId, "client_deleted");
        em.createQuery("DELETE FROM OAuthToken t WHERE t.clientId = :c").setParameter("c", clientId).executeUpdate();
        em.createQuery("DELETE FROM AuthorizationCode a WHERE a.clientId = :c").setParameter("c", clientId).executeUpdate();
        em.createQuery("DELETE FROM Consent a WHERE a.clientId = :c").setParameter("c", clientId).executeUpdate();
        em.remove(client);
        audit.record(actor, action, clientId, Map.of("client_id", clientId));
    }

    static final UseStamps.Kind LAST_USED = new UseStamps.Kind("oauth_clients", "last_used_at", "client_id", null);

    @Inject
    UseStamps stamps;

    /**
     * Records use of a client (token issued or refreshed), which keeps a self-registration from being purged; written
     * behind within a second.
     */
    public void touch(String clientId) {
        stamps.stamp(LAST_USED, clientId, clock.now());
    }

    private OAuthClient owned(long ownerId, long id) {
        OAuthClient client = em.find(OAuthClient.class, id);
        if (client == null || client.getOwnerId() == null || client.getOwnerId() != ownerId) {
            throw new ClientException("Client not found");
        }
        return client;
    }

    static List<String> cleanUris(List<String> redirectUris) {
        List<String> uris = new ArrayList<>();
        if (redirectUris != null) {
            for (String u : redirectUris) {
                if (u != null && !u.isBlank() && !uris.contains(u.trim())) {
                    uris.add(u.trim());
                }
            }
        }
        if (uris.isEmpty()) {
            throw new ClientException("At least one redirect URI is required");
        }
        if (uris.size() > RedirectUriPolicy.MAX_PER_CLIENT) {
            throw new ClientException("Maximum " + RedirectUriPolicy.MAX_PER_CLIENT + " redirect URIs per client");
        }
        for (String u : uris) {
            Optional<String> problem = RedirectUriPolicy.problem(u);
            if (problem.isPresent()) {
                throw new ClientException("Invalid redirect URI " + u + ": " + problem.get());
            }
        }
        RedirectUriPolicy.listProblem(uris).ifPresent(p -> {
            throw new ClientException("Invalid redirect URIs: " + p);
        });
        return uris;
    }

    static String newSecret() {
        return SECRET_PREFIX + SecureRandoms.token(256);
    }
}
