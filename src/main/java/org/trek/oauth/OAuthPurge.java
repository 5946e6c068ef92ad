package org.trek.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.trek.audit.Actor;
import org.trek.oauth.client.ClientOrigin;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.platform.Clock;

/** The deletions behind {@link PurgeJob}; a bean of its own so that tests and admins can run it on demand. */
@ApplicationScoped
@Transactional
public class OAuthPurge {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OAuthSettings settings;

    @Inject
    ClientService clients;

    public record Result(int codes, int tokens, int seals, int clients) {
        public int total() {
            return codes + tokens + seals + clients;
        }
    }

    public Result run() {
        Instant now = clock.now();
        // Used codes stay an hour so a replay can still be detected and the tokens it produced revoked.
        int codes = em.createQuery("DELETE FROM AuthorizationCode c WHERE c.expiresAt < :cut")
                .setParameter("cut", now.minus(Duration.ofHours(1))).executeUpdate();
        int tokens = em.createQuery("DELETE FROM OAuthToken t WHERE t.refreshExpiresAt < :now OR t.revokedAt < :dayAgo")
                .setParameter("now", now).setParameter("dayAgo", now.minus(Duration.ofDays(1))).executeUpdate();
        int seals = em.createQuery("UPDATE OAuthToken t SET t.successorSealed = NULL WHERE t.successorSealed IS NOT NULL AND t.rotatedAt < :cut")
                .setParameter("cut", now.minus(settings.refreshGrace())).executeUpdate();
        Instant unusedSince = now.minus(settings.dcrUnusedPurge());
        List<OAuthClient> stale = em.createQuery("SELECT c FROM OAuthClient c WHERE c.origin <> :settings "
                        + "AND ((c.lastUsedAt IS NULL AND c.createdAt < :cut) OR c.lastUsedAt < :cut)", OAuthClient.class)
                .setParameter("settings", ClientOrigin.SETTINGS).setParameter("cut", unusedSince).getResultList();
        for (OAuthClient c : stale) {
            clients.purge(Actor.system(), c);
        }
        return new Result(codes, tokens, seals, stale.size());
    }
}
