package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import org.trek.platform.db.Sql;

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

    @Inject
    Sql sql;

    /** The collab feature's part of the summary, when it is deployed (trips knows only the contract). */
    @Inject
    jakarta.enterprise.inject.Instance<TripSummaryCollab> collab;

    /**
     * Which optional sections the caller may see (scope, addon and the collab addon's parts already resolved):
     * collab_notes, pollCount and messageCount each need collab:read, the collab addon and its notes, polls or chat.
     */
    public record Sections(boolean places, boolean budget, boolean packing, boolean reservations, boolean todos,
                           boolean collabNotes, boolean collabPolls, boolean collabChat) {
        /** Without any collaboration part. */
        public Sections(boolean places, boolean budget, boolean packing, boolean reservations, boolean todos) {
            this(places, budget, packing, reservations, todos, false, false, false);
        }

        boolean anyCollab() {
            return collabNotes || collabPolls || collabChat;
        }
    }

    /** An assignment with the place columns the summary shows of it. */
    private record Planned(DayAssignment assignment, JsonObjectBuilder place) {
    }

    /** An accommodation with its place's name (null without a place). */
    private record Stay(Accommodation accommodation, String placeName) {
    }

    /**
     * Every read is one plain prepared query (as list_trips): building managed entities through the persistence
     * context cost more than the queries themselves. The rows become detached entities, and each entity's
     * toJsonBuilder() stays the one wire form.
     */
    public JsonObject summary(long userId, long tripId, Sections sections) {
        Trip trip = access.readable(userId, tripId);
        JsonObjectBuilder out = JsonFactory.createObjectBuilder();
        out.add("trip", trip.toJson());

        List<TripService.MemberView> members = trips.members(trip);
        JsonArrayBuilder collaborators = JsonFactory.createArrayBuilder();
        members.stream().skip(1).forEach(m -> collaborators.add(m.toJson()));
        out.add("members", JsonFactory.createObjectBuilder().add("owner", members.get(0).toJson()).add("collaborators", collaborators));

        List<TripDay> days = sql.list("SELECT " + TripDay.COLUMNS + " FROM trip_days d WHERE d.trip_id = ? ORDER BY d.day_number",
                TripDay::ofRow, tripId);
        Map<Long, JsonArrayBuilder> notesByDay = new HashMap<>();
        for (DayNote n : sql.list("SELECT " + DayNote.COLUMNS + " FROM day_notes n WHERE n.trip_id = ? "
                + "ORDER BY n.day_id, n.sort_order, n.id", DayNote::ofRow, tripId)) {
            notesByDay.computeIfAbsent(n.getDayId(), k -> JsonFactory.createArrayBuilder()).add(n.toJson());
        }
        Map<Long, JsonArrayBuilder> assignmentsByDay = new HashMap<>();
        if (sections.places()) {
            List<Planned> rows = sql.list("SELECT " + DayAssignment.COLUMNS + ", p.name AS place_name, p.category_id AS place_category_id, "
                    + "p.lat AS place_lat, p.lng AS place_lng, p.address AS place_address "
                    + "FROM day_assignments a JOIN places p ON p.id = a.place_id JOIN trip_days d ON d.id = a.day_id "
                    + "WHERE d.trip_id = ? ORDER BY d.day_number, a.order_index, a.id LIMIT ?", rs -> {
                        DayAssignment a = DayAssignment.ofRow(rs);
                        JsonObjectBuilder place = JsonFactory.createObjectBuilder().add("id", a.getPlaceId());
                        Jsons.put(place, "name", rs.getString("place_name"));
                        Jsons.put(place, "category_id", Sql.nullableLong(rs, "place_category_id"));
                        Jsons.put(place, "lat", Sql.nullableDouble(rs, "place_lat"));
                        Jsons.put(place, "lng", Sql.nullableDouble(rs, "place_lng"));
                        Jsons.put(place, "address", rs.getString("place_address"));
                        return new Planned(a, place);
                    }, tripId, ASSIGNMENT_CAP + 1);
            for (Planned r : rows.subList(0, Math.min(rows.size(), ASSIGNMENT_CAP))) {
                assignmentsByDay.computeIfAbsent(r.assignment().getDayId(), k -> JsonFactory.createArrayBuilder())
                        .add(r.assignment().toJsonBuilder().add("place", r.place()));
            }
            out.add("assignments_truncated", rows.size() > ASSIGNMENT_CAP);
            out.add("place_count", sql.list("SELECT COUNT(*) FROM places p WHERE p.trip_id = ?", rs -> rs.getLong(1), tripId).get(0));
        }
        JsonArrayBuilder dayArray = JsonFactory.createArrayBuilder();
        for (TripDay d : days) {
            JsonObjectBuilder day = d.toJsonBuilder();
            JsonArrayBuilder notesBuilder = notesByDay.get(d.getId());
            jakarta.json.JsonArray notes = notesBuilder == null ? JsonValue.EMPTY_JSON_ARRAY : notesBuilder.build();
            // The original's summary gives the day's notes (the list) as "notes"; the day's own note text moves to
            // notes_text. (This project's earlier notes_list is gone: the same list twice cost a third of the CPU of
            // a 1,000-place summary in bench/run.)
            Jsons.put(day, "notes_text", d.getNotes());
            day.add("notes", notes);
            if (sections.places()) {
                JsonArrayBuilder planned = assignmentsByDay.get(d.getId());
                day.add("assignments", planned == null ? JsonValue.EMPTY_JSON_ARRAY : planned.build());
            }
            dayArray.add(day);
        }
        out.add("days", dayArray);

        List<Stay> stays = sql.list("SELECT " + Accommodation.COLUMNS + ", p.name AS place_name FROM day_accommodations a "
                + "LEFT JOIN places p ON p.id = a.place_id WHERE a.trip_id = ? ORDER BY a.id",
                rs -> new Stay(Accommodation.ofRow(rs), rs.getString("place_name")), tripId);
        out.add("accommodations", Jsons.array(stays, r -> {
            JsonObjectBuilder b = r.accommodation().toJsonBuilder();
            if (!sections.reservations()) {
                b.remove("confirmation"); // a booking reference: reservation detail (reservations:read)
            }
            return sections.places() ? Jsons.put(b, "place_name", r.placeName()) : b;
        }));

        if (sections.budget()) {
            List<BudgetItem> items = sql.list("SELECT " + BudgetItem.COLUMNS + " FROM budget_items b WHERE b.trip_id = ? "
                    + "ORDER BY b.sort_order, b.id", BudgetItem::ofRow, tripId);
            BigDecimal total = items.stream().map(BudgetItem::getTotalPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add("budget", JsonFactory.createObjectBuilder()
                    .add("items", Jsons.array(items.subList(0, Math.min(items.size(), LIST_CAP)), BudgetItem::toJson))
                    .add("item_count", items.size()).add("more", items.size() > LIST_CAP)
                    .add("total", total).add("currency", trip.getCurrency()));
        }
        if (sections.packing()) {
            List<PackingItem> items = sql.list("SELECT " + PackingItem.COLUMNS + " FROM packing_items p WHERE p.trip_id = ? "
                    + "ORDER BY p.sort_order, p.id", PackingItem::ofRow, tripId);
            long checked = items.stream().filter(PackingItem::isChecked).count();
            out.add("packing", JsonFactory.createObjectBuilder()
                    .add("items", Jsons.array(items.subList(0, Math.min(items.size(), LIST_CAP)), PackingItem::toJson))
                    .add("total", items.size()).add("checked", checked).add("more", items.size() > LIST_CAP));
        }
        if (sections.reservations()) {
            List<Reservation> res = sql.list("SELECT " + Reservation.COLUMNS + " FROM reservations r WHERE r.trip_id = ? "
                    + "ORDER BY r.id LIMIT ?", Reservation::ofRow, tripId, LIST_CAP + 1);
            out.add("reservations", Jsons.array(res.subList(0, Math.min(res.size(), LIST_CAP)), Reservation::toJson));
            out.add("reservations_more", res.size() > LIST_CAP);
        }
        if (sections.todos()) {
            List<TodoItem> todos = sql.list("SELECT " + TodoItem.COLUMNS + " FROM todo_items t WHERE t.trip_id = ? "
                    + "ORDER BY t.sort_order, t.id LIMIT ?", TodoItem::ofRow, tripId, LIST_CAP + 1);
            out.add("todos", Jsons.array(todos.subList(0, Math.min(todos.size(), LIST_CAP)), TodoItem::toJson));
            out.add("todos_more", todos.size() > LIST_CAP);
        }
        // Collaboration (the collab addon's notes, polls and chat): the original's keys always, with what a trip
        // without collaboration content has where the caller may not see the part (as the original answers).
        TripSummaryCollab.Part c = sections.anyCollab() && collab.isResolvable()
                ? collab.get().part(tripId, sections.collabNotes(), sections.collabPolls(), sections.collabChat(), LIST_CAP)
                : new TripSummaryCollab.Part(JsonValue.EMPTY_JSON_ARRAY, false, 0, 0);
        out.add("collab_notes", sections.collabNotes() ? c.notes() : JsonValue.EMPTY_JSON_ARRAY);
        if (sections.collabNotes()) {
            out.add("collab_notes_more", c.more());
        }
        out.add("pollCount", sections.collabPolls() ? c.polls() : 0).add("messageCount", sections.collabChat() ? c.messages() : 0);
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
        if (!sections.collabNotes()) {
            omitted.add("collab_notes (needs collab:read and the collab addon with its notes on)");
        }
        if (!sections.collabPolls()) {
            omitted.add("pollCount (needs collab:read and the collab addon with its polls on)");
        }
        if (!sections.collabChat()) {
            omitted.add("messageCount (needs collab:read and the collab addon with its chat on)");
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
