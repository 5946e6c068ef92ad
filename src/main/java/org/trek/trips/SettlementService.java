package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trek.platform.Clock;

/**
 * Settle-up payments between trip participants and the settlement summary (TREK 3.4's budget settlements).
 *
 * <p>The summary nets every member's balance as the original does: an expense counts when it is split (it has
 * members) and someone paid it (members whose paid flag is set: the payers). Each member owes an equal share of the
 * total, each payer is credited an equal part of it; both are split to the cent, the spare cents going round from
 * the item id (so every balance adds up to exactly zero). Recorded settlements then move money: the payer's debt
 * shrinks, the receiver's credit shrinks. The suggested payments (flows) pair the largest debtor with the largest
 * creditor until nothing above one cent is left. Amounts are in the trip currency; there is no conversion here.
 */
@ApplicationScoped
@Transactional
public class SettlementService {
    /** The largest amount DECIMAL(12, 2) holds. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    Clock clock;

    /** A recorded settlement with the names of both people. */
    public record Settlement(BudgetSettlement row, String fromUsername, String toUsername) {
    }

    /** A person's net balance: positive is owed money, negative owes money. */
    public record Balance(long userId, String username, BigDecimal balance) {
    }

    /** A suggested payment. */
    public record Flow(long fromUserId, String fromUsername, long toUserId, String toUsername, BigDecimal amount) {
    }

    public record Summary(List<Balance> balances, List<Flow> flows, List<Settlement> settlements, String currency) {
    }

