package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trek.platform.Clock;
import org.trek.platform.Patch;

/** Places, categories, day assignments (with participants and times) and the user's tags. */
@ApplicationScoped
@Transactional
public class PlaceService {
    public static final Set<String> TRANSPORT_MODES = Set.of("walking", "driving", "cycling", "transit", "flight");

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    Clock clock;

    /** Place fields; null = not given, a {@link Patch} also says "clear" (update: omitted stays, null clears). */
    public record PlaceFields(String name, Patch<String> description, Patch<Double> lat, Patch<Double> lng,
                              Patch<String> address, Patch<Long> categoryId, Patch<BigDecimal> price, String currency,
                              Patch<String> placeTime, Patch<String> endTime, Integer durationMinutes, Patch<String> notes,
                              Patch<String> website, Patch<String> phone, String transportMode, Patch<String> osmId,
                              Patch<String> googlePlaceId) {
        /** A new place's fields (nothing to clear). */
        public static PlaceFields of(String name, String description, Double lat, Double lng, String address, Long categoryId,
                                     String notes, String website, String phone, String osmId, String googlePlaceId) {
            return new PlaceFields(name, Patch.ifPresent(description), Patch.ifPresent(lat), Patch.ifPresent(lng),
                    Patch.ifPresent(address), Patch.ifPresent(categoryId), Patch.keep(), null, Patch.keep(), Patch.keep(),
                    null, Patch.ifPresent(notes), Patch.ifPresent(website), Patch.ifPresent(phone), null,
                    Patch.ifPresent(osmId), Patch.ifPresent(googlePlaceId));
        }

        public static PlaceFields basic(String name) {
            return of(name, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public Place create(long userId, long tripId, PlaceFields f) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        return createUnchecked(tripId, f);
    }

    /** For compound tools that have already checked access (same transaction). */
    Place createUnchecked(long tripId, PlaceFields f) {
        Instant now = clock.now();
        Place p = new Place();
        p.setTripId(tripId);
        p.setDurationMinutes(60);
        p.setTransportMode("walking");
        p.setCreatedAt(now);
        apply(p, f, true);
        p.setUpdatedAt(now);
        em.persist(p);
        em.flush();
        return p;
    }

    public Place update(long userId, long tripId, long placeId, PlaceFields f) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        Place p = access.owned(Place.class, placeId, tripId, "Place");
        apply(p, f, false);
        p.setUpdatedAt(clock.now());
        return p;
    }

    private void apply(Place p, PlaceFields f, boolean creating) {
        if (f.name() != null || creating) {
            p.setName(TripService.requireText("name", f.name(), 200));
        }
        Long categoryId = f.categoryId().value();
        if (categoryId != null) {
            if (em.find(Category.class, categoryId) == null) {
                throw TripException.notFound("Category");
            }
            p.setCategoryId(categoryId);
        }
        Double lat = f.lat().value();
        Double lng = f.lng().value();
        if (lat != null && (lat < -90 || lat > 90) || lng != null && (lng < -180 || lng > 180)) {
            throw new TripException("lat must be within -90..90 and lng within -180..180.");
        }
        if (f.transportMode() != null) {
            if (!TRANSPORT_MODES.contains(f.transportMode())) {
                throw new TripException("transport_mode must be one of walking, driving, cycling, transit, flight.");
            }
            p.setTransportMode(f.transportMode());
        }
        if (f.durationMinutes() != null) {
            p.setDurationMinutes(f.durationMinutes());
        }
        if (f.currency() != null) {
            p.setCurrency(f.currency().toUpperCase(Locale.ROOT));
        }
        f.description().ifGiven(p::setDescription);
        f.lat().ifGiven(p::setLat);
        f.lng().ifGiven(p::setLng);
        f.address().ifGiven(p::setAddress);
        f.price().ifGiven(p::setPrice);
        f.placeTime().ifGiven(p::setPlaceTime);
        f.endTime().ifGiven(p::setEndTime);
        f.notes().ifGiven(p::setNotes);
        f.website().ifGiven(p::setWebsite);
        f.phone().ifGiven(p::setPhone);
        f.osmId().ifGiven(p::setOsmId);
        f.googlePlaceId().ifGiven(p::setGooglePlaceId);
        if (f.categoryId().given() && categoryId == null) {
            p.setCategoryId(null);
        }
    }

    public void delete(long userId, long tripId, long placeId) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        em.remove(access.owned(Place.class, placeId, tripId, "Place"));
    }

