package org.trek.trips.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trek.platform.addons.AddonService;
import org.trek.trips.Accommodation;
import org.trek.trips.BudgetItem;
import org.trek.trips.BudgetItemMember;
import org.trek.trips.BudgetReport;
import org.trek.trips.BudgetService;
import org.trek.trips.Category;
import org.trek.trips.DayAssignment;
import org.trek.trips.DayNote;
import org.trek.trips.PackingBag;
import org.trek.trips.PackingItem;
import org.trek.trips.Place;
import org.trek.trips.Reservation;
import org.trek.trips.ReservationEndpoint;
import org.trek.trips.TodoItem;
import org.trek.trips.Trip;
import org.trek.trips.TripAccess;
import org.trek.trips.TripDay;
import org.trek.trips.TripService;
import org.trek.trips.TripSummaryService;
import org.trek.platform.addons.AddonId;

/**
 * The read-only "My trips" screens. Access goes through {@link TripAccess} exactly as for the MCP tools (owner or
 * member, anything else is the same "no such trip"); the budget figures come from {@link TripSummaryService} and
 * {@link BudgetReport}, so the page shows what the tools and prompts compute. A fixed number of queries per page,
 * whatever the trip's size, and every growing list is capped with a "more" marker.
 *
 * <p>Rows are exposed to the JSP as maps (Jakarta EL 5 cannot read records).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TripViewService {
    public static final int TRIPS_PER_PAGE = 20;
    public static final int PLACES_PER_PAGE = 50;
    public static final int ASSIGNMENT_CAP = TripSummaryService.ASSIGNMENT_CAP;
    public static final int LIST_CAP = TripSummaryService.LIST_CAP;
    public static final int PACKING_CAP = 500;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    TripService trips;

    @Inject
    TripSummaryService summaries;

    @Inject
    BudgetService budget;

    @Inject
    BudgetReport budgetReport;

    @Inject
    AddonService addons;

    /** One page of the caller's trips (owned and member of, archived ones too), newest first, with counts. */
    public Map<String, Object> list(long userId, int page) {
        int p = Math.max(1, page);
        TripService.Page<Trip> rows = trips.list(userId, true, TRIPS_PER_PAGE, (p - 1) * TRIPS_PER_PAGE);
        List<Long> ids = rows.items().stream().map(Trip::getId).toList();
        Map<Long, Long> days = countBy("SELECT d.tripId, COUNT(d) FROM TripDay d WHERE d.tripId IN :ids GROUP BY d.tripId", ids);
        Map<Long, Long> places = countBy("SELECT x.tripId, COUNT(x) FROM Place x WHERE x.tripId IN :ids GROUP BY x.tripId", ids);
        Map<Long, Long> members = countBy("SELECT m.tripId, COUNT(m) FROM TripMember m WHERE m.tripId IN :ids GROUP BY m.tripId", ids);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Trip t : rows.items()) {
            out.add(row("id", t.getId(), "title", t.getTitle(), "startDate", t.getStartDate(), "endDate", t.getEndDate(),
                    "archived", t.isArchived(), "role", t.getUserId() == userId ? "owner" : "member",
                    "days", days.getOrDefault(t.getId(), 0L), "places", places.getOrDefault(t.getId(), 0L),
                    "people", members.getOrDefault(t.getId(), 0L) + 1));
        }
        return row("trips", out, "page", p, "hasNext", rows.nextCursor() != null);
    }

    private Map<Long, Long> countBy(String jpql, List<Long> ids) {
        Map<Long, Long> out = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] r : em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
                out.put((Long) r[0], ((Number) r[1]).longValue());
            }
        }
        return out;
    }

    /**
     * Everything on one trip's page; placePage is 1-based. Throws {@link org.trek.trips.TripException} when the
     * caller may not see the trip (or it does not exist): the servlet answers 404 for both.
     */
    public Map<String, Object> view(long userId, long tripId, int placePage) {
        TripAccess.TripContext ctx = access.access(userId, tripId);
        Trip trip = ctx.trip();
        String currency = trip.getCurrency();

        List<TripService.MemberView> memberViews = trips.members(trip);
        Map<Long, String> names = new LinkedHashMap<>();
        List<Map<String, Object>> people = new ArrayList<>();
        for (TripService.MemberView m : memberViews) {
            names.put(m.userId(), m.username());
            people.add(row("username", m.username(), "role", m.role()));
        }
        Map<Long, String> categories = em.createQuery("SELECT c FROM Category c", Category.class).getResultList().stream()
                .collect(Collectors.toMap(Category::getId, Category::getName, (a, b) -> a));

        List<TripDay> days = trips.days(tripId);
        Map<Long, TripDay> dayById = days.stream().collect(Collectors.toMap(TripDay::getId, Function.identity()));
        Map<Long, List<Map<String, Object>>> assignmentsByDay = new HashMap<>();
        List<Object[]> assignmentRows = em.createQuery("SELECT a, p.name, p.categoryId FROM DayAssignment a, Place p, TripDay d "
                        + "WHERE a.placeId = p.id AND a.dayId = d.id AND d.tripId = :t ORDER BY d.dayNumber, a.orderIndex, a.id", Object[].class)
                .setParameter("t", tripId).setMaxResults(ASSIGNMENT_CAP + 1).getResultList();
        boolean assignmentsTruncated = assignmentRows.size() > ASSIGNMENT_CAP;
        Map<Long, List<String>> participants = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT ap.assignmentId, ap.userId FROM AssignmentParticipant ap, DayAssignment a, TripDay d "
                + "WHERE ap.assignmentId = a.id AND a.dayId = d.id AND d.tripId = :t ORDER BY ap.userId", Object[].class)
                .setParameter("t", tripId).getResultList()) {
            participants.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(name(names, (Long) r[1]));
        }
        for (Object[] r : assignmentRows.subList(0, Math.min(assignmentRows.size(), ASSIGNMENT_CAP))) {
            DayAssignment a = (DayAssignment) r[0];
            assignmentsByDay.computeIfAbsent(a.getDayId(), k -> new ArrayList<>()).add(row(
                    "place", r[1], "category", r[2] == null ? null : categories.get((Long) r[2]),
                    "time", a.getTime(), "endTime", a.getEndTime(), "notes", a.getNotes(),
                    "participants", participants.getOrDefault(a.getId(), List.of())));
        }
        Map<Long, List<DayNote>> notesByDay = new HashMap<>();
        for (DayNote n : em.createQuery("SELECT n FROM DayNote n WHERE n.tripId = :t ORDER BY n.dayId, n.sortOrder, n.id", DayNote.class)
                .setParameter("t", tripId).getResultList()) {
            notesByDay.computeIfAbsent(n.getDayId(), k -> new ArrayList<>()).add(n);
        }

        List<Map<String, Object>> accommodations = new ArrayList<>();
        Map<Long, List<Map<String, Object>>> staysByDay = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT a, p.name FROM Accommodation a LEFT JOIN Place p ON p.id = a.placeId "
                + "WHERE a.tripId = :t ORDER BY a.id", Object[].class).setParameter("t", tripId).getResultList()) {
            Accommodation a = (Accommodation) r[0];
            TripDay from = dayById.get(a.getStartDayId());
            TripDay to = dayById.get(a.getEndDayId());
            Map<String, Object> stay = row("place", r[1], "from", dayLabel(from), "to", dayLabel(to), "checkIn", a.getCheckIn(),
                    "checkOut", a.getCheckOut(), "confirmation", a.getConfirmation(), "notes", a.getNotes());
            accommodations.add(stay);
            if (from != null && to != null) {
                // the start day is check-in, the end day ("check-out day") is check-out, the nights between are stays
                for (TripDay d : days) {
                    int n = d.getDayNumber();
                    if (n >= from.getDayNumber() && n <= to.getDayNumber()) {
                        String kind = n == from.getDayNumber() ? "checkIn" : n == to.getDayNumber() ? "checkOut" : "stay";
                        Map<String, Object> onDay = new LinkedHashMap<>(stay);
                        onDay.put("kind", kind);
                        staysByDay.computeIfAbsent(d.getId(), k -> new ArrayList<>()).add(onDay);
                    }
                }
            }
        }
        List<Map<String, Object>> dayRows = new ArrayList<>();
        for (TripDay d : days) {
            dayRows.add(row("number", d.getDayNumber(), "date", d.getDate(), "title", d.getTitle(), "notes", d.getNotes(),
                    "noteList", notesByDay.getOrDefault(d.getId(), List.of()),
                    "assignments", assignmentsByDay.getOrDefault(d.getId(), List.of()),
                    "stays", staysByDay.getOrDefault(d.getId(), List.of())));
        }

        Map<String, Object> out = row("trip", trip, "role", ctx.owner() ? "owner" : "member", "people", people,
                "days", dayRows, "assignmentsTruncated", assignmentsTruncated, "assignmentCap", ASSIGNMENT_CAP,
                "accommodations", accommodations);
        out.putAll(places(tripId, Math.max(1, placePage), categories));
        out.putAll(reservations(tripId, dayById));
        if (addons.isEnabled(AddonId.BUDGET)) {
            out.put("budget", budget(userId, tripId, currency, names));
        }
        if (addons.isEnabled(AddonId.PACKING)) {
            out.put("packing", packing(tripId));
            out.putAll(todos(tripId, names));
        }
        return out;
    }

    private Map<String, Object> places(long tripId, int page, Map<Long, String> categories) {
        int offset = (page - 1) * PLACES_PER_PAGE;
        List<Place> rows = em.createQuery("SELECT p FROM Place p WHERE p.tripId = :t ORDER BY LOWER(p.name), p.id", Place.class)
                .setParameter("t", tripId).setFirstResult(offset).setMaxResults(PLACES_PER_PAGE + 1).getResultList();
        boolean more = rows.size() > PLACES_PER_PAGE;
        List<Place> shown = rows.subList(0, Math.min(rows.size(), PLACES_PER_PAGE));
        long total = em.createQuery("SELECT COUNT(p) FROM Place p WHERE p.tripId = :t", Long.class).setParameter("t", tripId).getSingleResult();
        Map<Long, List<String>> tags = new HashMap<>();
        if (!shown.isEmpty()) {
            for (Object[] r : em.createQuery("SELECT pt.placeId, g.name FROM PlaceTag pt, Tag g WHERE pt.tagId = g.id AND pt.placeId IN :ids "
                    + "ORDER BY g.name", Object[].class).setParameter("ids", shown.stream().map(Place::getId).toList()).getResultList()) {
                tags.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Place p : shown) {
            out.add(row("name", p.getName(), "category", p.getCategoryId() == null ? null : categories.get(p.getCategoryId()),
                    "tags", tags.getOrDefault(p.getId(), List.of()), "address", p.getAddress(), "notes", p.getNotes(),
                    "time", p.getPlaceTime(), "price", p.getPrice() == null ? null : money(p.getPrice(), p.getCurrency())));
        }
        return row("places", out, "placeCount", total, "placePage", page, "placesMore", more,
                "placesFrom", shown.isEmpty() ? 0 : offset + 1, "placesTo", offset + shown.size());
    }

    private Map<String, Object> reservations(long tripId, Map<Long, TripDay> dayById) {
        List<Reservation> rows = em.createQuery("SELECT r FROM Reservation r WHERE r.tripId = :t ORDER BY r.id", Reservation.class)
                .setParameter("t", tripId).setMaxResults(LIST_CAP + 1).getResultList();
        List<Reservation> shown = rows.subList(0, Math.min(rows.size(), LIST_CAP));
        Map<Long, List<String>> stops = new HashMap<>();
        if (!shown.isEmpty()) {
            for (ReservationEndpoint e : em.createQuery("SELECT e FROM ReservationEndpoint e WHERE e.reservationId IN :ids "
                    + "ORDER BY e.reservationId, e.sequence", ReservationEndpoint.class)
                    .setParameter("ids", shown.stream().map(Reservation::getId).toList()).getResultList()) {
                String stop = e.getName() + (e.getCode() == null ? "" : " (" + e.getCode() + ")")
                        + (e.getLocalTime() == null ? "" : " " + Objects.toString(e.getLocalDate(), "") + " " + e.getLocalTime());
                stops.computeIfAbsent(e.getReservationId(), k -> new ArrayList<>()).add(stop.replaceAll("\\s+", " ").trim());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Reservation r : shown) {
            out.add(row("title", r.getTitle(), "type", r.getType(), "status", r.getStatus(),
                    "day", r.getDayId() == null ? null : dayLabel(dayById.get(r.getDayId())), "time", r.getTime(), "endTime", r.getEndTime(),
                    "location", r.getLocation(), "confirmation", r.getConfirmationNumber(), "notes", r.getNotes(),
                    "stops", stops.getOrDefault(r.getId(), List.of())));
        }
        return row("reservations", out, "reservationsMore", rows.size() > LIST_CAP);
    }

    private Map<String, Object> budget(long userId, long tripId, String currency, Map<Long, String> names) {
        List<BudgetItem> items = budget.items(userId, tripId);
        Map<Long, List<String>> split = new HashMap<>();
        for (BudgetItemMember m : em.createQuery("SELECT m FROM BudgetItemMember m, BudgetItem b WHERE m.budgetItemId = b.id "
                + "AND b.tripId = :t ORDER BY m.userId", BudgetItemMember.class).setParameter("t", tripId).getResultList()) {
            split.computeIfAbsent(m.getBudgetItemId(), k -> new ArrayList<>()).add(name(names, m.getUserId()) + (m.isPaid() ? " (paid)" : ""));
        }
        List<Map<String, Object>> itemRows = new ArrayList<>();
        for (BudgetItem b : items.subList(0, Math.min(items.size(), LIST_CAP))) { // the figures below cover them all
            itemRows.add(row("name", b.getName(), "category", b.getCategory(), "total", money(b.getTotalPrice(), currency),
                    "persons", b.getPersons(), "days", b.getDays(), "note", b.getNote(), "date", b.getExpenseDate(),
                    "paidBy", b.getPaidByUserId() == null ? null : name(names, b.getPaidByUserId()),
                    "splitBetween", split.getOrDefault(b.getId(), List.of())));
        }
        TripSummaryService.BudgetFigures figures = summaries.budgetFigures(tripId);
        List<Map<String, Object>> byCategory = new ArrayList<>();
        figures.byCategory().forEach((category, sum) -> byCategory.add(row("category", category, "total", money(sum, currency))));
        BudgetReport.Report report = budgetReport.report(tripId);
        List<Map<String, Object>> shares = new ArrayList<>();
        for (BudgetReport.PersonShare s : report.people()) {
            shares.add(row("username", s.username(), "share", money(s.share(), currency), "paid", money(s.paid(), currency),
                    "outstanding", money(s.outstanding(), currency)));
        }
        List<Map<String, Object>> transfers = new ArrayList<>();
        for (BudgetReport.Transfer t : report.transfers()) {
            transfers.add(row("from", name(names, t.fromUserId()), "to", name(names, t.toUserId()), "amount", money(t.amount(), currency)));
        }
        return row("items", itemRows, "itemsMore", items.size() > LIST_CAP, "byCategory", byCategory, "total", money(figures.total(), currency),
                "itemCount", figures.itemCount(), "shares", shares, "transfers", transfers,
                "unsplit", money(report.unsplit(), currency));
    }

    private Map<String, Object> packing(long tripId) {
        List<PackingItem> rows = em.createQuery("SELECT p FROM PackingItem p WHERE p.tripId = :t ORDER BY p.category, p.sortOrder, p.id",
                PackingItem.class).setParameter("t", tripId).setMaxResults(PACKING_CAP + 1).getResultList();
        Map<Long, String> bags = em.createQuery("SELECT b FROM PackingBag b WHERE b.tripId = :t", PackingBag.class)
                .setParameter("t", tripId).getResultList().stream().collect(Collectors.toMap(PackingBag::getId, PackingBag::getName));
        long total = 0;
        long checked = 0;
        for (Object[] r : em.createQuery("SELECT p.checked, COUNT(p) FROM PackingItem p WHERE p.tripId = :t GROUP BY p.checked", Object[].class)
                .setParameter("t", tripId).getResultList()) {
            long n = ((Number) r[1]).longValue();
            total += n;
            if (Boolean.TRUE.equals(r[0]) || r[0] instanceof Number b && b.intValue() != 0) { // a TINYINT on some drivers
                checked += n;
            }
        }
        Map<String, List<Map<String, Object>>> byCategory = new LinkedHashMap<>();
        for (PackingItem p : rows.subList(0, Math.min(rows.size(), PACKING_CAP))) {
            String category = p.getCategory() == null || p.getCategory().isBlank() ? "Other" : p.getCategory();
            byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(row("name", p.getName(), "quantity", p.getQuantity(),
                    "checked", p.isChecked(), "bag", p.getBagId() == null ? null : bags.get(p.getBagId())));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byCategory.forEach((category, items) -> groups.add(row("category", category, "items", items)));
        return row("groups", groups, "total", total, "checked", checked, "more", rows.size() > PACKING_CAP, "cap", PACKING_CAP);
    }

    private Map<String, Object> todos(long tripId, Map<Long, String> names) {
        List<TodoItem> rows = em.createQuery("SELECT t FROM TodoItem t WHERE t.tripId = :t ORDER BY t.sortOrder, t.id", TodoItem.class)
                .setParameter("t", tripId).setMaxResults(LIST_CAP + 1).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (TodoItem t : rows.subList(0, Math.min(rows.size(), LIST_CAP))) {
            out.add(row("name", t.getName(), "checked", t.isChecked(), "category", t.getCategory(), "due", t.getDueDate(),
                    "description", t.getDescription(), "priority", t.getPriority(),
                    "assignee", t.getAssignedUserId() == null ? null : name(names, t.getAssignedUserId())));
        }
        return row("todos", out, "todosMore", rows.size() > LIST_CAP);
    }

    /** A former member's id still shows as something readable. */
    private static String name(Map<Long, String> names, Long userId) {
        return names.getOrDefault(userId, "user #" + userId);
    }

    static String dayLabel(TripDay d) {
        if (d == null) {
            return null;
        }
        return "Day " + d.getDayNumber() + (d.getDate() == null ? "" : " (" + d.getDate() + ")");
    }

    static String money(BigDecimal amount, String currency) {
        BigDecimal a = amount == null ? BigDecimal.ZERO : amount;
        return a.setScale(2, RoundingMode.HALF_UP).toPlainString() + (currency == null ? "" : " " + currency);
    }

    /** An ordered map from alternating keys and values (values may be null). */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