    /** Newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Settlement> list(long userId, long tripId) {
        access.access(userId, tripId);
        return settlements(tripId);
    }

    public Settlement create(long userId, long tripId, long fromUserId, long toUserId, BigDecimal amount) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        BigDecimal value = validate(ctx.trip(), fromUserId, toUserId, amount);
        BudgetSettlement s = new BudgetSettlement();
        s.setTripId(tripId);
        s.setFromUserId(fromUserId);
        s.setToUserId(toUserId);
        s.setAmount(value);
        s.setCreatedBy(userId);
        s.setCreatedAt(clock.now());
        em.persist(s);
        em.flush();
        return view(s);
    }

    public Settlement update(long userId, long tripId, long settlementId, long fromUserId, long toUserId, BigDecimal amount) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        BudgetSettlement s = access.owned(BudgetSettlement.class, settlementId, tripId, "Settlement");
        BigDecimal value = validate(ctx.trip(), fromUserId, toUserId, amount);
        s.setFromUserId(fromUserId);
        s.setToUserId(toUserId);
        s.setAmount(value);
        em.flush();
        return view(s);
    }

    public void delete(long userId, long tripId, long settlementId) {
        access.forChange(userId, tripId, Permission.BUDGET_EDIT);
        em.remove(access.owned(BudgetSettlement.class, settlementId, tripId, "Settlement"));
    }

    /** Both people must belong to the trip and differ; the amount is rounded to the cent and must stay above 0. */
    private BigDecimal validate(Trip trip, long fromUserId, long toUserId, BigDecimal amount) {
        if (fromUserId == toUserId) {
            throw new TripException("from_user_id and to_user_id must be different people.");
        }
        access.requireParticipants(trip, List.of(fromUserId, toUserId));
        BigDecimal value = amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_UP);
        if (value.signum() <= 0) {
            throw new TripException("amount must be greater than 0.");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw new TripException("amount must be at most " + MAX_AMOUNT.toPlainString() + ".");
        }
        return value;
    }

    /**
     * Who owes whom, in the trip currency. {@code base} (optional) must be the trip currency: this server keeps no
     * exchange rates, so it says so instead of silently answering in another currency.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(long userId, long tripId, String base) {
        Trip trip = access.access(userId, tripId).trip();
        String currency = trip.getCurrency() == null ? "EUR" : trip.getCurrency().toUpperCase(Locale.ROOT);
        if (base != null && !base.isBlank() && !base.strip().toUpperCase(Locale.ROOT).equals(currency)) {
            throw new TripException("Amounts can only be shown in the trip currency (" + currency + "): this server "
                    + "does not convert currencies. Leave base out.");
        }
        List<BudgetItem> items = em.createQuery("SELECT b FROM BudgetItem b WHERE b.tripId = :t ORDER BY b.id", BudgetItem.class)
                .setParameter("t", tripId).getResultList();
        Map<Long, List<BudgetItemMember>> membersByItem = new HashMap<>();
        for (BudgetItemMember m : em.createQuery("SELECT m FROM BudgetItemMember m, BudgetItem b WHERE m.budgetItemId = b.id "
                + "AND b.tripId = :t ORDER BY m.userId", BudgetItemMember.class).setParameter("t", tripId).getResultList()) {
            membersByItem.computeIfAbsent(m.getBudgetItemId(), k -> new ArrayList<>()).add(m);
        }
        List<Settlement> settlements = settlements(tripId);
        Map<Long, long[]> cents = new TreeMap<>(); // by user id, as the original lists them
        for (BudgetItem item : items) {
            List<BudgetItemMember> members = membersByItem.getOrDefault(item.getId(), List.of());
            List<Long> memberIds = members.stream().map(BudgetItemMember::getUserId).sorted().toList();
            List<Long> payerIds = members.stream().filter(BudgetItemMember::isPaid).map(BudgetItemMember::getUserId).sorted().toList();
            if (memberIds.isEmpty() || payerIds.isEmpty()) {
                continue; // a planning-only entry, or nobody has paid it yet: no debts
            }
            long total = item.getTotalPrice().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            long[] shares = splitEqually(total, memberIds.size(), item.getId());
            for (int i = 0; i < memberIds.size(); i++) {
                cents.computeIfAbsent(memberIds.get(i), k -> new long[1])[0] -= shares[i];
            }
            long[] credits = splitEqually(total, payerIds.size(), item.getId());
            for (int i = 0; i < payerIds.size(); i++) {
                cents.computeIfAbsent(payerIds.get(i), k -> new long[1])[0] += credits[i];
            }
        }
        for (Settlement s : settlements) {
            long amount = s.row().getAmount().movePointRight(2).longValueExact();
            cents.computeIfAbsent(s.row().getFromUserId(), k -> new long[1])[0] += amount;
            cents.computeIfAbsent(s.row().getToUserId(), k -> new long[1])[0] -= amount;
        }
        Map<Long, String> names = usernames(cents.keySet());
        List<Balance> balances = new ArrayList<>();
        cents.forEach((id, c) -> balances.add(new Balance(id, names.getOrDefault(id, ""), money(c[0]))));
        return new Summary(balances, flows(cents, names), settlements, currency);
    }

    /**
     * {@code total} cents in {@code n} parts that differ by at most one cent; the parts are for the people in
     * ascending user id order, and the spare cents go to the {@code remainder} people starting at index
     * {@code itemId % n} (wrapping round), as the original splits them.
     */
    static long[] splitEqually(long total, int n, long itemId) {
        long[] parts = new long[n];
        long base = Math.floorDiv(total, n);
        long remainder = Math.floorMod(total, n);
        int start = (int) (itemId % n);
        for (int i = 0; i < n; i++) {
            parts[i] = base + (Math.floorMod(i - start, n) < remainder ? 1 : 0);
        }
        return parts;
    }

    /** Greedy matching: the largest debtor pays the largest creditor, until nothing above one cent is left. */
    static List<Flow> flows(Map<Long, long[]> cents, Map<Long, String> names) {
        List<long[]> debtors = new ArrayList<>(); // {userId, amount}
        List<long[]> creditors = new ArrayList<>();
        cents.forEach((id, c) -> {
            if (c[0] < -1) {
                debtors.add(new long[] {id, -c[0]});
            } else if (c[0] > 1) {
                creditors.add(new long[] {id, c[0]});
            }
        });
        Comparator<long[]> largestFirst = (a, b) -> Long.compare(b[1], a[1]); // stable: ties keep user id order
        debtors.sort(largestFirst);
        creditors.sort(largestFirst);
        List<Flow> flows = new ArrayList<>();
        int di = 0;
        int ci = 0;
        while (di < debtors.size() && ci < creditors.size()) {
            long[] d = debtors.get(di);
            long[] c = creditors.get(ci);
            long transfer = Math.min(d[1], c[1]);
            if (transfer > 1) {
                flows.add(new Flow(d[0], names.getOrDefault(d[0], ""), c[0], names.getOrDefault(c[0], ""), money(transfer)));
            }
            d[1] -= transfer;
            c[1] -= transfer;
            if (d[1] < 1) {
                di++;
            }
            if (c[1] < 1) {
                ci++;
            }
        }
        return flows;
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private List<Settlement> settlements(long tripId) {
        List<BudgetSettlement> rows = em.createQuery("SELECT s FROM BudgetSettlement s WHERE s.tripId = :t "
                + "ORDER BY s.createdAt DESC, s.id DESC", BudgetSettlement.class).setParameter("t", tripId).getResultList();
        Set<Long> people = new HashSet<>();
        rows.forEach(s -> {
            people.add(s.getFromUserId());
            people.add(s.getToUserId());
        });
        Map<Long, String> names = usernames(people);
        return rows.stream().map(s -> new Settlement(s, names.getOrDefault(s.getFromUserId(), ""),
                names.getOrDefault(s.getToUserId(), ""))).toList();
    }

    private Settlement view(BudgetSettlement s) {
        Map<Long, String> names = usernames(List.of(s.getFromUserId(), s.getToUserId()));
        return new Settlement(s, names.getOrDefault(s.getFromUserId(), ""), names.getOrDefault(s.getToUserId(), ""));
    }

    private Map<Long, String> usernames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] r : em.createQuery("SELECT u.id, u.username FROM User u WHERE u.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(ids)).getResultList()) {
            names.put((Long) r[0], (String) r[1]);
        }
        return names;
    }

    /** This server's one timestamp form, ISO 8601 in UTC (README: "Timestamps"), as every other answer gives it. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
