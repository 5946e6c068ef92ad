package org.trek.account.twofactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.crypto.SecretBox;

/**
 * Two-factor sign-in (TOTP): enrolment confirmed by a code, the second step's check (a code once, or a recovery code
 * once), disabling, the admin reset and the instance policy "require two-factor" (app_settings). Every change and
 * every refused code is audited.
 */
@ApplicationScoped
@Transactional
public class TwoFactorService {
    private static final Logger LOG = Logger.getLogger(TwoFactorService.class.getName());
    static final String POLICY_KEY = "two_factor_required";

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    @Inject
    UserService users;

    @Inject
    SecretBox box;

    /** A refusal with a message fit to show next to the field that caused it. */
    public static class TwoFactorException extends RuntimeException {
        public TwoFactorException(String message) {
            super(message);
        }
    }

    /**
     * How a second-step input was accepted, or that it was not. KEY_UNAVAILABLE: a code cannot be checked because the
     * stored key does not open with this server's encryption key (recovery codes still work).
     */
    public enum Check { CODE, RECOVERY_CODE, WRONG, KEY_UNAVAILABLE }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnrolled(long userId) {
        return !em.createNativeQuery("SELECT user_id FROM user_two_factor WHERE user_id = ?1")
                .setParameter(1, userId).getResultList().isEmpty();
    }

