package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.trek.platform.Clock;

/** Budget items and who shares them (with paid flags). Every member id must belong to the trip. */
@ApplicationScoped
@Transactional
public class BudgetService {

    @Inject
    org.trek.platform.db.Sql sql;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    Clock clock;

    /** Item fields; null = not given; clear* = explicitly null. */
    public record ItemFields(String name, String category, BigDecimal totalPrice, Integer persons, boolean clearPersons,
                             Integer days, boolean clearDays, String note, boolean clearNote) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetItem> items(long userId, long tripId) {
        access.access(userId, tripId);
        return em.createQuery("SELECT b FROM BudgetItem b WHERE b.tripId = :t ORDER BY b.sortOrder, b.id", BudgetItem.class)
                .setParameter("t", tripId).getResultList();
    }

    public BudgetItem create(long userId, long tripId, ItemFields f, List<Long> memberIds) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        List<Long> members = memberIds == null ? List.of() : access.requireParticipants(ctx.trip(), memberIds);
        Integer max = em.createQuery("SELECT MAX(b.sortOrder) FROM BudgetItem b WHERE b.tripId = :t", Integer.class)
                .setParameter("t", tripId).getSingleResult();
        BudgetItem b = new BudgetItem();
        b.setTripId(tripId);
        b.setCategory("Other");
        b.setTotalPrice(BigDecimal.ZERO);
        b.setSortOrder(max == null ? 0 : max + 1);
        b.setCreatedAt(clock.now());
        apply(b, f, true);
        em.persist(b);
        em.flush();
        replaceMembers(b.getId(), members);
        return b;
    }

    public BudgetItem update(long userId, long tripId, long itemId, ItemFields f) {
        access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        BudgetItem b = access.owned(BudgetItem.class, itemId, tripId, "Budget item");
        apply(b, f, false);
        return b;
    }

    private static void apply(BudgetItem b, ItemFields f, boolean creating) {
        if (f.name() != null || creating) {
            b.setName(TripService.requireText("name", f.name(), 200));
        }
        if (f.category() != null) {
            String c = f.category().trim();
            b.setCategory(c.isEmpty() ? "Other" : c);
        }
        if (f.totalPrice() != null) {
            if (f.totalPrice().signum() < 0) {
                throw new TripException("total_price must not be negative.");
            }
            b.setTotalPrice(f.totalPrice().setScale(2, java.math.RoundingMode.HALF_UP));
        }
        if (f.persons() != null || f.clearPersons()) {
            b.setPersons(f.persons());
        }
        if (f.days() != null || f.clearDays()) {
            b.setDays(f.days());
        }
        if (f.note() != null || f.clearNote()) {
            b.setNote(f.note());
        }
    }

    public void delete(long userId, long tripId, long itemId) {
        access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        em.remove(access.owned(BudgetItem.class, itemId, tripId, "Budget item"));
    }

    public BudgetItem setMembers(long userId, long tripId, long itemId, List<Long> userIds) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        BudgetItem b = access.owned(BudgetItem.class, itemId, tripId, "Budget item");
        replaceMembers(itemId, access.requireParticipants(ctx.trip(), userIds));
        return b;
    }

    /** The item must belong to the trip (the original did not check: reference §9.1.4). */
    public BudgetItemMember setPaid(long userId, long tripId, long itemId, long memberUserId, boolean paid) {
        access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        access.owned(BudgetItem.class, itemId, tripId, "Budget item");
        BudgetItemMember m = em.createQuery("SELECT m FROM BudgetItemMember m WHERE m.budgetItemId = :i AND m.userId = :u",
                        BudgetItemMember.class).setParameter("i", itemId).setParameter("u", memberUserId)
                .getResultStream().findFirst().orElseThrow(() -> TripException.notFound("Budget member"));
        m.setPaid(paid);
        em.flush();
        return members(itemId).stream().filter(x -> x.getUserId() == memberUserId).findFirst().orElseThrow();
    }

    static final String MEMBER_COLUMNS = "m.id, m.budget_item_id, m.user_id, m.paid, u.username";

    /** Who shares the item, with their names (one plain read; in a transaction it sees what was flushed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetItemMember> members(long itemId) {
        return sql.list("SELECT " + MEMBER_COLUMNS + " FROM budget_item_members m JOIN users u ON u.id = m.user_id "
                + "WHERE m.budget_item_id = ? ORDER BY m.user_id", BudgetItemMember::ofRow, itemId);
    }

    private void replaceMembers(long itemId, List<Long> userIds) {
        em.createQuery("DELETE FROM BudgetItemMember m WHERE m.budgetItemId = :i").setParameter("i", itemId).executeUpdate();
        for (Long u : userIds) {
            BudgetItemMember m = new BudgetItemMember();
            m.setBudgetItemId(itemId);
            m.setUserId(u);
            em.persist(m);
        }
        em.flush();
    }
}
