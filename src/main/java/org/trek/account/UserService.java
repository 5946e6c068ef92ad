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
import org.trek.platform.AppConfig;
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

    @Inject
    AppConfig config;

    private volatile PasswordPolicy policy;

    /** A refused account operation, with a message fit to show; the form field it is about, when there is one. */
    public static class UserException extends RuntimeException {
        private final String field;

        public UserException(String message) {
            this(null, message);
        }

        public UserException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** "username", "email", "password", "current", "confirm", or null. */
        public String field() {
            return field;
        }
    }

    /** The shortest password the policy accepts (PASSWORD_MIN_LENGTH), for the forms' hints. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int passwordMinLength() {
        return policy().minLength();
    }

    /** The password policy (PASSWORD_MIN_LENGTH, the bundled list of common passwords, loaded once). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PasswordPolicy policy() {
        PasswordPolicy p = policy;
        if (p == null) {
            p = PasswordPolicy.withBundledList(config.getInt("PASSWORD_MIN_LENGTH", PasswordPolicy.DEFAULT_MIN_LENGTH));
            policy = p;
        }
        return p;
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

    /**
     * An admin creates an account. The password must pass the policy and, chosen by the admin, must be changed by the
     * user at the first sign-in.
     */
    public User create(Actor actor, String username, String email, String password, Role role) {
        String name = username == null ? "" : username.trim();
        String mail = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        validateIdentity(name, mail);
        requirePolicy(password, name, mail);
        return persist(actor, name, mail, password, role, true);
    }

    /**
     * The first admin at start-up (ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password). The password is taken even
     * when it fails the policy, since the operator cannot be asked again; then, or when it was generated, it must be
     * changed at the first sign-in. Answers the policy's objection, or null.
     */
    public String createFirstAdmin(String username, String email, String password, boolean generated) {
        String name = username.trim();
        String mail = email.trim().toLowerCase(Locale.ROOT);
        validateIdentity(name, mail);
        if (password == null || password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH) {
            throw new UserException("password", "ADMIN_PASSWORD must be 1 to " + PasswordPolicy.MAX_LENGTH + " characters.");
        }
        String problem = policy().check(password, name, mail);
        persist(Actor.system(), name, mail, password, Role.ADMIN, generated || problem != null);
        return problem;
    }

    private void validateIdentity(String name, String mail) {
        if (!USERNAME.matcher(name).matches()) {
            throw new UserException("username", "The username must be 2 to 50 letters, digits, dots, dashes or underscores.");
        }
        if (!EMAIL.matcher(mail).matches()) {
            throw new UserException("email", "Enter a valid e-mail address.");
        }
        if (findByLogin(name).isPresent()) {
            throw new UserException("username", "The username " + name + " is already taken.");
        }
        if (findByLogin(mail).isPresent()) {
            throw new UserException("email", "An account with this e-mail address already exists.");
        }
    }

    private void requirePolicy(String password, String name, String mail) {
        String problem = policy().check(password, name, mail);
        if (problem != null) {
            throw new UserException("password", problem);
        }
    }

    private User persist(Actor actor, String name, String mail, String password, Role role, boolean mustChange) {
        User user = new User(name, mail, hasher.hash(password), role, clock.now());
        user.setMustChangePassword(mustChange);
        em.persist(user);
        em.flush();
        audit.record(actor, "admin.user.create", "user:" + user.getId(),
                Map.of("username", name, "email", mail, "role", role.group(), "must_change_password", mustChange));
        return user;
    }

    public void setDisabled(Actor actor, long userId, boolean disabled) {
        setDisabled(actor, userId, disabled, Map.of());
    }

    /** Disables or enables; the audit record carries these details too (what the disabling cut). */
    public void setDisabled(Actor actor, long userId, boolean disabled, Map<String, Object> details) {
        User user = require(userId);
        if (disabled && actor.userId() != null && actor.userId() == userId) {
            throw new UserException("You cannot disable your own account.");
        }
        if (disabled && user.isAdmin() && !user.isDisabled()) {
            requireAnotherActiveAdmin();
        }
        user.setDisabled(disabled);
        int signIns = 0;
        if (disabled) {
            signIns = loginSessions.endAll(userId); // signed out on every node
        }
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("username", user.getUsername());
        if (disabled) {
            record.put("sign_ins_ended", signIns);
        }
        record.putAll(details);
        audit.record(actor, disabled ? "admin.user.disable" : "admin.user.enable", "user:" + userId, record);
    }

    /** Open screen sign-ins of the user (what disabling them would end). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long signInCount(long userId) {
        return loginSessions.count(userId);
    }

    /** An admin sets a new password: it must pass the policy, and the user must change it at the next sign-in. */
    public void resetPassword(Actor actor, long userId, String newPassword) {
        User user = require(userId);
        requirePolicy(newPassword, user.getUsername(), user.getEmail());
        user.changePassword(hasher.hash(newPassword));
        user.setMustChangePassword(true);
        loginSessions.endAll(userId); // the old password's sign-ins end on every node
        audit.record(actor, "admin.user.password_reset", "user:" + userId,
                Map.of("username", user.getUsername(), "must_change_password", true));
    }

    /**
     * The signed-in user changes their own password: the current one must be right (counted by the sign-in throttle
     * like a sign-in), the new one must pass the policy, differ from the current one and be typed twice alike. Every
     * other sign-in of the user ends (the password version changes); the caller starts a new one for this browser.
     */
    public User changeOwnPassword(Actor actor, long userId, String current, String newPassword, String confirm) {
        User user = require(userId);
        if (current == null || current.isEmpty()) {
            throw new UserException("current", "Enter your current password.");
        }
        if (current.length() > PasswordPolicy.MAX_LENGTH || !hasher.verify(current, user.getPasswordHash())) {
            audit.record(actor, "account.password_change_failed", "user:" + userId, Map.of("reason", "wrong_current_password"));
            throw new UserException("current", "Your current password is not right.");
        }
        requirePolicy(newPassword, user.getUsername(), user.getEmail());
        if (newPassword.equals(current)) {
            throw new UserException("password", "Choose a password different from your current one.");
        }
        if (!newPassword.equals(confirm)) {
            throw new UserException("confirm", "The two new passwords do not match.");
        }
        boolean wasRequired = user.isMustChangePassword();
        user.changePassword(hasher.hash(newPassword));
        user.setMustChangePassword(false);
        loginSessions.endAll(userId);
        audit.record(actor, "account.password_change", "user:" + userId,
                Map.of("username", user.getUsername(), "required", wasRequired));
        return user;
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