    /** The users with two-factor sign-in (for Admin → Users). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> enrolledUsers() {
        Set<Long> out = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT user_id FROM user_two_factor").getResultList()) {
            out.add(((Number) id).longValue());
        }
        return out;
    }

    /** Unused recovery codes left to a user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int recoveryCodesLeft(long userId) {
        Object n = em.createNativeQuery("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = ?1 AND used_at IS NULL")
                .setParameter(1, userId).getSingleResult();
        return ((Number) n).intValue();
    }

    /** Whether the admin policy requires two-factor sign-in of every user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean required() {
        List<?> rows = em.createNativeQuery("SELECT setting_value FROM app_settings WHERE setting_key = ?1")
                .setParameter(1, POLICY_KEY).getResultList();
        return !rows.isEmpty() && "true".equals(rows.get(0));
    }

    /** Whether a sign-in of this user needs the second step: they are enrolled, or must enrol now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean secondStepNeeded(long userId) {
        return isEnrolled(userId) || required();
    }

    /** Sets the policy (audited as admin.two_factor_policy when it changes). */
    public void setRequired(Actor actor, boolean required) {
        if (required() == required) {
            return;
        }
        long now = clock.millis();
        int updated = em.createNativeQuery("UPDATE app_settings SET setting_value = ?1, updated_at = ?2 WHERE setting_key = ?3")
                .setParameter(1, String.valueOf(required)).setParameter(2, now).setParameter(3, POLICY_KEY).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO app_settings (setting_key, setting_value, updated_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, POLICY_KEY).setParameter(2, String.valueOf(required)).setParameter(3, now).executeUpdate();
        }
        audit.record(actor, "admin.two_factor_policy", "instance", Map.of("required", required));
    }

    /** The otpauth:// URI for an enrolment QR code. */
    public String otpauthUri(User user, String secret) {
        return Totp.otpauthUri(config.get("TWO_FACTOR_ISSUER", "TREK"), user.getEmail(), secret);
    }

    /**
     * Confirms enrolment with a code of the new secret; answers the recovery codes, to show once. Replaces any
     * earlier enrolment and its recovery codes. Audited as auth.two_factor.enrol.
     */
    public List<String> enrol(Actor actor, long userId, String secret, String code) {
        if (secret == null || secret.isEmpty()) {
            throw new TwoFactorException("Start the set-up again.");
        }
        long step = Totp.matchingStep(secret, code, clock.now(), -1);
        if (step < 0) {
            audit.record(actor, "auth.two_factor.failed", "user:" + userId, Map.of("during", "enrolment"));
            throw new TwoFactorException(Totp.looksLikeCode(code)
                    ? "That code is not right. Check the time on your phone and enter the current code."
                    : "Enter the 6-digit code your app shows.");
        }
        em.createNativeQuery("DELETE FROM user_two_factor WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("DELETE FROM two_factor_recovery_codes WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        long now = clock.millis();
        em.createNativeQuery("INSERT INTO user_two_factor (user_id, secret, last_step, enrolled_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, userId).setParameter(2, box.seal(secret, context(userId))).setParameter(3, step)
                .setParameter(4, now).executeUpdate();
        List<String> codes = storeNewRecoveryCodes(userId, now);
        audit.record(actor, "auth.two_factor.enrol", "user:" + userId, Map.of("recovery_codes", codes.size()));
        return codes;
    }

    /**
     * New recovery codes for an enrolled user (the caller has checked the password): the old ones stop working, the
     * new ones are answered to show once. Audited as auth.two_factor.recovery_codes_renewed.
     */
    public List<String> newRecoveryCodes(Actor actor, long userId) {
        if (!isEnrolled(userId)) {
            throw new TwoFactorException("Two-factor sign-in is off.");
        }
        int left = recoveryCodesLeft(userId);
        em.createNativeQuery("DELETE FROM two_factor_recovery_codes WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        List<String> codes = storeNewRecoveryCodes(userId, clock.millis());
        audit.record(actor, "auth.two_factor.recovery_codes_renewed", "user:" + userId,
                Map.of("recovery_codes", codes.size(), "unused_replaced", left));
        return codes;
    }

    private List<String> storeNewRecoveryCodes(long userId, long now) {
        List<String> codes = RecoveryCodes.generate();
        for (String c : codes) {
            em.createNativeQuery("INSERT INTO two_factor_recovery_codes (user_id, code_hash, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, userId).setParameter(2, RecoveryCodes.hash(c)).setParameter(3, now).executeUpdate();
        }
        return codes;
    }

    /**
     * The second step: a current code not used before (its step must be later than the last accepted one, claimed
     * with one conditional UPDATE, so two nodes cannot both accept it), or an unused recovery code (spent here).
     * Refusals are audited as auth.two_factor.failed, recovery codes as auth.two_factor.recovery_used.
     */
    public Check verify(Actor actor, long userId, String input) {
        List<?> rows = em.createNativeQuery("SELECT secret, last_step FROM user_two_factor WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        if (rows.isEmpty()) {
            return Check.WRONG;
        }
        Object[] row = (Object[]) rows.get(0);
        String stored = (String) row[0];
        long lastStep = ((Number) row[1]).longValue();
        if (Totp.looksLikeCode(input)) {
            String secret;
            try {
                secret = box.open(stored, context(userId));
            } catch (SecretBox.SealBrokenException e) {
                LOG.severe(() -> "Two-factor code of user " + userId + " cannot be checked: " + e.getMessage());
                audit.record(actor, "auth.two_factor.failed", "user:" + userId, Map.of("kind", "key_unavailable"));
                return Check.KEY_UNAVAILABLE;
            }
            if (!SecretBox.isSealed(stored)) { // enrolled before keys were encrypted: seal it now, once
                em.createNativeQuery("UPDATE user_two_factor SET secret = ?1 WHERE user_id = ?2 AND secret = ?3")
                        .setParameter(1, box.seal(secret, context(userId))).setParameter(2, userId).setParameter(3, stored)
                        .executeUpdate();
            }
            long step = Totp.matchingStep(secret, input, clock.now(), lastStep);
            if (step >= 0 && em.createNativeQuery("UPDATE user_two_factor SET last_step = ?1 WHERE user_id = ?2 AND last_step < ?3")
                    .setParameter(1, step).setParameter(2, userId).setParameter(3, step).executeUpdate() == 1) {
                return Check.CODE;
            }
            boolean replay = step < 0 && Totp.matchingStep(secret, input, clock.now(), -1) >= 0;
            audit.record(actor, "auth.two_factor.failed", "user:" + userId, Map.of("kind", replay ? "code_reused" : "code"));
            return Check.WRONG;
        }
        String hash = RecoveryCodes.hash(input);
        if (hash != null && em.createNativeQuery("UPDATE two_factor_recovery_codes SET used_at = ?1 "
                        + "WHERE user_id = ?2 AND code_hash = ?3 AND used_at IS NULL")
                .setParameter(1, clock.millis()).setParameter(2, userId).setParameter(3, hash).executeUpdate() == 1) {
            audit.record(actor, "auth.two_factor.recovery_used", "user:" + userId,
                    Map.of("recovery_codes_left", recoveryCodesLeft(userId)));
            return Check.RECOVERY_CODE;
        }
        audit.record(actor, "auth.two_factor.failed", "user:" + userId, Map.of("kind", "recovery_code"));
        return Check.WRONG;
    }

    /** The user turns two-factor off (the caller has checked the password). Audited as auth.two_factor.disable. */
    public void disable(Actor actor, long userId) {
        if (remove(userId)) {
            audit.record(actor, "auth.two_factor.disable", "user:" + userId, Map.of());
        }
    }

    /**
     * An admin resets a user's two-factor (a lost phone): the key and the recovery codes go; the user signs in with
     * the password alone, or enrols again at the next sign-in when the policy requires it. Audited as
     * admin.user.two_factor_reset; false when the user had none.
     */
    public boolean reset(Actor actor, long userId) {
        User user = users.find(userId).orElseThrow(() -> new TwoFactorException("No such user."));
        if (!remove(userId)) {
            return false;
        }
        audit.record(actor, "admin.user.two_factor_reset", "user:" + userId, Map.of("username", user.getUsername()));
        return true;
    }

    /** Binds a sealed key to its user: copied into another user's row, it does not open. */
    private static String context(long userId) {
        return "totp:" + userId;
    }

    private boolean remove(long userId) {
        em.createNativeQuery("DELETE FROM two_factor_recovery_codes WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        return em.createNativeQuery("DELETE FROM user_two_factor WHERE user_id = ?1").setParameter(1, userId).executeUpdate() == 1;
    }
}
