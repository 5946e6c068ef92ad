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
 * Addon state lives in the shared database (one row per addon). Every request asks whether addons are on (the MCP
 * addon on each /mcp request, a tool's addon on each call), so the states are read all at once and kept for
 * {@value #STATES_TTL_MS} ms: a toggle is seen at once on its own node and within that time on every other node (nodes
 * serving MCP also drop them at the next change-feed poll). A toggle fires {@link AddonToggled}; the MCP layer turns it
 * into list_changed notifications. Which addons exist is {@link AddonId}; who may switch them, and the audit record
 * of a switch, belong to the admin feature.
 */
@ApplicationScoped
@Transactional
public class AddonService {
    /** The MCP addon, for the /mcp transport's gate. */
    public static final AddonId MCP = AddonId.MCP;

    /** Fired after an addon was switched on or off. */
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

    /** Every addon's state as read at {@code loadedAt} (System.nanoTime). */
    private record States(Map<String, Boolean> enabled, long loadedAt) {
    }

    private volatile States states;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnabled(AddonId addon) {
        return isEnabled(addon.id());
    }

    /** By row id, for descriptors that carry the id (tool, resource and prompt definitions); unknown ids are off. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnabled(String addonId) {
        return states().enabled().getOrDefault(addonId, false);
    }

    private States states() {
        States s = states;
        long now = System.nanoTime();
        if (s == null || now - s.loadedAt() > STATES_TTL_MS * 1_000_000) {
            Map<String, Boolean> enabled = new java.util.HashMap<>();
            for (Object[] row : em.createQuery("SELECT a.id, a.enabled FROM Addon a", Object[].class).getResultList()) {
                enabled.put((String) row[0], (Boolean) row[1]);
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
}
