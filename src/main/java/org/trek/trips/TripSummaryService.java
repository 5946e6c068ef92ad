package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.platform.Jsons;

/**
 * The one-call context loader behind get_trip_summary, the trip-summary prompt and trek://trips/{id}. Each section
 * appears only when the caller's grant (and the addon) allows it. A fixed number of queries whatever the trip's
 * size (no per-day or per-place queries), and every growing list is capped with an explicit "more" marker.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TripSummaryService {
    /** At most this many entries per list in the summary; the counts stay exact. */
    public static final int LIST_CAP = 200;
    /** Day assignments across all days. */
    public static final int ASSIGNMENT_CAP = 1000;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    TripService trips;

    /** Which optional sections the caller may see (scope and addon already resolved). */
    public record Sections(boolean places, boolean budget, boolean packing, boolean reservations, boolean todos) {
    }

    public JsonObject summary(long userId, long tripId, Sections sections) {
        Trip trip = access.access(userId, tripId).trip();
        JsonObjectBuilder out = JsonFactory.createObjectBuilder();
        out.add("trip", trip.toJson());

        List<TripService.MemberView> members = trips.members(trip);
        JsonArrayBuilder collaborators = JsonFactory.createArrayBuilder();
        members.stream().skip(1).forEach(m -> collaborators.add(m.toJson()));
        out.add("members", JsonFactory.createObjectBuilder().add("owner", members.get(0).toJson()).add("collaborators", collaborators));

        List<TripDay> days = trips.days(tripId);
        Map<Long, JsonArrayBuilder> notesByDay = new HashMap<>();
        for (DayNote n : em.createQuery("SELECT n FROM DayNote n WHERE n.tripId = :t ORDER BY n.dayId, n.sortOrder, n.id", DayNote.class)
                .setParameter("t", tripId).getResultList()) {
            notesByDay.computeIfAbsent(n.getDayId(), k -> JsonFactory.createArrayBuilder()).add(n.toJson());
        }
        Map<Long, JsonArrayBuilder> assignmentsByDay = new HashMap<>();
        long assignmentCount = 0;
        if (sections.places()) {
            List<Object[]> rows = em.createQuery("SELECT a, p.name, p.categoryId, p.lat, p.lng, p.address FROM DayAssignment a, Place p, TripDay d "
                            + "WHERE a.placeId = p.id AND a.dayId = d.id AND d.tripId = :t ORDER BY d.dayNumber, a.orderIndex, a.id", Object[].class)
                    .setParameter("t", tripId).setMaxResults(ASSIGNMENT_CAP + 1).getResultList();
            for (Object[] r : rows.subList(0, Math.min(rows.size(), ASSIGNMENT_CAP))) {
                DayAssignment a = (DayAssignment) r[0];
                JsonObjectBuilder place = JsonFactory.createObjectBuilder().add("id", a.getPlaceId());
                Jsons.put(place, "name", r[1]);
                Jsons.put(place, "category_id", r[2]);
                Jsons.put(place, "lat", r[3]);
                Jsons.put(place, "lng", r[4]);
                Jsons.put(place, "address", r[5]);
                assignmentsByDay.computeIfAbsent(a.getDayId(), k -> JsonFactory.createArrayBuilder())
                        .add(a.toJsonBuilder().add("place", place));
            }
            assignmentCount = rows.size();
            out.add("assignments_truncated", rows.size() > ASSIGNMENT_CAP);
            out.add("place_count", em.createQuery("SELECT COUNT(p) FROM Place p WHERE p.tripId = :t", Long.class)
                    .setParameter("t", tripId).getSingleResult());
        }
        JsonArrayBuilder dayArray = JsonFactory.createArrayBuilder();
        for (TripDay d : days) {
            JsonObjectBuilder day = d.toJsonBuilder();
            day.add("notes_list", notesByDay.getOrDefault(d.getId(), JsonFactory.createArrayBuilder()));
            if (sections.places()) {
                day.add("assignments", assignmentsByDay.getOrDefault(d.getId(), JsonFactory.createArrayBuilder()));
            }
            dayArray.add(day);
        }
        out.add("days", dayArray);

        List<Object[]> accs = em.createQuery("SELECT a, p.name FROM Accommodation a LEFT JOIN Place p ON p.id = a.placeId "
                + "WHERE a.tripId = :t ORDER BY a.id", Object[].class).setParameter("t", tripId).getResultList();
        out.add("accommodations", Jsons.array(accs, r -> {
            JsonObjectBuilder b = ((Accommodation) r[0]).toJsonBuilder();
            if (!sections.reservations()) {
                b.remove("confirmation"); // a booking reference: reservation detail (reservations:read)
            }
            return sections.places() ? Jsons.put(b, "place_name", r[1]) : b;
        }));

        if (sections.budget()) {
            List<BudgetItem> items = em.createQuery("SELECT b FROM BudgetItem b WHERE b.tripId = :t ORDER BY b.sortOrder, b.id", BudgetItem.class)
                    .setParameter("t", tripId).getResultList();
            BigDecimal total = items.stream().map(BudgetItem::getTotalPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add("budget", JsonFactory.createObjectBuilder()
                    .add("items", Jsons.array(items.subList(0, Math.min(items.size(), LIST_CAP)), BudgetItem::toJson))
                    .add("item_count", items.size()).add("more", items.size() > LIST_CAP)
                    .add("total", total).add("currency", trip.getCurrency()));
        }
        if (sections.packing()) {
            List<PackingItem> items = em.createQuery("SELECT p FROM PackingItem p WHERE p.tripId = :t ORDER BY p.sortOrder, p.id", PackingItem.class)
                    .setParameter("t", tripId).getResultList();
            long checked = items.stream().filter(PackingItem::isChecked).count();
            out.add("packing", JsonFactory.createObjectBuilder()
                    .add("items", Jsons.array(items.subList(0, Math.min(items.size(), LIST_CAP)), PackingItem::toJson))
                    .add("total", items.size()).add("checked", checked).add("more", items.size() > LIST_CAP));
        }
        if (sections.reservations()) {
            List<Reservation> res = em.createQuery("SELECT r FROM Reservation r WHERE r.tripId = :t ORDER BY r.id", Reservation.class)
                    .setParameter("t", tripId).setMaxResults(LIST_CAP + 1).getResultList();
            out.add("reservations", Jsons.array(res.subList(0, Math.min(res.size(), LIST_CAP)), Reservation::toJson));
            out.add("reservations_more", res.size() > LIST_CAP);
        }
        if (sections.todos()) {
            List<TodoItem> todos = em.createQuery("SELECT t FROM TodoItem t WHERE t.tripId = :t ORDER BY t.sortOrder, t.id", TodoItem.class)
                    .setParameter("t", tripId).setMaxResults(LIST_CAP + 1).getResultList();
            out.add("todos", Jsons.array(todos.subList(0, Math.min(todos.size(), LIST_CAP)), TodoItem::toJson));
            out.add("todos_more", todos.size() > LIST_CAP);
        }
        List<String> omitted = new ArrayList<>();
        if (!sections.places()) {
            omitted.add("assignments (needs places:read)");
        }
        if (!sections.budget()) {
            omitted.add("budget (needs budget:read and the budget addon)");
        }
        if (!sections.packing()) {
            omitted.add("packing (needs packing:read and the packing addon)");
        }
        if (!sections.reservations()) {
            omitted.add("reservations (needs reservations:read)");
        }
        if (!sections.todos()) {
            omitted.add("todos (needs todos:read and the packing addon)");
        }
        out.add("omitted_sections", Jsons.array(omitted, s -> s));
        return out.build();
    }

    /** Budget figures for the budget-overview prompt: total and per-category sums (largest first). */
    public record BudgetFigures(BigDecimal total, LinkedHashMap<String, BigDecimal> byCategory, int itemCount) {
    }

    public BudgetFigures budgetFigures(long tripId) {
        List<Object[]> rows = em.createQuery("SELECT b.category, SUM(b.totalPrice), COUNT(b) FROM BudgetItem b WHERE b.tripId = :t "
                + "GROUP BY b.category ORDER BY SUM(b.totalPrice) DESC, b.category", Object[].class).setParameter("t", tripId).getResultList();
        LinkedHashMap<String, BigDecimal> by = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        for (Object[] r : rows) {
            BigDecimal sum = (BigDecimal) r[1];
            by.put((String) r[0], sum);
            total = total.add(sum);
            count += ((Number) r[2]).intValue();
        }
        return new BudgetFigures(total, by, count);
    }
}
