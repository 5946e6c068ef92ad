package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.trek.platform.Clock;
import org.trek.platform.auth.OpenMcpSessions;

/** The open legacy sessions of every user, as {@link McpSessionStore} keeps them (idle ones do not count). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class McpSessionCount implements OpenMcpSessions {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(s) FROM McpSessionRecord s WHERE s.lastSeenAt >= :cutoff", Long.class)
                .setParameter("cutoff", clock.now().minus(McpSessionStore.IDLE_TIMEOUT)).getSingleResult();
    }
}
