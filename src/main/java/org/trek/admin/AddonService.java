package org.trek.admin;

import jakarta.annotation.Priority;
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
import java.util.logging.Logger;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.Startup;

/**
 * Addon state lives in the shared database (one row per addon). Every request asks whether addons are on (the MCP
 * addon on each /mcp request, a tool's addon on each call), so the states are read all at once and kept for
 * {@value #STATES_TTL_MS} ms: a toggle is seen at once on its own node and within that time on every other node (nodes
 * serving MCP also drop them at the next change-feed poll). A toggle fires {@link AddonToggled}; the MCP layer turns it
 * into list_changed notifications.
 */
@ApplicationScoped
@Transactional
public class AddonService {
    private static final Logger LOG = Logger.getLogger(AddonService.class.getName());
    public static final String MCP = "mcp";

    /** Fired after an addon was switched on or off. */
    public record AddonToggled(String addonId, boolean enabled) {
    }

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

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

    /** Switches an addon; returns false when the id is unknown. */
    public boolean setEnabled(Actor actor, String addonId, boolean enabled) {
        Addon addon = em.find(Addon.class, addonId);
        if (addon == null) {
            return false;
        }
        if (addon.isEnabled() == enabled) {
            return true;
        }
        addon.setEnabled(enabled, clock.now());
        forgetStates();
        audit.record(actor, "admin.addon_update", addonId, Map.of("enabled", enabled));
        toggled.fire(new AddonToggled(addonId, enabled));
        return true;
    }

    /** TREK_ADDONS=mcp,journey forces those addons on at start, for automated set-ups. */
    void onStart(@Observes @Priority(20) Startup.DatabaseReady ready) {
        for (String id : config.getList("TREK_ADDONS")) {
            if (!setEnabled(Actor.system(), id, true)) {
                LOG.warning(() -> "TREK_ADDONS names an unknown addon: " + id);
            }
        }
    }
}
