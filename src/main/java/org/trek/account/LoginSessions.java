package org.trek.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.trek.platform.Clock;
import org.trek.platform.SecureRandoms;

/**
 * Screen sign-ins in the shared database. The servlet session holds only a random login-session id
 * ({@link #SESSION_ATTRIBUTE}); the table holds its SHA-256 hash with the user and the password version at sign-in.
 * Every request re-reads that row (by primary key, joined to the user), so the sign-in ends on every node at once
 * when it is signed out, the user is disabled or deleted, or the password changes, whichever node did it and however
 * late the servlet session is replicated (or whether it is at all: with --nohazelcast each node has its own).
 */
@ApplicationScoped
@Transactional
public class LoginSessions {
    /** The session attribute holding the login-session id (a String, so the session stays serializable). */
    public static final String SESSION_ATTRIBUTE = "trek.login";
    /** Idle time after which a sign-in is over: the servlet session timeout of web.xml (480 min). */
    static final long IDLE_MS = 480L * 60_000;
    /** last_seen_at is written at most this often, so that reading a page is not a write every time. */
    static final long TOUCH_MS = 5 * 60_000;
    private static final long PURGE_EVERY_MS = 10 * 60_000;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    private volatile long lastPurge;

    /** Records a new sign-in; returns the id to keep in the servlet session. */
    public String start(User user) {
        long now = clock.millis();
        purgeNowAndThen(now);
        String token = SecureRandoms.token(256);
        em.persist(new LoginSession(SecureRandoms.sha256Hex(token), user.getId(), user.getPasswordVersion(), now));
        return token;
    }

    /**
     * The signed-in user of this login-session id, when the sign-in still holds: the row exists, has not been idle
     * past the timeout, the user exists, is enabled and has the password of the sign-in.
     */
    public Optional<User> check(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("SELECT s, u FROM LoginSession s, User u "
                        + "WHERE s.tokenHash = :h AND u.id = s.userId", Object[].class)
                .setParameter("h", SecureRandoms.sha256Hex(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LoginSession s = (LoginSession) rows.get(0)[0];
        User u = (User) rows.get(0)[1];
        long now = clock.millis();
        if (now - s.getLastSeenAt() > IDLE_MS || u.isDisabled() || u.getPasswordVersion() != s.getPasswordVersion()) {
            em.remove(s);
            return Optional.empty();
        }
        if (now - s.getLastSeenAt() > TOUCH_MS) {
            s.seen(now);
        }
        return Optional.of(u);
    }

    /** Signs out this sign-in, on every node. */
    public void end(String token) {
        if (token != null && token.length() <= 100) {
            em.createQuery("DELETE FROM LoginSession s WHERE s.tokenHash = :h")
                    .setParameter("h", SecureRandoms.sha256Hex(token)).executeUpdate();
        }
    }

    /** Ends every sign-in of a user (disabled, password changed). */
    public int endAll(long userId) {
        return em.createQuery("DELETE FROM LoginSession s WHERE s.userId = :u").setParameter("u", userId)
                .executeUpdate();
    }

    /** Open sign-ins of a user (not yet idle past the timeout). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(long userId) {
        return em.createQuery("SELECT COUNT(s) FROM LoginSession s WHERE s.userId = :u AND s.lastSeenAt >= :t", Long.class)
                .setParameter("u", userId).setParameter("t", clock.millis() - IDLE_MS).getSingleResult();
    }

    /** Sign-ins idle past the timeout are of no use any more. */
    public int purge(long now) {
        return em.createQuery("DELETE FROM LoginSession s WHERE s.lastSeenAt < :t")
                .setParameter("t", now - IDLE_MS).executeUpdate();
    }

    private void purgeNowAndThen(long now) {
        if (now - lastPurge > PURGE_EVERY_MS) {
            lastPurge = now;
            purge(now);
        }
    }
}
