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
 * Addon state lives in the shared database (one row per addon), so every node sees a toggle at once.
 * A toggle fires {@link AddonToggled}; the MCP layer turns it into list_changed notifications.
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEnabled(String addonId) {
        Addon addon = em.find(Addon.class, addonId);
        return addon != null && addon.isEnabled();
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
