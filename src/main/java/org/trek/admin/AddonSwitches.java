package org.trek.admin;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.logging.Logger;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;
import org.trek.platform.Startup;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.addons.SubSwitch;

/**
 * Switching addons (and their parts) as an administrator: the switch and its audit record ({@code admin.addon_update})
 * in one transaction, from Admin → Addons or from TREK_ADDONS at start.
 */
@ApplicationScoped
@Transactional
public class AddonSwitches {
    private static final Logger LOG = Logger.getLogger(AddonSwitches.class.getName());

    @Inject
    AddonService addons;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    /** Switches an addon; returns false when the id is unknown. A switch that changes nothing is not audited. */
    public boolean setEnabled(Actor actor, String addonId, boolean enabled) {
        AddonService.Switch result = addons.setEnabled(addonId, enabled);
        if (result == AddonService.Switch.CHANGED) {
            audit.record(actor, "admin.addon_update", addonId, Map.of("enabled", enabled));
        }
        return result != AddonService.Switch.UNKNOWN;
    }

    /**
     * Switches a part of an addon (collab's notes, polls, chat, what's next); returns false when the addon or the part
     * is unknown. Audited as {@code admin.addon_update} of the addon with the part named; a switch that changes nothing
     * is not audited.
     */
    public boolean setPart(Actor actor, String addonId, String part, boolean enabled) {
        java.util.Optional<SubSwitch> sw = AddonId.of(addonId).flatMap(a -> SubSwitch.of(a, part));
        if (sw.isEmpty()) {
            return false;
        }
        if (addons.setEnabled(sw.get(), enabled) == AddonService.Switch.CHANGED) {
            audit.record(actor, "admin.addon_update", addonId, Map.of("part", part, "enabled", enabled));
        }
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
