package org.trek.oauth.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthSettings;
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

    /** Creates a client from the Settings screen (owner = the signed-in user); a repeated name is allowed. */
    public CreatedClient createFromSettings(Actor actor, long ownerId, String name, List<String> redirectUris,
                                            List<String> scopes, boolean confidential) {
        return createFromSettings(actor, ownerId, name, redirectUris, scopes, confidential, false, true);
    }

    /**
     * As above; a machine client (confidential only) uses the client_credentials grant and acts for its owner, so it
     * needs no redirect URI (it may still have some, to also sign in through a browser). Unless allowDuplicateName,
     * a name the owner already uses for another client is refused with {@link ClientException.DuplicateName}, which
     * the screen turns into a warning the user can confirm. Refusals name the field that caused them.
     */
    public CreatedClient createFromSettings(Actor actor, long ownerId, String name, List<String> redirectUris,
                                            List<String> scopes, boolean confidential, boolean machine,
                                            boolean allowDuplicateName) {
        if (settingsClientCount(ownerId) >= settings.maxClientsPerUser()) {
            throw new ClientException(ClientException.LIMIT, "You have " + settings.maxClientsPerUser()
                    + " OAuth clients, the most one account can have. Delete one to add another.");
        }
        String cleanName = ClientRules.name(name);
        ClientRules.type(confidential, machine);
        List<String> uris = ClientRules.redirectUris(redirectUris, machine);
        List<String> known = ClientRules.scopes(scopes);
        if (!allowDuplicateName && nameInUse(ownerId, cleanName, null)) {
            throw new ClientException.DuplicateName(cleanName);
        }
        OAuthClient client = new OAuthClient(UUID.randomUUID().toString(), cleanName, ClientOrigin.SETTINGS,
                !confidential, confidential ? OAuthClient.AUTH_BASIC : OAuthClient.AUTH_NONE, uris, known,
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

    /** What an edit changed: the scopes taken away and how many live grants that ended. */
    public record UpdatedClient(OAuthClient client, List<String> removedScopes, int revokedGrants) {
    }

    /**
     * Edits the owner's client: name, allowed scopes and redirect URIs (never its type or secret), with the rules of
     * create. Narrowing the scopes revokes every live token family of the client (any user's) whose grant holds a
     * scope no longer allowed, since a refresh would otherwise keep handing it out; the app connects again and asks
     * for what the client now allows. Stored consents are narrowed to the new set. Widening revokes nothing.
     */
    public UpdatedClient update(Actor actor, long ownerId, long id, String name, List<String> redirectUris,
                                List<String> scopes, boolean allowDuplicateName) {
        OAuthClient client = owned(ownerId, id);
        if (client.getOrigin() != ClientOrigin.SETTINGS) {
            throw new ClientException("Only clients created in Settings can be edited");
        }
        String cleanName = ClientRules.name(name);
        List<String> uris = ClientRules.redirectUris(redirectUris, client.isMachineClient());
        List<String> known = ClientRules.scopes(scopes);
        if (!allowDuplicateName && nameInUse(ownerId, cleanName, client.getId())) {
            throw new ClientException.DuplicateName(cleanName);
        }
        List<String> removed = ClientRules.removed(client.getScopeList(), known);
        List<String> added = ClientRules.removed(known, client.getScopeList());
        boolean renamed = !cleanName.equals(client.getName());
        boolean urisChanged = !uris.equals(client.getRedirectUriList());
        client.edit(cleanName, uris, known);
        int revoked = removed.isEmpty() ? 0 : narrowGrants(client.getClientId(), known);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("client_id", client.getClientId());
        details.put("name", cleanName);
        details.put("renamed", renamed);
        details.put("redirect_uris_changed", urisChanged);
        details.put("scopes_added", String.join(" ", added));
        details.put("scopes_removed", String.join(" ", removed));
        details.put("grants_revoked", revoked);
        audit.record(actor, "oauth.client.update", client.getClientId(), details);
        return new UpdatedClient(client, removed, revoked);
    }

    /** Revokes the client's live families that hold a scope outside allowed and narrows its consents; answers how many. */
    private int narrowGrants(String clientId, List<String> allowed) {
        List<Object[]> live = em.createQuery("SELECT DISTINCT t.familyId, t.grantScopes FROM OAuthToken t "
                + "WHERE t.clientId = :c AND t.revokedAt IS NULL", Object[].class).setParameter("c", clientId).getResultList();
        java.util.Set<String> over = new java.util.LinkedHashSet<>();
        for (Object[] row : live) {
            String grant = (String) row[1];
            if (ClientRules.exceeds(grant.isBlank() ? List.of() : List.of(grant.split(" ")), allowed)) {
                over.add((String) row[0]);
            }
        }
        over.forEach(f -> families.revokeFamily(f, "client_scopes_narrowed"));
        for (Object[] row : em.createQuery("SELECT c.id, c.scopes FROM Consent c WHERE c.clientId = :c", Object[].class)
                .setParameter("c", clientId).getResultList()) {
            String scopes = (String) row[1];
            List<String> kept = scopes.isBlank() ? List.of()
                    : List.of(scopes.split(" ")).stream().filter(allowed::contains).toList();
            if (kept.isEmpty()) {
                em.createQuery("DELETE FROM Consent c WHERE c.id = :id").setParameter("id", row[0]).executeUpdate();
            } else if (kept.size() != scopes.split(" ").length) {
                em.createQuery("UPDATE Consent c SET c.scopes = :s WHERE c.id = :id")
                        .setParameter("s", String.join(" ", kept)).setParameter("id", row[0]).executeUpdate();
            }
        }
        return over.size();
    }

    /** Whether the owner has another Settings client (not exceptId) of this name, ignoring case and extra spaces. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean nameInUse(long ownerId, String name, Long exceptId) {
        String key = ClientRules.nameKey(name);
        return listOwned(ownerId).stream().anyMatch(c -> !c.getId().equals(exceptId) && ClientRules.nameKey(c.getName()).equals(key));
    }

    /** How many clients the owner created in Settings (what the limit counts). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long settingsClientCount(long ownerId) {
        return em.createQuery("SELECT COUNT(c) FROM OAuthClient c WHERE c.ownerId = :o AND c.origin = :via", Long.class)
                .setParameter("o", ownerId).setParameter("via", ClientOrigin.SETTINGS).getSingleResult();
    }

    /** The most Settings clients one user may have ({@code OAUTH_MAX_CLIENTS_PER_USER}). */
    public int maxClientsPerUser() {
        return settings.maxClientsPerUser();
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

    static String newSecret() {
        return SECRET_PREFIX + SecureRandoms.token(256);
    }
}
