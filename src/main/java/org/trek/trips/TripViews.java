package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;

/**
 * The original's enriched answers of the place, day-plan, stay and booking tools: an entity's own wire form
 * ({@code toJsonBuilder}) plus what the original joins in — a place's category and tags, an assignment's participants
 * and place, a day's assignments, a stay's place, a booking's day, place, stay and endpoints. Lists are enriched in a
 * fixed number of queries, whatever their length (no query per item).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TripViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    ReservationService reservations;

    @Inject
    PlaceService placeService;

    // ---------------------------------------------------------------- places

    /** One place as the original answers it (category fields, category object, tags, reservation fields). */
    public JsonObjectBuilder place(Place p) {
        return places(List.of(p)).get(0);
    }

    /** Places in the given order, enriched with two queries (categories, tags). */
    public List<JsonObjectBuilder> places(List<Place> places) {
        flush();
        Map<Long, Category> categories = categories();
        Map<Long, List<Tag>> tags = tags(places.stream().map(Place::getId).toList());
        List<JsonObjectBuilder> out = new ArrayList<>(places.size());
        for (Place p : places) {
            out.add(place(p, categories, tags));
        }
        return out;
    }

    public JsonArrayBuilder placeArray(List<Place> places) {
        JsonArrayBuilder a = JsonFactory.createArrayBuilder();
        places(places).forEach(a::add);
        return a;
    }

    private static JsonObjectBuilder place(Place p, Map<Long, Category> categories, Map<Long, List<Tag>> tags) {
        JsonObjectBuilder b = p.toJsonBuilder();
        // Reservations of a place, its image and route live elsewhere here (reservations, no image store, no
        // routing): the original's columns are given with the values a place without them has there.
        b.add("reservation_status", "none").addNull("reservation_notes").addNull("reservation_datetime")
                .addNull("image_url").addNull("route_geometry");
        Category c = p.getCategoryId() == null ? null : categories.get(p.getCategoryId());
        if (c == null) {
            b.addNull("category_name").addNull("category_color").addNull("category_icon").addNull("category");
        } else {
            b.add("category_name", c.getName()).add("category_color", c.getColor()).add("category_icon", c.getIcon())
                    .add("category", JsonFactory.createObjectBuilder().add("id", c.getId()).add("name", c.getName())
                            .add("color", c.getColor()).add("icon", c.getIcon()));
        }
        return b.add("tags", Jsons.array(tags.getOrDefault(p.getId(), List.of()), t -> JsonFactory.createObjectBuilder()
                .add("id", t.getId()).add("name", t.getName()).add("color", t.getColor())));
    }

    /** Every category (a small table, read whole). */
    private Map<Long, Category> categories() {
        return em.createQuery("SELECT c FROM Category c", Category.class).getResultList().stream()
                .collect(Collectors.toMap(Category::getId, Function.identity()));
    }

    private Map<Long, List<Tag>> tags(Collection<Long> placeIds) {
        Map<Long, List<Tag>> out = new HashMap<>();
        if (placeIds.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("SELECT pt.placeId, t FROM PlaceTag pt, Tag t WHERE t.id = pt.tagId AND pt.placeId IN :p "
                + "ORDER BY t.name", Object[].class).setParameter("p", placeIds).getResultList()) {
            out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Tag) r[1]);
        }
        return out;
    }

    // ---------------------------------------------------------------- assignments and days

    /** One assignment with its participants and its place (as {@link #place}). */
    public JsonObjectBuilder assignment(DayAssignment a) {
        return assignments(List.of(a)).get(0);
    }

    /** Assignments in the given order, with participants and places: four queries for any number. */
    public List<JsonObjectBuilder> assignments(List<DayAssignment> assignments) {
        flush();
        if (assignments.isEmpty()) {
            return List.of();
        }
        List<Long> placeIds = assignments.stream().map(DayAssignment::getPlaceId).distinct().toList();
        List<Place> placeRows = em.createQuery("SELECT p FROM Place p WHERE p.id IN :p", Place.class)
                .setParameter("p", placeIds).getResultList();
        List<JsonObjectBuilder> enriched = places(placeRows);
        Map<Long, jakarta.json.JsonObject> places = new HashMap<>();
        for (int i = 0; i < placeRows.size(); i++) {
            places.put(placeRows.get(i).getId(), enriched.get(i).build());
        }
        Map<Long, List<PlaceService.Participant>> participants = placeService.participantsOf(
                assignments.stream().map(DayAssignment::getId).toList());
        List<JsonObjectBuilder> out = new ArrayList<>(assignments.size());
        for (DayAssignment a : assignments) {
            JsonObjectBuilder b = a.toJsonBuilder().add("participants",
                    Jsons.array(participants.getOrDefault(a.getId(), List.of()), PlaceService.Participant::toJson));
            jakarta.json.JsonObject place = places.get(a.getPlaceId());
            b.add("place", place == null ? JsonValue.NULL : place);
            out.add(b);
        }
        return out;
    }

    /** A day with its assignments in order (as {@link #assignments}). */
    public JsonObjectBuilder day(TripDay d) {
        flush();
        List<DayAssignment> list = em.createQuery("SELECT a FROM DayAssignment a WHERE a.dayId = :d ORDER BY a.orderIndex, a.id",
                DayAssignment.class).setParameter("d", d.getId()).getResultList();
        JsonArrayBuilder assignments = JsonFactory.createArrayBuilder();
        assignments(list).forEach(assignments::add);
        return d.toJsonBuilder().add("assignments", assignments);
    }

    // ---------------------------------------------------------------- stays and bookings

    /** A stay with its place's name, address, image (none here: null) and coordinates. */
    public JsonObjectBuilder accommodation(Accommodation a) {
        flush();
        return accommodation(a, a.getPlaceId() == null ? null : em.find(Place.class, a.getPlaceId()));
    }

    private static JsonObjectBuilder accommodation(Accommodation a, Place p) {
        JsonObjectBuilder b = a.toJsonBuilder();
        Jsons.put(b, "place_name", p == null ? null : p.getName());
        Jsons.put(b, "place_address", p == null ? null : p.getAddress());
        b.addNull("place_image");
        Jsons.put(b, "place_lat", p == null ? null : p.getLat());
        return Jsons.put(b, "place_lng", p == null ? null : p.getLng());
    }

    /**
     * A booking as the original answers it: its metadata text, the number of its day, its place's name, its stay
     * (place, name, first and last day), its per-day positions ({@code day_positions}: day id → position, null when
     * none) and its endpoints (empty for bookings that are not transports).
     */
    public JsonObjectBuilder reservation(Reservation r) {
        return reservations(List.of(r)).get(0);
    }

    /** Bookings in the given order, enriched with a fixed number of queries (days, places, stays, endpoints, positions). */
    public List<JsonObjectBuilder> reservations(List<Reservation> list) {
        flush();
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Reservation::getId).toList();
        Map<Long, TripDay> days = byId(TripDay.class, list.stream().map(Reservation::getDayId), TripDay::getId);
        Map<Long, Accommodation> stays = byId(Accommodation.class, list.stream().map(Reservation::getAccommodationId), Accommodation::getId);
        Map<Long, Place> places = byId(Place.class, java.util.stream.Stream.concat(list.stream().map(Reservation::getPlaceId),
                stays.values().stream().map(Accommodation::getPlaceId)), Place::getId);
        Map<Long, List<ReservationEndpoint>> endpoints = new HashMap<>();
        for (ReservationEndpoint e : em.createQuery("SELECT e FROM ReservationEndpoint e WHERE e.reservationId IN :r "
                + "ORDER BY e.sequence, e.id", ReservationEndpoint.class).setParameter("r", ids).getResultList()) {
            endpoints.computeIfAbsent(e.getReservationId(), k -> new ArrayList<>()).add(e);
        }
        Map<Long, JsonObjectBuilder> positions = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT reservation_id, day_id, sort_position FROM reservation_day_positions "
                + "WHERE reservation_id IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") "
                + "ORDER BY reservation_id, day_id").getResultList()) {
            Object[] row = (Object[]) o;
            positions.computeIfAbsent(((Number) row[0]).longValue(), k -> JsonFactory.createObjectBuilder())
                    .add(String.valueOf(((Number) row[1]).longValue()), ((Number) row[2]).doubleValue());
        }
        List<JsonObjectBuilder> out = new ArrayList<>(list.size());
        for (Reservation r : list) {
            JsonObjectBuilder b = r.toJsonBuilder();
            Jsons.put(b, "metadata", r.getMetadata());
            TripDay day = r.getDayId() == null ? null : days.get(r.getDayId());
            Jsons.put(b, "day_number", day == null ? null : day.getDayNumber());
            Place place = r.getPlaceId() == null ? null : places.get(r.getPlaceId());
            Jsons.put(b, "place_name", place == null ? null : place.getName());
            Accommodation stay = r.getAccommodationId() == null ? null : stays.get(r.getAccommodationId());
            Place stayPlace = stay == null || stay.getPlaceId() == null ? null : places.get(stay.getPlaceId());
            Jsons.put(b, "accommodation_place_id", stay == null ? null : stay.getPlaceId());
            Jsons.put(b, "accommodation_name", stayPlace == null ? null : stayPlace.getName());
            Jsons.put(b, "accommodation_start_day_id", stay == null ? null : stay.getStartDayId());
            Jsons.put(b, "accommodation_end_day_id", stay == null ? null : stay.getEndDayId());
            JsonObjectBuilder pos = positions.get(r.getId());
            b.add("day_positions", pos == null ? JsonValue.NULL : pos.build());
            out.add(b.add("endpoints", Jsons.array(endpoints.getOrDefault(r.getId(), List.of()), ReservationEndpoint::toJson)));
        }
        return out;
    }

    /**
     * The trip's days in order, each with its notes ({@code notes_items}) and, with {@code withAssignments} (the
     * caller may read places), its assignments (as {@link #assignments}); without, no assignment is read.
     */
    public JsonArrayBuilder days(long tripId, boolean withAssignments) {
        flush();
        List<TripDay> days = em.createQuery("SELECT d FROM TripDay d WHERE d.tripId = :t ORDER BY d.dayNumber", TripDay.class)
                .setParameter("t", tripId).getResultList();
        List<DayAssignment> all = !withAssignments ? List.of() : em.createQuery("SELECT a FROM DayAssignment a, TripDay d "
                + "WHERE d.id = a.dayId AND d.tripId = :t ORDER BY a.dayId, a.orderIndex, a.id", DayAssignment.class)
                .setParameter("t", tripId).getResultList();
        List<JsonObjectBuilder> enriched = assignments(all);
        Map<Long, JsonArrayBuilder> byDay = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byDay.computeIfAbsent(all.get(i).getDayId(), k -> JsonFactory.createArrayBuilder()).add(enriched.get(i));
        }
        Map<Long, JsonArrayBuilder> notes = new HashMap<>();
        for (DayNote n : em.createQuery("SELECT n FROM DayNote n WHERE n.tripId = :t ORDER BY n.sortOrder, n.id", DayNote.class)
                .setParameter("t", tripId).getResultList()) {
            notes.computeIfAbsent(n.getDayId(), k -> JsonFactory.createArrayBuilder()).add(n.toJsonBuilder());
        }
        JsonArrayBuilder out = JsonFactory.createArrayBuilder();
        for (TripDay d : days) {
            JsonObjectBuilder day = d.toJsonBuilder();
            if (withAssignments) {
                JsonArrayBuilder a = byDay.get(d.getId());
                day.add("assignments", a == null ? JsonValue.EMPTY_JSON_ARRAY : a.build());
            }
            JsonArrayBuilder n = notes.get(d.getId());
            out.add(day.add("notes_items", n == null ? JsonValue.EMPTY_JSON_ARRAY : n.build()));
        }
        return out;
    }

    /**
     * The trip's stays (as {@link #accommodation}) with {@code reservation_title}, the title of the booking linked to
     * the stay; without {@code withBookings} the booking reference and title are left out (they are reservation
     * details, reservations:read).
     */
    public JsonArrayBuilder accommodations(long tripId, boolean withBookings) {
        flush();
        List<Accommodation> stays = em.createQuery("SELECT a FROM Accommodation a WHERE a.tripId = :t ORDER BY a.id", Accommodation.class)
                .setParameter("t", tripId).getResultList();
        Map<Long, String> titles = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT r.accommodationId, r.title FROM Reservation r WHERE r.tripId = :t "
                + "AND r.accommodationId IS NOT NULL ORDER BY r.id", Object[].class).setParameter("t", tripId).getResultList()) {
            titles.putIfAbsent((Long) r[0], (String) r[1]);
        }
        Map<Long, Place> places = byId(Place.class, stays.stream().map(Accommodation::getPlaceId), Place::getId);
        JsonArrayBuilder out = JsonFactory.createArrayBuilder();
        for (Accommodation a : stays) {
            JsonObjectBuilder b = accommodation(a, a.getPlaceId() == null ? null : places.get(a.getPlaceId()));
            if (withBookings) {
                Jsons.put(b, "reservation_title", titles.get(a.getId()));
            } else {
                b.remove("confirmation");
                b.addNull("reservation_title");
            }
            out.add(b);
        }
        return out;
    }

    private <T> Map<Long, T> byId(Class<T> type, java.util.stream.Stream<Long> ids, Function<T, Long> id) {
        List<Long> wanted = ids.filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT x FROM " + type.getSimpleName() + " x WHERE x.id IN :i", type).setParameter("i", wanted)
                .getResultList().stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private void flush() {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
    }
}
