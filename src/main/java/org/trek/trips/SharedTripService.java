package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.trek.platform.Clock;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.SecureRandoms;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.db.Sql;

/**
 * What a share link shows, read for anyone who holds its token (no sign-in): the trip's title, dates and description,
 * and only the sections the link's flags share. share_map: days with their assignments and notes, and the places;
 * share_bookings: reservations and accommodations; share_packing: the packing list; share_budget: the budget items.
 * Nothing of the instance beyond that: no members, no e-mail addresses, no user ids, no other trips, no booking
 * references (confirmation numbers stay with the members).
 *
 * <p>The link is read from the database on every request, so a deleted link stops working at once on every node. A
 * fixed number of queries per request whatever the trip's size; every list is capped (names in {@link Shared#truncated}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SharedTripService {
    /** Tokens we hand out are 43 URL-safe characters; anything not shaped like one is not looked up. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    public static final int ASSIGNMENT_CAP = TripSummaryService.ASSIGNMENT_CAP;
    public static final int PLACE_CAP = 1000;
    public static final int LIST_CAP = 500;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    AddonService addons;

    @Inject
    TripSummaryService summaries;

    /** A planned visit with its place (null when the place went meanwhile). */
    public record Planned(DayAssignment assignment, Place place) {
    }

    /** An accommodation with its place (null without one). */
    public record Stay(Accommodation accommodation, Place place) {
    }

    /** A place's tag as the shared view shows it. */
    public record TagRef(long id, String name, String color) {
    }

    /**
     * A shared trip: the link, the trip, its days and the shared sections (empty, or null for packing and budget, when
     * their flag is off). Lists are in display order; truncated names the lists that hit their cap.
     */
    public record Shared(ShareToken link, Trip trip, List<TripDay> days, Map<Long, List<Planned>> assignments,
                         Map<Long, List<DayNote>> dayNotes, List<Place> places, Map<Long, Category> categories,
                         Map<Long, List<TagRef>> tags, List<Reservation> reservations, Map<Long, List<ReservationEndpoint>> stops,
                         Map<Long, Map<Long, Double>> dayPositions, List<Stay> accommodations, List<PackingItem> packing,
                         List<BudgetItem> budget, TripSummaryService.BudgetFigures budgetFigures, Set<String> truncated) {

        public boolean showsMap() {
            return link.isShareMap();
        }

        public boolean showsBookings() {
            return link.isShareBookings();
        }

        public boolean showsPacking() {
            return link.isSharePacking() && packing != null;
        }

        public boolean showsBudget() {
            return link.isShareBudget() && budget != null;
        }
    }

    /** The active link with this token, or empty (unknown, malformed, revoked, expired, or its trip is gone). */
    public Optional<ShareToken> link(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT s FROM ShareToken s WHERE s.token = :t", ShareToken.class).setParameter("t", token)
                .getResultStream()
                // MariaDB compares strings case-insensitively: only the exact token opens the link.
                .filter(s -> SecureRandoms.constantTimeEquals(s.getToken(), token) && s.isActive(clock.now()))
                .findFirst();
    }

    /** Everything the link with this token shows, or empty when no active link has it. */
    public Optional<Shared> load(String token) {
        Optional<ShareToken> found = link(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ShareToken link = found.get();
        Trip trip = em.find(Trip.class, link.getTripId());
        if (trip == null) {
            return Optional.empty();
        }
        long tripId = trip.getId();
        Set<String> truncated = new LinkedHashSet<>();

        // The days are read always (bookings and stays name their day); the snapshot lists them only with share_map.
        List<TripDay> days = sql.list("SELECT " + TripDay.COLUMNS + " FROM trip_days d WHERE d.trip_id = ? ORDER BY d.day_number",
                TripDay::ofRow, tripId);
        Map<Long, List<Planned>> assignments = new LinkedHashMap<>();
        Map<Long, List<DayNote>> notes = new LinkedHashMap<>();
        List<Place> places = List.of();
        Map<Long, Category> categories = new LinkedHashMap<>();
        Map<Long, List<TagRef>> tags = new HashMap<>();
        if (link.isShareMap()) {
            for (DayNote n : capped(sql.list("SELECT " + DayNote.COLUMNS + " FROM day_notes n WHERE n.trip_id = ? "
                    + "ORDER BY n.day_id, n.sort_order, n.id LIMIT ?", DayNote::ofRow, tripId, LIST_CAP + 1), LIST_CAP, "dayNotes", truncated)) {
                notes.computeIfAbsent(n.getDayId(), k -> new ArrayList<>()).add(n);
            }
            List<Place> all = capped(em.createQuery("SELECT p FROM Place p WHERE p.tripId = :t ORDER BY p.createdAt DESC, p.id DESC",
                    Place.class).setParameter("t", tripId).setMaxResults(PLACE_CAP + 1).getResultList(), PLACE_CAP, "places", truncated);
            places = all;
            Map<Long, Place> placeById = new HashMap<>();
            all.forEach(p -> placeById.put(p.getId(), p));
            List<Object[]> planned = capped(em.createQuery("SELECT a, p FROM DayAssignment a, Place p, TripDay d WHERE a.placeId = p.id "
                            + "AND a.dayId = d.id AND d.tripId = :t ORDER BY d.dayNumber, a.orderIndex, a.id", Object[].class)
                    .setParameter("t", tripId).setMaxResults(ASSIGNMENT_CAP + 1).getResultList(), ASSIGNMENT_CAP, "assignments", truncated);
            for (Object[] r : planned) {
                DayAssignment a = (DayAssignment) r[0];
                assignments.computeIfAbsent(a.getDayId(), k -> new ArrayList<>()).add(new Planned(a, (Place) r[1]));
            }
            for (Category c : em.createQuery("SELECT c FROM Category c WHERE c.id IN "
                    + "(SELECT p.categoryId FROM Place p WHERE p.tripId = :t) ORDER BY c.id", Category.class)
                    .setParameter("t", tripId).getResultList()) {
                categories.put(c.getId(), c);
            }
            for (Object[] r : em.createQuery("SELECT pt.placeId, g.id, g.name, g.color FROM PlaceTag pt, Tag g, Place p "
                    + "WHERE pt.tagId = g.id AND pt.placeId = p.id AND p.tripId = :t ORDER BY g.name", Object[].class)
                    .setParameter("t", tripId).getResultList()) {
                tags.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new TagRef((Long) r[1], (String) r[2], (String) r[3]));
            }
        }

        List<Reservation> reservations = List.of();
        Map<Long, List<ReservationEndpoint>> stops = new HashMap<>();
        Map<Long, Map<Long, Double>> positions = new HashMap<>();
        List<Stay> stays = List.of();
        if (link.isShareBookings()) {
            reservations = capped(sql.list("SELECT " + Reservation.COLUMNS + " FROM reservations r WHERE r.trip_id = ? "
                    + "ORDER BY r.reservation_time, r.id LIMIT ?", Reservation::ofRow, tripId, LIST_CAP + 1), LIST_CAP, "reservations", truncated);
            for (ReservationEndpoint e : em.createQuery("SELECT e FROM ReservationEndpoint e, Reservation r WHERE e.reservationId = r.id "
                    + "AND r.tripId = :t ORDER BY e.reservationId, e.sequence", ReservationEndpoint.class)
                    .setParameter("t", tripId).getResultList()) {
                stops.computeIfAbsent(e.getReservationId(), k -> new ArrayList<>()).add(e);
            }
            for (Object[] r : sql.list("SELECT x.reservation_id, x.day_id, x.sort_position FROM reservation_day_positions x "
                    + "JOIN reservations r ON r.id = x.reservation_id WHERE r.trip_id = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3)}, tripId)) {
                positions.computeIfAbsent((Long) r[0], k -> new LinkedHashMap<>()).put((Long) r[1], (Double) r[2]);
            }
            List<Stay> s = new ArrayList<>();
            for (Object[] r : capped(em.createQuery("SELECT a, p FROM Accommodation a LEFT JOIN Place p ON p.id = a.placeId "
                    + "WHERE a.tripId = :t ORDER BY a.id", Object[].class).setParameter("t", tripId).setMaxResults(LIST_CAP + 1)
                    .getResultList(), LIST_CAP, "accommodations", truncated)) {
                s.add(new Stay((Accommodation) r[0], (Place) r[1]));
            }
            stays = s;
        }

        // The addons stay in charge: with the Lists or Budget addon switched off, a link shows no packing or budget.
        List<PackingItem> packing = null;
        if (link.isSharePacking() && addons.isEnabled(AddonId.PACKING)) {
            packing = capped(sql.list("SELECT " + PackingItem.COLUMNS + " FROM packing_items p WHERE p.trip_id = ? "
                    + "ORDER BY p.sort_order, p.id LIMIT ?", PackingItem::ofRow, tripId, LIST_CAP + 1), LIST_CAP, "packing", truncated);
        }
        List<BudgetItem> budget = null;
        TripSummaryService.BudgetFigures figures = null;
        if (link.isShareBudget() && addons.isEnabled(AddonId.BUDGET)) {
            budget = capped(sql.list("SELECT " + BudgetItem.COLUMNS + " FROM budget_items b WHERE b.trip_id = ? "
                    + "ORDER BY b.category, b.sort_order, b.id LIMIT ?", BudgetItem::ofRow, tripId, LIST_CAP + 1), LIST_CAP, "budget", truncated);
            figures = summaries.budgetFigures(tripId);
        }
        return Optional.of(new Shared(link, trip, days, assignments, notes, places, categories, tags, reservations, stops,
                positions, stays, packing, budget, figures, truncated));
    }

    private static <T> List<T> capped(List<T> rows, int cap, String name, Set<String> truncated) {
        if (rows.size() > cap) {
            truncated.add(name);
            return rows.subList(0, cap);
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /**
     * The public snapshot as the original's GET /api/shared/:token answers it: trip, baseCurrency, categories,
     * permissions, days, assignments (by day id), dayNotes (by day id), places, reservations, accommodations,
     * packing, budget, collab (always empty: the original lists chat messages with their authors, and the public view
     * shows no user names). Added: truncated.
     */
    public JsonObject json(Shared s) {
        Trip t = s.trip();
        JsonObjectBuilder trip = JsonFactory.createObjectBuilder().add("id", t.getId());
        Jsons.put(trip, "title", t.getTitle());
        Jsons.put(trip, "description", t.getDescription());
        Jsons.put(trip, "start_date", t.getStartDate());
        Jsons.put(trip, "end_date", t.getEndDate());
        trip.addNull("cover_image");
        Jsons.put(trip, "currency", t.getCurrency());

        JsonObjectBuilder assignments = JsonFactory.createObjectBuilder();
        s.assignments().forEach((dayId, list) -> assignments.add(String.valueOf(dayId), Jsons.array(list, p -> planned(s, p))));
        JsonObjectBuilder dayNotes = JsonFactory.createObjectBuilder();
        s.dayNotes().forEach((dayId, list) -> dayNotes.add(String.valueOf(dayId), Jsons.array(list, DayNote::toJsonBuilder)));

        return JsonFactory.createObjectBuilder()
                .add("trip", trip)
                .add("baseCurrency", t.getCurrency() == null ? "EUR" : t.getCurrency())
                .add("categories", Jsons.array(s.categories().values(), Category::toJson))
                .add("permissions", s.link().flags(JsonFactory.createObjectBuilder()))
                .add("days", s.showsMap() ? Jsons.array(s.days(), TripDay::toJsonBuilder).build() : JsonValue.EMPTY_JSON_ARRAY)
                .add("assignments", assignments)
                .add("dayNotes", dayNotes)
                .add("places", Jsons.array(s.places(), p -> place(s, p)))
                .add("reservations", Jsons.array(s.reservations(), r -> reservation(s, r)))
                .add("accommodations", Jsons.array(s.accommodations(), SharedTripService::stay))
                .add("packing", s.showsPacking() ? Jsons.array(s.packing(), PackingItem::toJsonBuilder).build() : JsonValue.EMPTY_JSON_ARRAY)
                .add("budget", s.showsBudget() ? Jsons.array(s.budget(), SharedTripService::budgetItem).build() : JsonValue.EMPTY_JSON_ARRAY)
                .add("collab", JsonValue.EMPTY_JSON_ARRAY)
                .add("truncated", Jsons.array(s.truncated(), n -> n))
                .build();
    }

    private static JsonObjectBuilder planned(Shared s, Planned p) {
        DayAssignment a = p.assignment();
        Place pl = p.place();
        JsonObjectBuilder place = JsonFactory.createObjectBuilder().add("id", pl.getId());
        Jsons.put(place, "name", pl.getName());
        Jsons.put(place, "description", pl.getDescription());
        Jsons.put(place, "lat", pl.getLat());
        Jsons.put(place, "lng", pl.getLng());
        Jsons.put(place, "address", pl.getAddress());
        Jsons.put(place, "category_id", pl.getCategoryId());
        Jsons.put(place, "price", pl.getPrice());
        Jsons.put(place, "place_time", a.getTime() != null ? a.getTime() : pl.getPlaceTime());
        Jsons.put(place, "end_time", a.getEndTime() != null ? a.getEndTime() : pl.getEndTime());
        place.addNull("image_url");
        Jsons.put(place, "transport_mode", pl.getTransportMode());
        Category c = pl.getCategoryId() == null ? null : s.categories().get(pl.getCategoryId());
        place.add("category", c == null ? JsonValue.NULL : c.toJson());
        place.add("tags", tags(s, pl.getId()));
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", a.getId()).add("day_id", a.getDayId())
                .add("order_index", a.getOrderIndex());
        Jsons.put(b, "notes", a.getNotes());
        return b.add("place", place);
    }

    private static JsonArrayBuilder tags(Shared s, long placeId) {
        return Jsons.array(s.tags().getOrDefault(placeId, List.of()), g -> {
            JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", g.id());
            Jsons.put(b, "name", g.name());
            return Jsons.put(b, "color", g.color());
        });
    }

    private static JsonObjectBuilder place(Shared s, Place p) {
        JsonObjectBuilder b = p.toJsonBuilder();
        Category c = p.getCategoryId() == null ? null : s.categories().get(p.getCategoryId());
        Jsons.put(b, "category_name", c == null ? null : c.getName());
        Jsons.put(b, "category_color", c == null ? null : c.getColor());
        Jsons.put(b, "category_icon", c == null ? null : c.getIcon());
        b.addNull("image_url");
        return b.add("tags", tags(s, p.getId()));
    }

    private static JsonObjectBuilder reservation(Shared s, Reservation r) {
        JsonObjectBuilder b = r.toJsonBuilder();
        b.addNull("confirmation_number"); // a booking reference lets its holder change the booking: members only
        Map<Long, Double> positions = s.dayPositions().get(r.getId());
        if (positions == null) {
            b.addNull("day_positions");
        } else {
            JsonObjectBuilder p = JsonFactory.createObjectBuilder();
            positions.forEach((day, pos) -> p.add(String.valueOf(day), pos));
            b.add("day_positions", p);
        }
        return b;
    }

    private static JsonObjectBuilder stay(Stay s) {
        JsonObjectBuilder b = s.accommodation().toJsonBuilder();
        b.addNull("confirmation");
        Place p = s.place();
        Jsons.put(b, "place_name", p == null ? null : p.getName());
        Jsons.put(b, "place_address", p == null ? null : p.getAddress());
        Jsons.put(b, "place_lat", p == null ? null : p.getLat());
        Jsons.put(b, "place_lng", p == null ? null : p.getLng());
        return b;
    }

    private static JsonObjectBuilder budgetItem(BudgetItem i) {
        JsonObjectBuilder b = i.toJsonBuilder();
        b.addNull("paid_by_user_id"); // a user id of the instance
        return b;
    }
}
