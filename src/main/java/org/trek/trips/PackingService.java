package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.platform.Clock;
import org.trek.platform.Patch;

/** Packing items, bags (with members), category assignees and templates; to-dos with their category assignees. */
@ApplicationScoped
@Transactional
public class PackingService {
    public static final String DEFAULT_CATEGORY = "General";

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    Clock clock;

    // --- items ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public TripService.Page<PackingItem> items(long userId, long tripId, int limit, int offset) {
        access.access(userId, tripId);
        List<PackingItem> rows = em.createQuery("SELECT p FROM PackingItem p WHERE p.tripId = :t ORDER BY p.sortOrder, p.id", PackingItem.class)
                .setParameter("t", tripId).setFirstResult(offset).setMaxResults(limit + 1).getResultList();
        return TripService.Page.of(rows, limit, offset);
    }

    public PackingItem createItem(long userId, long tripId, String name, String category, Integer quantity) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        return newItem(tripId, name, category, quantity, nextItemOrder(tripId));
    }

    private int nextItemOrder(long tripId) {
        Integer max = em.createQuery("SELECT MAX(p.sortOrder) FROM PackingItem p WHERE p.tripId = :t", Integer.class)
                .setParameter("t", tripId).getSingleResult();
        return max == null ? 0 : max + 1;
    }

    private PackingItem newItem(long tripId, String name, String category, Integer quantity, int order) {
        PackingItem p = new PackingItem();
        p.setTripId(tripId);
        p.setName(itemName(name));
        p.setCategory(category == null || category.isBlank() ? DEFAULT_CATEGORY : category.trim());
        p.setQuantity(quantity == null ? 1 : quantity);
        p.setSortOrder(order);
        p.setCreatedAt(clock.now());
        em.persist(p);
        em.flush();
        return p;
    }

    private static String itemName(String name) {
        return TripService.requireText("name", name, 200);
    }

    public PackingItem toggleItem(long userId, long tripId, long itemId, boolean checked) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        PackingItem p = access.owned(PackingItem.class, itemId, tripId, "Packing item");
        p.setChecked(checked);
        return p;
    }

    public PackingItem updateItem(long userId, long tripId, long itemId, String name, String category) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        PackingItem p = access.owned(PackingItem.class, itemId, tripId, "Packing item");
        if (name != null) {
            p.setName(itemName(name));
        }
        if (category != null) {
            p.setCategory(category.isBlank() ? DEFAULT_CATEGORY : category.trim());
        }
        return p;
    }

    public void deleteItem(long userId, long tripId, long itemId) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        em.remove(access.owned(PackingItem.class, itemId, tripId, "Packing item"));
    }

    /** Every id must be an item of the trip; the listed items get positions 0..n-1 in that order. */
    public void reorderItems(long userId, long tripId, List<Long> orderedIds) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        for (int i = 0; i < orderedIds.size(); i++) {
            access.owned(PackingItem.class, orderedIds.get(i), tripId, "Packing item " + orderedIds.get(i)).setSortOrder(i);
        }
    }

    /** Adds many items at once (all or nothing). */
    public int bulkImport(long userId, long tripId, List<String[]> items, List<Integer> quantities) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        int order = nextItemOrder(tripId);
        for (int i = 0; i < items.size(); i++) {
            newItem(tripId, items.get(i)[0], items.get(i)[1], quantities.get(i), order++);
        }
        return items.size();
    }

    // --- bags ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PackingBag> bags(long userId, long tripId) {
        access.access(userId, tripId);
        return em.createQuery("SELECT b FROM PackingBag b WHERE b.tripId = :t ORDER BY b.sortOrder, b.id", PackingBag.class)
                .setParameter("t", tripId).getResultList();
    }

    /**
     * The trip's bags as list_packing_bags and its resource show them: each with {@code members} (the original's
     * {bag_id, user_id, username, avatar}) and our {@code member_ids}. Two queries for the whole trip.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public jakarta.json.JsonArrayBuilder bagsWithMembers(long userId, long tripId) {
        List<PackingBag> bags = bags(userId, tripId);
        Map<Long, List<PlaceService.Participant>> members = bagMembers(tripId);
        return org.trek.platform.Jsons.array(bags, b -> {
            List<PlaceService.Participant> people = members.getOrDefault(b.getId(), List.of());
            return b.toJsonBuilder().add("members", org.trek.platform.Jsons.array(people, p -> p.toJson().add("bag_id", b.getId())))
                    .add("member_ids", org.trek.platform.Jsons.array(people, p -> p.userId()));
        });
    }

    /** Bag id → its members with their names, one query for the whole trip. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<PlaceService.Participant>> bagMembers(long tripId) {
        Map<Long, List<PlaceService.Participant>> out = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery("SELECT m.bag_id, m.user_id, u.username FROM packing_bag_members m "
                + "JOIN packing_bags b ON b.id = m.bag_id JOIN users u ON u.id = m.user_id "
                + "WHERE b.trip_id = ?1 ORDER BY m.bag_id, m.user_id").setParameter(1, tripId).getResultList()) {
            Object[] r = (Object[]) o;
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new PlaceService.Participant(((Number) r[1]).longValue(), (String) r[2]));
        }
        return out;
    }

    /** The user name of a bag's assigned user (its user_id), or null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String username(Long userId) {
        if (userId == null) {
            return null;
        }
        List<?> r = em.createNativeQuery("SELECT username FROM users WHERE id = ?1").setParameter(1, userId).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    public PackingBag createBag(long userId, long tripId, String name, String color) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        Integer max = em.createQuery("SELECT MAX(b.sortOrder) FROM PackingBag b WHERE b.tripId = :t", Integer.class)
                .setParameter("t", tripId).getSingleResult();
        PackingBag b = new PackingBag();
        b.setTripId(tripId);
        b.setName(bagName(name));
        b.setColor(color == null ? "#6366f1" : PlaceService.color(color));
        b.setSortOrder(max == null ? 0 : max + 1);
        b.setCreatedAt(clock.now());
        em.persist(b);
        em.flush();
        return b;
    }

    private static String bagName(String name) {
        return TripService.requireText("name", name, 100);
    }

    public PackingBag updateBag(long userId, long tripId, long bagId, String name, String color) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        PackingBag b = access.owned(PackingBag.class, bagId, tripId, "Bag");
        if (name != null) {
            b.setName(bagName(name));
        }
        if (color != null) {
            b.setColor(PlaceService.color(color));
        }
        return b;
    }

    /** Deletes a bag; its items stay, unassigned. */
    public void deleteBag(long userId, long tripId, long bagId) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        PackingBag b = access.owned(PackingBag.class, bagId, tripId, "Bag");
        em.createQuery("UPDATE PackingItem p SET p.bagId = NULL WHERE p.bagId = :b").setParameter("b", bagId).executeUpdate();
        em.remove(b);
    }

    /** Replaces a bag's members; every user id must be a trip member (reference §9.1.4). */
    public List<Long> setBagMembers(long userId, long tripId, long bagId, List<Long> userIds) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.PACKING_EDIT);
        access.owned(PackingBag.class, bagId, tripId, "Bag");
        List<Long> ids = access.requireParticipants(ctx.trip(), userIds);
        em.createNativeQuery("DELETE FROM packing_bag_members WHERE bag_id = ?1").setParameter(1, bagId).executeUpdate();
        for (Long id : ids) {
            em.createNativeQuery("INSERT INTO packing_bag_members (bag_id, user_id) VALUES (?1, ?2)").setParameter(1, bagId)
                    .setParameter(2, id).executeUpdate();
        }
        return ids;
    }

    // --- category assignees (packing and to-dos share the shape) ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<PlaceService.Participant>> assignees(long userId, long tripId, boolean todos) {
        access.access(userId, tripId);
        Map<String, List<PlaceService.Participant>> out = new LinkedHashMap<>();
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        for (Object o : em.createNativeQuery("SELECT a.category_name, a.user_id, u.username FROM "
                + (todos ? "todo_category_assignees" : "packing_category_assignees")
                + " a JOIN users u ON u.id = a.user_id WHERE a.trip_id = ?1 ORDER BY a.category_name, a.user_id")
                .setParameter(1, tripId).getResultList()) {
            Object[] r = (Object[]) o;
            out.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new PlaceService.Participant(((Number) r[1]).longValue(), (String) r[2]));
        }
        return out;
    }

    public List<Long> setAssignees(long userId, long tripId, boolean todos, String category, List<Long> userIds) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.PACKING_EDIT);
        String c = TripService.requireText("categoryName", category, 100);
        List<Long> ids = access.requireParticipants(ctx.trip(), userIds);
        String table = todos ? "todo_category_assignees" : "packing_category_assignees";
        em.createNativeQuery("DELETE FROM " + table + " WHERE trip_id = ?1 AND category_name = ?2").setParameter(1, tripId)
                .setParameter(2, c).executeUpdate();
        for (Long id : ids) {
            em.createNativeQuery("INSERT INTO " + table + " (trip_id, category_name, user_id) VALUES (?1, ?2, ?3)")
                    .setParameter(1, tripId).setParameter(2, c).setParameter(3, id).executeUpdate();
        }
        return ids;
    }

    // --- templates ---

    /**
     * Adds a template's items to the trip's packing list (all or nothing). Returns how many were added. A template
     * is the caller's own or an instance template (saved by an admin); any other user's saved list is "not found",
     * the same answer as for an id that does not exist (a template holds that user's private packing list).
     */
    public List<PackingItem> applyTemplate(long userId, long tripId, long templateId) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        boolean usable = !em.createQuery("SELECT t.id FROM PackingTemplate t WHERE t.id = :t AND (t.createdBy = :u "
                        + "OR t.createdBy IN (SELECT a.id FROM User a WHERE a.role = org.trek.account.Role.ADMIN))", Long.class)
                .setParameter("t", templateId).setParameter("u", userId)
                .setMaxResults(1).getResultList().isEmpty();
        if (!usable) {
            throw new TripException("Template not found.");
        }
        List<Object[]> rows = em.createQuery("SELECT c.name, i.name FROM PackingTemplateCategory c, PackingTemplateItem i "
                + "WHERE i.categoryId = c.id AND c.templateId = :t ORDER BY c.sortOrder, i.sortOrder, i.id", Object[].class)
                .setParameter("t", templateId).getResultList();
        int order = nextItemOrder(tripId);
        List<PackingItem> added = new ArrayList<>();
        for (Object[] r : rows) {
            added.add(newItem(tripId, (String) r[1], (String) r[0], 1, order++));
        }
        em.flush();
        return added;
    }

    /** Saves the trip's packing list (names by category) as a new template. */
    public PackingTemplate saveTemplate(long userId, long tripId, String name) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        String n = TripService.requireText("templateName", name, 100);
        PackingTemplate t = new PackingTemplate();
        t.setName(n);
        t.setCreatedBy(userId);
        t.setCreatedAt(clock.now());
        em.persist(t);
        em.flush();
        Map<String, PackingTemplateCategory> cats = new LinkedHashMap<>();
        int itemOrder = 0;
        for (PackingItem p : em.createQuery("SELECT p FROM PackingItem p WHERE p.tripId = :t ORDER BY p.sortOrder, p.id", PackingItem.class)
                .setParameter("t", tripId).getResultList()) {
            PackingTemplateCategory c = cats.get(p.getCategory());
            if (c == null) {
                c = new PackingTemplateCategory();
                c.setTemplateId(t.getId());
                c.setName(p.getCategory());
                c.setSortOrder(cats.size());
                em.persist(c);
                em.flush();
                cats.put(p.getCategory(), c);
            }
            PackingTemplateItem i = new PackingTemplateItem();
            i.setCategoryId(c.getId());
            i.setName(p.getName());
            i.setSortOrder(itemOrder++);
            em.persist(i);
        }
        return t;
    }

    // --- to-dos ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public TripService.Page<TodoItem> todos(long userId, long tripId, int limit, int offset) {
        access.access(userId, tripId);
        List<TodoItem> rows = em.createQuery("SELECT t FROM TodoItem t WHERE t.tripId = :t ORDER BY t.sortOrder, t.id", TodoItem.class)
                .setParameter("t", tripId).setFirstResult(offset).setMaxResults(limit + 1).getResultList();
        return TripService.Page.of(rows, limit, offset);
    }

    /** To-do fields; null = not given (a {@link Patch} also says "clear": omitted stays, null clears). */
    public record TodoFields(String name, Patch<String> category, Patch<String> dueDate, Patch<String> description,
                             Patch<Long> assignedUserId, Patch<Integer> priority) {
    }

    public TodoItem createTodo(long userId, long tripId, TodoFields f) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.PACKING_EDIT);
        Integer max = em.createQuery("SELECT MAX(t.sortOrder) FROM TodoItem t WHERE t.tripId = :t", Integer.class)
                .setParameter("t", tripId).getSingleResult();
        TodoItem t = new TodoItem();
        t.setTripId(tripId);
        t.setSortOrder(max == null ? 0 : max + 1);
        t.setCreatedAt(clock.now());
        applyTodo(ctx, t, f, true);
        em.persist(t);
        em.flush();
        return t;
    }

    public TodoItem updateTodo(long userId, long tripId, long itemId, TodoFields f) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.PACKING_EDIT);
        TodoItem t = access.owned(TodoItem.class, itemId, tripId, "To-do");
        applyTodo(ctx, t, f, false);
        return t;
    }

    private void applyTodo(TripAccess.TripContext ctx, TodoItem t, TodoFields f, boolean creating) {
        if (f.name() != null || creating) {
            t.setName(TripService.requireText("name", f.name(), 500));
        }
        f.category().ifGiven(c -> t.setCategory(TripService.trimToNull(c)));
        f.dueDate().ifGiven(d -> t.setDueDate(d == null ? null : TripService.parseDate("due_date", d).toString()));
        f.description().ifGiven(t::setDescription);
        f.assignedUserId().ifGiven(id -> {
            if (id != null) {
                access.requireParticipants(ctx.trip(), List.of(id));
            }
            t.setAssignedUserId(id);
        });
        f.priority().ifGiven(p -> {
            if (p != null && (p < 0 || p > 3)) {
                throw new TripException("priority must be 0 to 3.");
            }
            t.setPriority(p == null ? 0 : p);
        });
    }

    public TodoItem toggleTodo(long userId, long tripId, long itemId, boolean checked) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        TodoItem t = access.owned(TodoItem.class, itemId, tripId, "To-do");
        t.setChecked(checked);
        return t;
    }

    public void deleteTodo(long userId, long tripId, long itemId) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        em.remove(access.owned(TodoItem.class, itemId, tripId, "To-do"));
    }

    public void reorderTodos(long userId, long tripId, List<Long> orderedIds) {
        access.forChange(userId, tripId, Permission.PACKING_EDIT);
        for (int i = 0; i < orderedIds.size(); i++) {
            access.owned(TodoItem.class, orderedIds.get(i), tripId, "To-do " + orderedIds.get(i)).setSortOrder(i);
        }
    }
}