    /** Deletes several places; every id must belong to the trip, or nothing is deleted. */
    public List<Long> bulkDelete(long userId, long tripId, List<Long> placeIds) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        List<Long> deleted = new ArrayList<>();
        for (Long id : placeIds) {
            em.remove(access.owned(Place.class, id, tripId, "Place " + id));
            deleted.add(id);
        }
        return deleted;
    }

    /** What an import created and how many list entries it left out (duplicates or unusable entries). */
    public record ImportResult(List<Place> created, int skipped) {
    }

    /**
     * Adds the places of an imported list in one transaction, after checking access and place_edit again (the list
     * was fetched outside any transaction). A place that the trip already has (same Google place id, or the same
     * name at the same rounded position, or the same name when neither has a position) is skipped, as is a repeat
     * within the list.
     */
    public ImportResult importPlaces(long userId, long tripId, List<PlaceListImport.ListPlace> entries, int unusable) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        Set<String> seen = new HashSet<>();
        for (Object[] row : em.createQuery("SELECT p.name, p.lat, p.lng, p.googlePlaceId FROM Place p WHERE p.tripId = :t",
                Object[].class).setParameter("t", tripId).getResultList()) {
            seen.addAll(dedupKeys((String) row[0], (Double) row[1], (Double) row[2], (String) row[3]));
        }
        List<Place> created = new ArrayList<>();
        int skipped = unusable;
        for (PlaceListImport.ListPlace e : entries) {
            List<String> keys = dedupKeys(e.name(), e.lat(), e.lng(), e.googlePlaceId());
            if (keys.stream().anyMatch(seen::contains)) {
                skipped++;
                continue;
            }
            seen.addAll(keys);
            created.add(createUnchecked(tripId, PlaceFields.of(e.name(), null, e.lat(), e.lng(), e.address(), null, e.note(),
                    null, null, null, e.googlePlaceId())));
        }
        return new ImportResult(created, skipped);
    }

    /** The keys a place is known by for the import: name and rounded position (or name alone), and its Google id. */
    private static List<String> dedupKeys(String name, Double lat, Double lng, String googlePlaceId) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        String byName = lat == null || lng == null ? "n:" + n : String.format(Locale.ROOT, "p:%s@%.4f,%.4f", n, lat, lng);
        return googlePlaceId == null ? List.of(byName) : List.of(byName, "g:" + googlePlaceId);
    }

    /** A page of places with filters; assignment = all | unassigned | assigned. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TripService.Page<Place> list(long userId, long tripId, String search, String category, String tag,
                                        String assignment, int limit, int offset) {
        access.access(userId, tripId);
        StringBuilder q = new StringBuilder("SELECT p FROM Place p WHERE p.tripId = :t");
        if (search != null && !search.isBlank()) {
            q.append(" AND (LOWER(p.name) LIKE :s OR LOWER(p.address) LIKE :s OR LOWER(p.description) LIKE :s)");
        }
        if (category != null && !category.isBlank()) {
            q.append(" AND p.categoryId IN (SELECT c.id FROM Category c WHERE LOWER(c.name) = :c)");
        }
        if (tag != null && !tag.isBlank()) {
            q.append(" AND p.id IN (SELECT pt.placeId FROM PlaceTag pt, Tag g WHERE pt.tagId = g.id AND LOWER(g.name) = :g)");
        }
        if ("assigned".equals(assignment)) {
            q.append(" AND p.id IN (SELECT a.placeId FROM DayAssignment a)");
        } else if ("unassigned".equals(assignment)) {
            q.append(" AND p.id NOT IN (SELECT a.placeId FROM DayAssignment a)");
        }
        q.append(" ORDER BY p.id");
        TypedQuery<Place> query = em.createQuery(q.toString(), Place.class).setParameter("t", tripId);
        if (search != null && !search.isBlank()) {
            query.setParameter("s", "%" + search.trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (category != null && !category.isBlank()) {
            query.setParameter("c", category.trim().toLowerCase(Locale.ROOT));
        }
        if (tag != null && !tag.isBlank()) {
            query.setParameter("g", tag.trim().toLowerCase(Locale.ROOT));
        }
        List<Place> rows = query.setFirstResult(offset).setMaxResults(limit + 1).getResultList();
        return TripService.Page.of(rows, limit, offset);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> categories() {
        return em.createQuery("SELECT c FROM Category c ORDER BY c.id", Category.class).getResultList();
    }

    // --- assignments ---

    public DayAssignment assign(long userId, long tripId, long dayId, long placeId, String notes) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        return assignUnchecked(tripId, dayId, placeId, notes);
    }

    DayAssignment assignUnchecked(long tripId, long dayId, long placeId, String notes) {
        access.owned(TripDay.class, dayId, tripId, "Day");
        access.owned(Place.class, placeId, tripId, "Place");
        Integer max = em.createQuery("SELECT MAX(a.orderIndex) FROM DayAssignment a WHERE a.dayId = :d", Integer.class)
                .setParameter("d", dayId).getSingleResult();
        DayAssignment a = new DayAssignment();
        a.setDayId(dayId);
        a.setPlaceId(placeId);
        a.setOrderIndex(max == null ? 0 : max + 1);
        a.setNotes(TripService.trimToNull(notes));
        a.setCreatedAt(clock.now());
        em.persist(a);
        em.flush();
        return a;
    }

    public Place createAndAssign(long userId, long tripId, long dayId, PlaceFields f, String assignmentNotes,
                                 DayAssignment[] assignmentOut) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        access.owned(TripDay.class, dayId, tripId, "Day");
        Place p = createUnchecked(tripId, f);
        assignmentOut[0] = assignUnchecked(tripId, dayId, p.getId(), assignmentNotes);
        return p;
    }

    public void unassign(long userId, long tripId, long dayId, long assignmentId) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        DayAssignment a = access.ownedAssignment(assignmentId, tripId);
        if (a.getDayId() != dayId) {
            throw TripException.notFound("Assignment");
        }
        em.remove(a);
    }

    /** Omitted fields keep their value; clearTime/clearEnd set them to null. */
    public DayAssignment updateTime(long userId, long tripId, long assignmentId, String time, boolean clearTime,
                                    String endTime, boolean clearEnd) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        DayAssignment a = access.ownedAssignment(assignmentId, tripId);
        if (time != null || clearTime) {
            a.setTime(time);
        }
        if (endTime != null || clearEnd) {
            a.setEndTime(endTime);
        }
        return a;
    }

    public DayAssignment move(long userId, long tripId, long assignmentId, long oldDayId, long newDayId, int orderIndex) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        DayAssignment a = access.ownedAssignment(assignmentId, tripId);
        if (a.getDayId() != oldDayId) {
            throw new TripException("The assignment is not on day " + oldDayId + ".");
        }
        access.owned(TripDay.class, newDayId, tripId, "Day");
        List<DayAssignment> target = dayAssignments(newDayId);
        target.removeIf(x -> x.getId().equals(a.getId()));
        int at = Math.min(Math.max(orderIndex, 0), target.size());
        target.add(at, a);
        a.setDayId(newDayId);
        for (int i = 0; i < target.size(); i++) {
            target.get(i).setOrderIndex(i);
        }
        return a;
    }

    /**
     * A trip member named in a list (visit participants, category assignees, bag members), in the original's form
     * {@code {user_id, username, avatar}} (no avatars here: null).
     */
    public record Participant(long userId, String username) {
        public jakarta.json.JsonObjectBuilder toJson() {
            return org.trek.platform.JsonFactory.createObjectBuilder().add("user_id", userId).add("username", username).addNull("avatar");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Participant> participants(long userId, long tripId, long assignmentId) {
        access.access(userId, tripId);
        access.ownedAssignment(assignmentId, tripId);
        return participantsOf(assignmentId);
    }

    private List<Participant> participantsOf(long assignmentId) {
        return participantsOf(List.of(assignmentId)).getOrDefault(assignmentId, List.of());
    }

    /** Assignment id → its participants by name, one query for any number of assignments (no access check). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Participant>> participantsOf(java.util.Collection<Long> assignmentIds) {
        Map<Long, List<Participant>> out = new java.util.HashMap<>();
        if (assignmentIds.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("SELECT ap.assignmentId, ap.userId, u.username FROM AssignmentParticipant ap, User u "
                + "WHERE u.id = ap.userId AND ap.assignmentId IN :a ORDER BY u.username", Object[].class)
                .setParameter("a", assignmentIds).getResultList()) {
            out.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new Participant((Long) r[1], (String) r[2]));
        }
        return out;
    }

    /** Replaces the participants; every user id must be a member of the trip (no user enumeration). */
    public List<Participant> setParticipants(long userId, long tripId, long assignmentId, List<Long> userIds) {
        TripAccess.TripContext ctx = access.forChange(userId, tripId, Permission.PLACE_EDIT);
        access.ownedAssignment(assignmentId, tripId);
        List<Long> ids = access.requireParticipants(ctx.trip(), userIds);
        em.createQuery("DELETE FROM AssignmentParticipant ap WHERE ap.assignmentId = :a").setParameter("a", assignmentId).executeUpdate();
        for (Long id : ids) {
            AssignmentParticipant ap = new AssignmentParticipant();
            ap.setAssignmentId(assignmentId);
            ap.setUserId(id);
            em.persist(ap);
        }
        em.flush();
        return participantsOf(assignmentId);
    }

    /** Sets the order of a day's assignments: the ids must be exactly that day's assignments. */
    public List<Long> reorder(long userId, long tripId, long dayId, List<Long> assignmentIds) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        access.owned(TripDay.class, dayId, tripId, "Day");
        Map<Long, DayAssignment> byId = new LinkedHashMap<>();
        for (DayAssignment a : dayAssignments(dayId)) {
            byId.put(a.getId(), a);
        }
        if (!byId.keySet().equals(Set.copyOf(assignmentIds)) || assignmentIds.size() != byId.size()) {
            throw new TripException("assignmentIds must list every assignment of the day exactly once.");
        }
        for (int i = 0; i < assignmentIds.size(); i++) {
            byId.get(assignmentIds.get(i)).setOrderIndex(i);
        }
        return assignmentIds;
    }

    List<DayAssignment> dayAssignments(long dayId) {
        return new ArrayList<>(em.createQuery("SELECT a FROM DayAssignment a WHERE a.dayId = :d ORDER BY a.orderIndex, a.id",
                DayAssignment.class).setParameter("d", dayId).getResultList());
    }

    // --- tags (they belong to the user) ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Tag> tags(long userId) {
        return em.createQuery("SELECT t FROM Tag t WHERE t.userId = :u ORDER BY t.name", Tag.class).setParameter("u", userId).getResultList();
    }

    public Tag createTag(long userId, String name, String color) {
        Tag t = new Tag();
        t.setUserId(userId);
        t.setName(tagName(name));
        t.setColor(color == null ? "#10b981" : color(color));
        t.setCreatedAt(clock.now());
        em.persist(t);
        em.flush();
        return t;
    }

    public Tag updateTag(long userId, long tagId, String name, String color) {
        Tag t = ownTag(userId, tagId);
        if (name != null) {
            t.setName(tagName(name));
        }
        if (color != null) {
            t.setColor(color(color));
        }
        return t;
    }

    public void deleteTag(long userId, long tagId) {
        em.remove(ownTag(userId, tagId));
    }

    private Tag ownTag(long userId, long tagId) {
        Tag t = em.find(Tag.class, tagId);
        if (t == null || t.getUserId() != userId) {
            throw TripException.notFound("Tag");
        }
        return t;
    }

    private static String tagName(String name) {
        return TripService.requireText("name", name, 100);
    }

    static String color(String c) {
        if (!c.matches("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")) {
            throw new TripException("color must be a hex colour like #10b981.");
        }
        return c.toLowerCase(Locale.ROOT);
    }

    static Place copyOf(Place p, long tripId, Instant now) {
        Place c = new Place();
        c.setTripId(tripId);
        c.setName(p.getName());
        c.setDescription(p.getDescription());
        c.setLat(p.getLat());
        c.setLng(p.getLng());
        c.setAddress(p.getAddress());
        c.setCategoryId(p.getCategoryId());
        c.setPrice(p.getPrice());
        c.setCurrency(p.getCurrency());
        c.setPlaceTime(p.getPlaceTime());
        c.setEndTime(p.getEndTime());
        c.setDurationMinutes(p.getDurationMinutes());
        c.setNotes(p.getNotes());
        c.setGooglePlaceId(p.getGooglePlaceId());
        c.setOsmId(p.getOsmId());
        c.setWebsite(p.getWebsite());
        c.setPhone(p.getPhone());
        c.setTransportMode(p.getTransportMode());
        c.setCreatedAt(now);
        c.setUpdatedAt(now);
        return c;
    }

    /**
     * Applies the same fields to several places of the trip (bulk_update_places). Everything is checked before the
     * first place changes: every id must belong to the trip ("Place 12 not found.") and the fields must be valid;
     * then all places change in this one transaction, or none does. Returns the places in the order given.
     */
    public List<Place> bulkUpdate(long userId, long tripId, List<Long> placeIds, PlaceFields f) {
        access.forChange(userId, tripId, Permission.PLACE_EDIT);
        List<Place> targets = new ArrayList<>();
        for (Long id : placeIds) {
            targets.add(access.owned(Place.class, id, tripId, "Place " + id));
        }
        if (f.categoryId().value() != null && em.find(Category.class, f.categoryId().value()) == null) {
            throw TripException.notFound("Category");
        }
        if (f.transportMode() != null && !TRANSPORT_MODES.contains(f.transportMode())) {
            throw new TripException("transport_mode must be one of walking, driving, cycling, transit, flight.");
        }
        if (f.currency() != null && !f.currency().matches("[A-Za-z]{3}")) {
            throw new TripException("currency must be a 3-letter ISO 4217 code.");
        }
        if (f.price().value() != null && f.price().value().signum() < 0) {
            throw new TripException("price must not be negative.");
        }
        Instant now = clock.now();
        for (Place p : targets) {
            apply(p, f, false);
            p.setUpdatedAt(now);
        }
        em.flush();
        return targets;
    }
}
