package org.trek.oauth.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.Clock;

/** Consents per (user, client). A stored consent that covers a request lets it skip the consent page. */
@ApplicationScoped
@Transactional
public class ConsentService {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Consent> find(long userId, String clientId) {
        return em.createQuery("SELECT c FROM Consent c WHERE c.userId = :u AND c.clientId = :c", Consent.class)
                .setParameter("u", userId).setParameter("c", clientId).getResultStream().findFirst();
    }

    public boolean covers(long userId, String clientId, Collection<String> scopes) {
        return find(userId, clientId).map(c -> c.getScopeList().containsAll(scopes)).orElse(false);
    }

    /** Records exactly these scopes as the user's consent (replacing, so a consent can narrow). */
    public void save(long userId, String clientId, Collection<String> scopes) {
        String joined = ScopeCatalog.join(ScopeCatalog.parse(String.join(" ", scopes)).known());
        Optional<Consent> existing = find(userId, clientId);
        if (existing.isPresent()) {
            existing.get().replace(joined, clock.now());
        } else {
            em.persist(new Consent(userId, clientId, joined, clock.now()));
        }
    }

    /** Removes the consent; returns whether there was one. */
    public boolean withdraw(long userId, String clientId) {
        return em.createQuery("DELETE FROM Consent c WHERE c.userId = :u AND c.clientId = :c")
                .setParameter("u", userId).setParameter("c", clientId).executeUpdate() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> listForUser(long userId) {
        return em.createQuery("SELECT c FROM Consent c WHERE c.userId = :u ORDER BY c.updatedAt DESC", Consent.class)
                .setParameter("u", userId).getResultList();
    }
}
