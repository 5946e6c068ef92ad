package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.Clock;

/** Reads and changes the permission matrix in app_settings (shared by every node, so no cache). */
@ApplicationScoped
@Transactional
public class PermissionService {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Permission.Level level(Permission permission) {
        List<?> rows = em.createNativeQuery("SELECT setting_value FROM app_settings WHERE setting_key = ?1")
                .setParameter(1, permission.settingKey()).getResultList();
        Permission.Level level = rows.isEmpty() ? null : Permission.Level.parse((String) rows.get(0));
        return level == null || !permission.choices().contains(level) ? permission.defaultLevel() : level;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Permission, Permission.Level> all() {
        Map<Permission, Permission.Level> map = new EnumMap<>(Permission.class);
        for (Permission p : Permission.values()) {
            map.put(p, level(p));
        }
        return map;
    }

    /** Sets one permission; returns false for a level the permission does not offer. Audited. */
    public boolean set(Actor actor, Permission permission, Permission.Level level) {
        if (level == null || !permission.choices().contains(level)) {
            return false;
        }
        Permission.Level before = level(permission);
        if (before == level) {
            return true;
        }
        int updated = em.createNativeQuery("UPDATE app_settings SET setting_value = ?1, updated_at = ?2 WHERE setting_key = ?3")
                .setParameter(1, level.value()).setParameter(2, clock.now().toEpochMilli())
                .setParameter(3, permission.settingKey()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO app_settings (setting_key, setting_value, updated_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, permission.settingKey()).setParameter(2, level.value())
                    .setParameter(3, clock.now().toEpochMilli()).executeUpdate();
        }
        audit.record(actor, "admin.permission_update", permission.key(),
                Map.of("from", before.value(), "to", level.value()));
        return true;
    }

    /** Whether a user with this relation to a trip passes the permission. */
    public boolean allows(Permission permission, boolean admin, boolean owner, boolean member) {
        if (admin) {
            return true;
        }
        return switch (level(permission)) {
            case EVERYBODY -> true;
            case MEMBER -> owner || member;
            case OWNER -> owner;
            case ADMIN -> false;
        };
    }
}
