package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The packing templates a user can see and remove (TREK 3.4's list_packing_templates and delete_packing_template).
 * A user sees their own templates and the instance templates (saved by an admin), the same set apply_packing_template
 * accepts; another user's saved list stays private ("Template not found."). Deleting: one's own template, and for an
 * admin also the instance templates.
 */
@ApplicationScoped
@Transactional
public class PackingTemplateService {

    /** The JPQL condition of a template the user :u may use (own or saved by an admin). */
    private static final String VISIBLE = "(t.createdBy = :u OR t.createdBy IN "
            + "(SELECT a.id FROM User a WHERE a.role = org.trek.account.Role.ADMIN))";

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    /** A template with the number of its items. */
    public record Listed(long id, String name, long itemCount) {
    }

    /** Newest first, as the original lists them; the trip is only checked for access (any member). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Listed> list(long userId, long tripId) {
        access.access(userId, tripId);
        List<PackingTemplate> templates = em.createQuery("SELECT t FROM PackingTemplate t WHERE " + VISIBLE
                + " ORDER BY t.createdAt DESC, t.id DESC", PackingTemplate.class).setParameter("u", userId).getResultList();
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] r : em.createQuery("SELECT c.templateId, COUNT(i) FROM PackingTemplateItem i, PackingTemplateCategory c, "
                + "PackingTemplate t WHERE i.categoryId = c.id AND c.templateId = t.id AND " + VISIBLE + " GROUP BY c.templateId",
                Object[].class).setParameter("u", userId).getResultList()) {
            counts.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return templates.stream().map(t -> new Listed(t.getId(), t.getName(), counts.getOrDefault(t.getId(), 0L))).toList();
    }

    /** Deletes a template (its categories and items go with it) and returns its name. */
    public String delete(long userId, long templateId) {
        PackingTemplate t = em.find(PackingTemplate.class, templateId);
        boolean own = t != null && t.getCreatedBy() != null && t.getCreatedBy() == userId;
        boolean instance = t != null && !own && access.isAdmin(userId) && !em.createQuery("SELECT t.id FROM PackingTemplate t "
                + "WHERE t.id = :id AND " + VISIBLE, Long.class).setParameter("id", templateId).setParameter("u", userId)
                .setMaxResults(1).getResultList().isEmpty();
        if (!own && !instance) {
            throw TripException.notFound("Template");
        }
        String name = t.getName();
        em.remove(t);
        em.flush();
        return name;
    }
}
