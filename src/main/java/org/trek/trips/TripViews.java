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
        Map<Long, List<PlaceService.Participant>> participants = participants(assignments.stream().map(DayAssignment::getId).toList());
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

    private Map<Long, List<PlaceService.Participant>> participants(List<Long> assignmentIds) {
        Map<Long, List<PlaceService.Participant>> out = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT ap.assignmentId, ap.userId, u.username FROM AssignmentParticipant ap, User u "
                + "WHERE u.id = ap.userId AND ap.assignmentId IN :a ORDER BY u.username", Object[].class)
                .setParameter("a", assignmentIds).getResultList()) {
            out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new PlaceService.Participant((Long) r[1], (String) r[2]));
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
        Place p = a.getPlaceId() == null ? null : em.find(Place.class, a.getPlaceId());
        JsonObjectBuilder b = a.toJsonBuilder();
        Jsons.put(b, "place_name", p == null ? null : p.getName());
        Jsons.put(b, "place_address", p == null ? null : p.getAddress());
        b.addNull("place_image");
        Jsons.put(b, "place_lat", p == null ? null : p.getLat());
        return Jsons.put(b, "place_lng", p == null ? null : p.getLng());
    }

    /**
     * A booking as the original answers it: its metadata text, the number of its day, its place's name, its stay
     * (place, name, first and last day) and its endpoints (empty for bookings that are not transports).
     */
    public JsonObjectBuilder reservation(Reservation r) {
        flush();
        JsonObjectBuilder b = r.toJsonBuilder();
        Jsons.put(b, "metadata", r.getMetadata());
        TripDay day = r.getDayId() == null ? null : em.find(TripDay.class, r.getDayId());
        Jsons.put(b, "day_number", day == null ? null : day.getDayNumber());
        Place place = r.getPlaceId() == null ? null : em.find(Place.class, r.getPlaceId());
        Jsons.put(b, "place_name", place == null ? null : place.getName());
        Accommodation stay = r.getAccommodationId() == null ? null : em.find(Accommodation.class, r.getAccommodationId());
        Place stayPlace = stay == null || stay.getPlaceId() == null ? null : em.find(Place.class, stay.getPlaceId());
        Jsons.put(b, "accommodation_place_id", stay == null ? null : stay.getPlaceId());
        Jsons.put(b, "accommodation_name", stayPlace == null ? null : stayPlace.getName());
        Jsons.put(b, "accommodation_start_day_id", stay == null ? null : stay.getStartDayId());
        Jsons.put(b, "accommodation_end_day_id", stay == null ? null : stay.getEndDayId());
        return b.add("endpoints", Jsons.array(reservations.endpoints(r.getId()), ReservationEndpoint::toJson));
    }

    private void flush() {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
    }
}
