package org.trek.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.Clock;
import org.trek.platform.db.InChunks;

/** Accounts: look-up, creation and the admin operations on them. Every change is audited. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,50}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}|[^@\\s]{1,64}@localhost");

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    LoginSessions loginSessions;

    /** A refused account operation, with a message fit to show the admin. */
    public static class UserException extends RuntimeException {
        public UserException(String message) {
            super(message);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** Usernames of these accounts in one query (list screens); unknown ids are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> usernames(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        for (List<Long> chunk : InChunks.of(ids)) {
            em.createQuery("SELECT u.id, u.username FROM User u WHERE u.id IN :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(row -> out.put((Long) row[0], (String) row[1]));
        }
        return out;
    }

    /** Finds an account by e-mail (any case) or by username (exact). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        String trimmed = login.trim();
        if (trimmed.contains("@")) {
            return em.createNamedQuery("User.byEmail", User.class)
                    .setParameter("email", trimmed.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
        }
        return em.createNamedQuery("User.byUsername", User.class)
                .setParameter("username", trimmed).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return em.createNamedQuery("User.count", Long.class).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> list() {
        return em.createNamedQuery("User.all", User.class).getResultList();
    }

    public User create(Actor actor, String username, String email, String password, Role role) {
        String name = username == null ? "" : username.trim();
        String mail = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new UserException("The username must be 2 to 50 letters, digits, dots, dashes or underscores.");
        }
        if (!EMAIL.matcher(mail).matches()) {
            throw new UserException("Enter a valid e-mail address.");
        }
        String problem = PasswordHasher.problemWith(password);
        if (problem != null) {
            throw new UserException(problem);
        }
        if (findByLogin(name).isPresent()) {
            throw new UserException("The username " + name + " is already taken.");
        }
        if (findByLogin(mail).isPresent()) {
            throw new UserException("An account with this e-mail address already exists.");
        }
        User user = new User(name, mail, hasher.hash(password), role, clock.now());
        em.persist(user);
        em.flush();
        audit.record(actor, "admin.user.create", "user:" + user.getId(),
                Map.of("username", name, "email", mail, "role", role.group()));
        return user;
    }

    public void setDisabled(Actor actor, long userId, boolean disabled) {
        User user = require(userId);
        if (disabled && actor.userId() != null && actor.userId() == userId) {
            throw new UserException("You cannot disable your own account.");
        }
        if (disabled && user.isAdmin() && !user.isDisabled()) {
            requireAnotherActiveAdmin();
        }
        user.setDisabled(disabled);
        if (disabled) {
            loginSessions.endAll(userId); // signed out on every node
        }
        audit.record(actor, disabled ? "admin.user.disable" : "admin.user.enable", "user:" + userId,
                Map.of("username", user.getUsername()));
    }

    public void resetPassword(Actor actor, long userId, String newPassword) {
        String problem = PasswordHasher.problemWith(newPassword);
        if (problem != null) {
            throw new UserException(problem);
        }
        User user = require(userId);
        user.changePassword(hasher.hash(newPassword));
        loginSessions.endAll(userId); // the old password's sign-ins end on every node
        audit.record(actor, "admin.user.password_reset", "user:" + userId, Map.of("username", user.getUsername()));
    }

    public void changeRole(Actor actor, long userId, Role role) {
        User user = require(userId);
        if (user.getRole() == role) {
            return;
        }
        if (role != Role.ADMIN && user.isAdmin()) {
            if (actor.userId() != null && actor.userId() == userId) {
                throw new UserException("You cannot remove your own admin role.");
            }
            requireAnotherActiveAdmin();
        }
        user.setRole(role);
        audit.record(actor, "admin.user.role_change", "user:" + userId,
                Map.of("username", user.getUsername(), "role", role.group()));
    }

    public void recordLogin(long userId) {
        find(userId).ifPresent(u -> u.setLastLoginAt(clock.now()));
    }

    private User require(long userId) {
        return find(userId).orElseThrow(() -> new UserException("No such user."));
    }

    private void requireAnotherActiveAdmin() {
        long admins = em.createNamedQuery("User.countActiveAdmins", Long.class).getSingleResult();
        if (admins <= 1) {
            throw new UserException("This is the last active admin; make another user admin first.");
        }
    }
}
