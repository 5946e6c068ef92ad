package org.trek.mcp;

import org.trek.mcp.protocol.JsonRpc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.mcp.registry.ResourceAccess;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.Clock;
import org.trek.platform.auth.AccessGrant;

/**
 * Resource subscriptions on both wires and the notifications/resources/updated they receive. Legacy subscriptions
 * (resources/subscribe) are rows of the session in the database, so the node that holds the session's GET stream
 * finds them whichever node took the subscribe; 2026-07-28 subscriptions live with their subscriptions/listen stream.
 * Before every notification the subscriber's right to read the resource is checked again (scope, addon, and the
 * feature's own rule through {@link ResourceAccess}).
 */
@ApplicationScoped
@Transactional
public class ResourceSubscriptions {
    private static final Logger LOG = Logger.getLogger(ResourceSubscriptions.class.getName());
    static final String UPDATED = "notifications/resources/updated";
    /** Subscriptions per legacy session, and resourceSubscriptions per listen stream. */
    static final int MAX_PER_SESSION = 100;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    McpRegistry registry;

    @Inject
    LiveChannels channels;

    @Inject
    @Any
    Instance<ResourceAccess> accessRules;

    /**
     * One change as the feed carries it: a resource, or a resource with everything under it; for one user only when
     * {@code userId} is set.
     */
    public record Change(String uri, boolean tree, Long userId) {
        public Change(String uri, boolean tree) {
            this(uri, tree, null);
        }

        boolean concerns(long subscriber) {
            return userId == null || userId == subscriber;
        }
    }

    /** Thrown when a session already has {@link #MAX_PER_SESSION} subscriptions. */
    static final class TooManySubscriptions extends RuntimeException {
        TooManySubscriptions() {
            super("At most " + MAX_PER_SESSION + " subscriptions per session", null, false, false);
        }
    }

    // ---------------------------------------------------------------- legacy resources/subscribe

    public void subscribe(String sessionKey, AccessGrant grant, String uri) {
        if (em.find(McpSubscription.class, new McpSubscription.Key(sessionKey, uri)) != null) {
            return; // subscribing twice is one subscription
        }
        long count = em.createQuery("SELECT COUNT(s) FROM McpSubscription s WHERE s.sessionHash = :k", Long.class)
                .setParameter("k", sessionKey).getSingleResult();
        if (count >= MAX_PER_SESSION) {
            throw new TooManySubscriptions();
        }
        em.persist(new McpSubscription(sessionKey, uri, scopesOf(grant), clock.millis()));
    }

    public void unsubscribe(String sessionKey, String uri) {
        em.createQuery("DELETE FROM McpSubscription s WHERE s.sessionHash = :k AND s.uri = :u")
                .setParameter("k", sessionKey).setParameter("u", uri).executeUpdate();
    }

    // ---------------------------------------------------------------- authorization

    /** Whether the grant may read the resource now: it exists, its scope and addon allow it, its feature agrees. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayRead(AccessGrant grant, String uri) {
        var resolved = registry.resolve(uri).filter(r -> registry.resourceVisible(grant, r.getKey()));
        if (resolved.isEmpty()) {
            return false;
        }
        Map<String, String> variables = resolved.get().getValue();
        try {
            for (ResourceAccess rule : accessRules) {
                Optional<Boolean> answer = rule.mayRead(grant, uri, variables);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            // No feature claims the URI: reading it with the subscriber's grant is the authority.
            return resolved.get().getKey().definition().reader().read(grant, uri, variables) != null;
        } catch (RuntimeException e) {
            return false; // not found, invalid, or failing: nothing to announce
        }
    }

    // ---------------------------------------------------------------- delivery (on this node's streams)

    /**
     * Sends notifications/resources/updated to every stream on this node that subscribed to an affected resource.
     * Runs in one read transaction on the poller's thread (the access checks join it).
     */
    public void deliver(Collection<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Boolean> decisions = new HashMap<>();
        try {
            deliverLegacy(changes, decisions);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "resource notifications to GET streams failed", e);
        }
        long now = clock.millis();
        for (LiveChannels.Channel c : channels.listenStreams()) {
            if (c.resourceUris.isEmpty()) {
                continue;
            }
            Instant expires = c.grant == null ? null : c.grant.expiresAt();
            if (expires != null && expires.toEpochMilli() < now) {
                channels.endListenStream(c); // the access token behind the stream has expired
                continue;
            }
            for (String uri : c.resourceUris) {
                if (c.grant != null && affected(changes, uri, c.grant.userId()) && allowed(decisions, c.grant, uri)) {
                    JsonObjectBuilder meta = JsonFactory.createObjectBuilder()
                            .add("io.modelcontextprotocol/subscriptionId", c.subscriptionId);
                    c.send(JsonRpc.notification(UPDATED, JsonFactory.createObjectBuilder().add("uri", uri)
                            .add("_meta", meta).build()));
                }
            }
        }
    }

    private void deliverLegacy(Collection<Change> changes, Map<String, Boolean> decisions) {
        Set<String> keys = channels.getStreamKeys();
        if (keys.isEmpty()) {
            return;
        }
        List<Object[]> rows = em.createQuery("SELECT s, r FROM McpSubscription s, McpSessionRecord r "
                        + "WHERE r.sessionHash = s.sessionHash AND s.sessionHash IN :keys", Object[].class)
                .setParameter("keys", keys).getResultList();
        for (Object[] row : rows) {
            McpSubscription s = (McpSubscription) row[0];
            McpSessionRecord session = (McpSessionRecord) row[1];
            if (!affected(changes, s.getUri(), session.getUserId())) {
                continue;
            }
            AccessGrant grant = grantOf(session, s.getGrantScopes());
            if (allowed(decisions, grant, s.getUri())) {
                JsonObject params = JsonFactory.createObjectBuilder().add("uri", s.getUri()).build();
                channels.sendToSession(s.getSessionHash(), JsonRpc.notification(UPDATED, params));
            }
        }
    }

    static boolean affected(Collection<Change> changes, String subscribed, long subscriber) {
        for (Change c : changes) {
            if (c.concerns(subscriber) && ResourceChanged.affects(c.uri(), c.tree(), subscribed)) {
                return true;
            }
        }
        return false;
    }

    private boolean allowed(Map<String, Boolean> decisions, AccessGrant grant, String uri) {
        if (grant == null) {
            return false;
        }
        String key = grant.userId() + "|" + scopesOf(grant) + "|" + uri;
        return decisions.computeIfAbsent(key, k -> mayRead(grant, uri));
    }

    static String scopesOf(AccessGrant grant) {
        return grant.scopes() == null ? McpSubscription.ALL_SCOPES : String.join(" ", new TreeSet<>(grant.scopes()));
    }

    /** The grant a stored subscription acts with: the session's user, client and grant with the subscribed scopes. */
    static AccessGrant grantOf(McpSessionRecord session, String scopes) {
        Set<String> set = McpSubscription.ALL_SCOPES.equals(scopes) ? null
                : new LinkedHashSet<>(Arrays.asList(scopes.isBlank() ? new String[0] : scopes.split(" ")));
        return new AccessGrant(session.getUserId(), session.getClientId(), session.getGrantId(), set, null, null,
                session.getClientId() == null && session.getGrantId().startsWith("static:"));
    }
}
