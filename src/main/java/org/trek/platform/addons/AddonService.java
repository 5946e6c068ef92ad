package org.trek.platform.addons;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trek.platform.Clock;

/**
 * Addon state lives in the shared database (one row per addon; an addon's parts, {@link SubSwitch}, in app_settings).
 * Every request asks whether addons are on (the MCP addon on each /mcp request, a tool's addon on each call), so the
 * states of addons and parts are read all at once, in one statement, and kept for {@value #STATES_TTL_MS} ms: a toggle
 * is seen at once on its own node and within that time on every other node (nodes serving MCP also drop them at the
 * next change-feed poll). A toggle fires {@link AddonToggled}; the MCP layer turns it into list_changed notifications.
 * Which addons exist is {@link AddonId}; who may switch them, and the audit record of a switch, belong to the admin
 * feature.
 */
@ApplicationScoped
@Transactional
public class AddonService {
    /** The MCP addon, for the /mcp transport's gate. */
    public static final AddonId MCP = AddonId.MCP;

    /**
     * Fired after an addon or one of its parts was switched on or off.
     *
     * @param addonId the addon's id, or a part's {@link SubSwitch#gate()} ({@code collab.notes})
     */
    public record AddonToggled(String addonId, boolean enabled) {
    }

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AddonToggled> toggled;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Addon> list() {
        return em.createQuery("SELECT a FROM Addon a ORDER BY a.sortOrder", Addon.class).getResultList();
    }

    static final long STATES_TTL_MS = 2_000;

    /** Every addon's and part's state as read at {@code loadedAt} (System.nanoTime); parts by their gate id. */
    private record States(Map<String, Boolean> enabled, long loadedAt) {
    }

    private volatile States states;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnabled(AddonId addon) {
        return isEnabled(addon.id());
    }

    /**
     * By gate id, for descriptors that carry it (tool, resource and prompt definitions): an addon's row id, or a part's
     * {@link SubSwitch#gate()}, which is on when its addon and the part are on. Unknown ids are off.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnabled(String gate) {
        Map<String, Boolean> enabled = states().enabled();
        int dot = gate.indexOf('.');
        if (dot > 0) {
            return enabled.getOrDefault(gate.substring(0, dot), false) && enabled.getOrDefault(gate, false);
        }
        return enabled.getOrDefault(gate, false);
    }

    /** Whether the part and its addon are on. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnabled(SubSwitch part) {
        return isEnabled(part.gate());
    }

    /** Whether the part itself is switched on (whatever its addon's state), for the admin screen. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isPartOn(SubSwitch part) {
        return states().enabled().getOrDefault(part.gate(), true);
    }

    /** "true" when an addon row is on; a part's stored value as it is. */
    private static final String STATES_SQL = "SELECT a.id, CASE WHEN a.enabled = TRUE THEN 'true' ELSE 'false' END FROM addons a "
            + "UNION ALL SELECT s.setting_key, s.setting_value FROM app_settings s WHERE s.setting_key IN ("
            + String.join(", ", java.util.Arrays.stream(SubSwitch.values()).map(p -> "'" + p.settingKey() + "'").toList()) + ")";

    private States states() {
        States s = states;
        long now = System.nanoTime();
        if (s == null || now - s.loadedAt() > STATES_TTL_MS * 1_000_000) {
            Map<String, String> rows = new java.util.HashMap<>();
            for (Object row : em.createNativeQuery(STATES_SQL).getResultList()) {
                Object[] r = (Object[]) row;
                rows.put(r[0].toString().trim(), r[1] == null ? null : r[1].toString().trim());
            }
            Map<String, Boolean> enabled = new java.util.HashMap<>();
            rows.forEach((id, v) -> enabled.put(id, "true".equals(v))); // addon rows (and parts, replaced below)
            for (SubSwitch p : SubSwitch.values()) {
                enabled.remove(p.settingKey());
                enabled.put(p.gate(), !"false".equals(rows.get(p.settingKey()))); // on unless the string false
            }
            s = new States(Map.copyOf(enabled), now);
            states = s;
        }
        return s;
    }

    /** Reads the states afresh on the next question (after a toggle here, or on another node as the change feed tells). */
    public void forgetStates() {
        states = null;
    }

    /** After the toggle committed: a reader between the toggle and its commit may have cached the old state. */
    void forgetAfterCommit(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_COMPLETION) AddonToggled toggled) {
        forgetStates();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Addon> find(String addonId) {
        return Optional.ofNullable(em.find(Addon.class, addonId));
    }

    /** What {@link #setEnabled} did. */
    public enum Switch {
        UNKNOWN, UNCHANGED, CHANGED
    }

    /**
     * Switches an addon and fires {@link AddonToggled} when its state changed. Joins the caller's transaction, so
     * the caller can record the switch (the admin feature audits it) in the same one.
     */
    public Switch setEnabled(String addonId, boolean enabled) {
        Addon addon = em.find(Addon.class, addonId);
        if (addon == null) {
            return Switch.UNKNOWN;
        }
        if (addon.isEnabled() == enabled) {
            return Switch.UNCHANGED;
        }
        addon.setEnabled(enabled, clock.now());
        forgetStates();
        toggled.fire(new AddonToggled(addonId, enabled));
        return Switch.CHANGED;
    }

    public Switch setEnabled(AddonId addon, boolean enabled) {
        return setEnabled(addon.id(), enabled);
    }

    /**
     * Switches a part of an addon (stored as {@code true} / {@code false} in app_settings) and fires
     * {@link AddonToggled} with the part's gate id when its state changed. Joins the caller's transaction.
     */
    public Switch setEnabled(SubSwitch part, boolean enabled) {
        java.util.List<?> rows = em.createNativeQuery("SELECT setting_value FROM app_settings WHERE setting_key = ?1")
                .setParameter(1, part.settingKey()).getResultList();
        boolean before = rows.isEmpty() || !"false".equals(rows.get(0));
        if (before == enabled) {
            return Switch.UNCHANGED;
        }
        long now = clock.now().toEpochMilli();
        if (rows.isEmpty()) {
            em.createNativeQuery("INSERT INTO app_settings (setting_key, setting_value, updated_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, part.settingKey()).setParameter(2, String.valueOf(enabled)).setParameter(3, now).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE app_settings SET setting_value = ?1, updated_at = ?2 WHERE setting_key = ?3")
                    .setParameter(1, String.valueOf(enabled)).setParameter(2, now).setParameter(3, part.settingKey()).executeUpdate();
        }
        forgetStates();
        toggled.fire(new AddonToggled(part.gate(), enabled));
        return Switch.CHANGED;
    }
}
