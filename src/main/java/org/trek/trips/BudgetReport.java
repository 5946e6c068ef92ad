package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owes what: each item shared by members is split equally between them (to the cent, the remainder going to
 * the first members); a member whose paid flag is set has settled their share. Items without members are not split.
 * Three queries whatever the trip size.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BudgetReport {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    /** One person's figures. */
    public record PersonShare(long userId, String username, BigDecimal share, BigDecimal paid, BigDecimal outstanding, int items) {
    }

    /** A transfer that settles an outstanding share with the item's payer. */
    public record Transfer(long fromUserId, long toUserId, BigDecimal amount) {
    }

    public record Report(List<PersonShare> people, List<Transfer> transfers, BigDecimal unsplit) {
    }

    public Report report(long tripId) {
        List<BudgetItem> items = em.createQuery("SELECT b FROM BudgetItem b WHERE b.tripId = :t ORDER BY b.id", BudgetItem.class)
                .setParameter("t", tripId).getResultList();
        Map<Long, List<BudgetItemMember>> membersByItem = new HashMap<>();
        for (BudgetItemMember m : em.createQuery("SELECT m FROM BudgetItemMember m, BudgetItem b WHERE m.budgetItemId = b.id AND b.tripId = :t "
                + "ORDER BY m.userId", BudgetItemMember.class).setParameter("t", tripId).getResultList()) {
            membersByItem.computeIfAbsent(m.getBudgetItemId(), k -> new ArrayList<>()).add(m);
        }
        Map<Long, String> names = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT u.id, u.username FROM User u WHERE u.id IN (SELECT m.userId FROM BudgetItemMember m, BudgetItem b "
                + "WHERE m.budgetItemId = b.id AND b.tripId = :t)", Object[].class).setParameter("t", tripId).getResultList()) {
            names.put((Long) r[0], (String) r[1]);
        }
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, BigDecimal> transfers = new LinkedHashMap<>();
        BigDecimal unsplit = BigDecimal.ZERO;
        for (BudgetItem item : items) {
            List<BudgetItemMember> members = membersByItem.getOrDefault(item.getId(), List.of());
            if (members.isEmpty()) {
                unsplit = unsplit.add(item.getTotalPrice());
                continue;
            }
            BigDecimal base = item.getTotalPrice().divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.DOWN);
            BigDecimal remainder = item.getTotalPrice().subtract(base.multiply(BigDecimal.valueOf(members.size())));
            for (BudgetItemMember m : members) {
                BigDecimal share = base;
                if (remainder.signum() > 0) {
                    share = share.add(new BigDecimal("0.01"));
                    remainder = remainder.subtract(new BigDecimal("0.01"));
                }
                BigDecimal[] s = sums.computeIfAbsent(m.getUserId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(share);
                s[2] = s[2].add(BigDecimal.ONE);
                if (m.isPaid()) {
                    s[1] = s[1].add(share);
                } else if (item.getPaidByUserId() != null && !item.getPaidByUserId().equals(m.getUserId())) {
                    transfers.merge(m.getUserId() + ">" + item.getPaidByUserId(), share, BigDecimal::add);
                }
            }
        }
        List<PersonShare> people = new ArrayList<>();
        sums.forEach((id, s) -> people.add(new PersonShare(id, names.getOrDefault(id, "?"), s[0], s[1], s[0].subtract(s[1]), s[2].intValue())));
        List<Transfer> list = new ArrayList<>();
        transfers.forEach((k, v) -> {
            String[] p = k.split(">");
            list.add(new Transfer(Long.parseLong(p[0]), Long.parseLong(p[1]), v));
        });
        return new Report(people, list, unsplit);
    }
}
