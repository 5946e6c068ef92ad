package org.trek.trips;

import org.trek.platform.JsonFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.platform.Clock;
import org.trek.platform.db.Sql;
import org.trek.platform.SecureRandoms;
import org.trek.platform.Jsons;
import org.trek.trips.events.TripMemberAdded;

/** Trips, their members, their generated days, copies and share links. Every method checks access itself. */
@ApplicationScoped
@Transactional
public class TripService {
    /** Trips created through MCP get at most this many generated days. */
    public static final int MAX_GENERATED_DAYS = 90;
    /** Days generated for a trip without dates. */
    public static final int DATELESS_DAYS = 7;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    TripChanges changes;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<TripMemberAdded> memberAdded;

    /** One page of a list plus the cursor of the next page (null when there is none). */
    public record Page<T>(List<T> items, String nextCursor) {
        /** From a query run with maxResults limit + 1: the extra row only tells that there is a next page. */
        public static <T> Page<T> of(List<T> rows, int limit, int offset) {
            return rows.size() > limit ? new Page<>(rows.subList(0, limit), String.valueOf(offset + limit)) : new Page<>(rows, null);
        }
    }

    /** Fields of create/update; null means "not given". */
    public record TripFields(String title, String description, String startDate, String endDate, String currency) {
    }

    static final String LIST_COLUMNS = "t.id, t.user_id, t.title, t.description, t.start_date, t.end_date, t.currency, "
            + "t.is_archived, t.reminder_days, t.created_at, t.updated_at";

    /**
     * The trip columns with the original's listing figures ({@link Trip.Listing}); the caller's id is the first
     * parameter (is_owner). Counted per trip by indexed sub-queries, so a page stays one statement.
     */
    static final String LISTING_COLUMNS = LIST_COLUMNS
            + ", (SELECT COUNT(*) FROM trip_days d WHERE d.trip_id = t.id) AS day_count"
            + ", (SELECT COUNT(*) FROM places p WHERE p.trip_id = t.id) AS place_count"
            + ", CASE WHEN t.user_id = ? THEN 1 ELSE 0 END AS is_owner"
            + ", (SELECT u.username FROM users u WHERE u.id = t.user_id) AS owner_username"
            + ", (SELECT COUNT(*) FROM trip_members sm WHERE sm.trip_id = t.id) AS shared_count";

    @Inject
    Sql sql;

    /** The trips the user owns or is a member of, newest first: one plain query (list_trips is the busiest read). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Trip> list(long userId, boolean includeArchived, int limit, int offset) {
        List<Trip> rows = sql.list("SELECT " + LISTING_COLUMNS + " FROM trips t WHERE (t.user_id = ? OR t.id IN "
                        + "(SELECT m.trip_id FROM trip_members m WHERE m.user_id = ?))"
                        + (includeArchived ? "" : " AND t.is_archived = FALSE")
                        + " ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?",
                Trip::listedOfRow, userId, userId, userId, limit + 1, offset);
        return Page.of(rows, limit, offset);
    }

    /**
     * One trip as list_trips shows it (with its listing figures), for the answers of create_trip and update_trip.
     * A plain read: inside the caller's transaction it sees what was flushed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Trip listed(long userId, long tripId) {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return sql.list("SELECT " + LISTING_COLUMNS + " FROM trips t WHERE t.id = ?", Trip::listedOfRow, userId, tripId)
                .stream().findFirst().orElseThrow(() -> new TripException(TripException.NO_ACCESS));
    }

    public Trip create(long userId, TripFields f) {
        access.requireGlobal(userId, Permission.TRIP_CREATE);
        String title = requireTitle(f.title());
        LocalDate start = parseDate("start_date", f.startDate());
        LocalDate end = parseDate("end_date", f.endDate());
        checkRange(start, end);
        Instant now = clock.now();
        Trip trip = new Trip();
        trip.setUserId(userId);
        trip.setTitle(title);
        trip.setDescription(trimToNull(f.description()));
        trip.setStartDate(start == null ? null : start.toString());
        trip.setEndDate(end == null ? (start == null ? null : start.toString()) : end.toString());
        trip.setCurrency(f.currency() == null ? "EUR" : currency(f.currency()));
        trip.setReminderDays(3);
        trip.setCreatedAt(now);
        trip.setUpdatedAt(now);
        em.persist(trip);
        em.flush();
        changes.changed(trip.getId());
        List<String> dates = dates(start, end == null ? start : end);
        int count = dates.isEmpty() ? DATELESS_DAYS : dates.size();
        for (int i = 0; i < count; i++) {
            em.persist(newDay(trip.getId(), i + 1, dates.isEmpty() ? null : dates.get(i)));
        }
        return trip;
    }

    public Trip update(long userId, long tripId, TripFields f) {
        Trip trip = access.forChange(userId, tripId, Permission.TRIP_EDIT).trip();
        if (f.title() != null) {
            trip.setTitle(requireTitle(f.title()));
        }
        if (f.description() != null) {
            trip.setDescription(trimToNull(f.description()));
        }
        if (f.currency() != null) {
            trip.setCurrency(currency(f.currency()));
        }
        if (f.startDate() != null || f.endDate() != null) {
            LocalDate start = f.startDate() != null ? parseDate("start_date", f.startDate()) : parseDate("start_date", trip.getStartDate());
            LocalDate end = f.endDate() != null ? parseDate("end_date", f.endDate()) : parseDate("end_date", trip.getEndDate());
            if (start == null && end != null) {
                start = end;
            }
            if (end == null) {
                end = start;
            }
            checkRange(start, end);
            trip.setStartDate(start.toString());
            trip.setEndDate(end.toString());
            redate(trip, dates(start, end));
        }
        trip.setUpdatedAt(clock.now());
        return trip;
    }

    /**
     * Gives the existing days the new dates in order and adds days that are missing. Surplus days go only when they
     * are empty: a day that holds planned places, notes, a stay or a booking stays, without a date, so that
     * re-dating a trip never deletes what was planned on it (delete_day does that, on purpose).
     */
    private void redate(Trip trip, List<String> dates) {
        List<TripDay> days = days(trip.getId());
        int i = 0;
        for (; i < dates.size(); i++) {
            if (i < days.size()) {
                days.get(i).setDate(dates.get(i));
            } else {
                em.persist(newDay(trip.getId(), nextDayNumber(days) + (i - days.size()), dates.get(i)));
            }
        }
        if (i >= days.size()) {
            return;
        }
        List<TripDay> surplus = days.subList(i, days.size());
        Set<Long> used = daysWithContent(surplus.stream().map(TripDay::getId).toList());
        for (TripDay d : surplus) {
            if (used.contains(d.getId())) {
                d.setDate(null);
            } else {
                em.remove(d);
            }
        }
    }

    /** Which of these days something is planned on (four indexed reads, whatever the number of days). */
    private Set<Long> daysWithContent(List<Long> dayIds) {
        Set<Long> used = new HashSet<>();
        used.addAll(em.createQuery("SELECT DISTINCT a.dayId FROM DayAssignment a WHERE a.dayId IN :d", Long.class)
                .setParameter("d", dayIds).getResultList());
        used.addAll(em.createQuery("SELECT DISTINCT n.dayId FROM DayNote n WHERE n.dayId IN :d", Long.class)
                .setParameter("d", dayIds).getResultList());
        for (Object[] r : em.createQuery("SELECT a.startDayId, a.endDayId FROM Accommodation a "
                + "WHERE a.startDayId IN :d OR a.endDayId IN :d", Object[].class).setParameter("d", dayIds).getResultList()) {
            used.add((Long) r[0]);
            used.add((Long) r[1]);
        }
        for (Object[] r : em.createQuery("SELECT r.dayId, r.endDayId FROM Reservation r "
                + "WHERE r.dayId IN :d OR r.endDayId IN :d", Object[].class).setParameter("d", dayIds).getResultList()) {
            used.add((Long) r[0]);
            used.add((Long) r[1]);
        }
        return used;
    }

    private static int nextDayNumber(List<TripDay> days) {
        return days.stream().mapToInt(TripDay::getDayNumber).max().orElse(0) + 1;
    }

    public void delete(long userId, long tripId) {
        Trip trip = access.forChange(userId, tripId, Permission.TRIP_DELETE).trip();
        em.remove(trip);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TripDay> days(long tripId) {
        return em.createQuery("SELECT d FROM TripDay d WHERE d.tripId = :t ORDER BY d.dayNumber", TripDay.class)
                .setParameter("t", tripId).getResultList();
    }

    /**
     * A trip member (or the owner) as shown to callers, in the original's form: {@code id} is the user's id (what
     * remove_trip_member's memberId and every userIds take), with e-mail, role and the avatar fields (none here: null).
     * {@code user_id} (the same id) and {@code added_at} are ours, kept for clients of earlier versions.
     */
    public record MemberView(long userId, String username, String email, String role, Instant addedAt) {
        public jakarta.json.JsonObjectBuilder toJson() {
            jakarta.json.JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", userId).add("username", username);
            Jsons.put(b, "email", email);
            b.addNull("avatar").add("role", role).addNull("avatar_url").add("user_id", userId);
            return Jsons.put(b, "added_at", addedAt == null ? null : addedAt.toString());
        }
    }

    /** Owner first, then members by join time. One query for the members and their names. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberView> members(long userId, long tripId) {
        Trip trip = access.access(userId, tripId).trip();
        return members(trip);
    }

    /**
     * One plain read (a read path: in a transaction it sees what was flushed): the owner's name (row k = 0) and the
     * members with theirs, by join time.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberView> members(Trip trip) {
        List<MemberView> out = new ArrayList<>(sql.list("SELECT 0 AS k, u.id AS user_id, u.username AS username, u.email AS email, "
                        + "0 AS added_at, 0 AS id FROM users u WHERE u.id = ? UNION ALL SELECT 1, m.user_id, u.username, u.email, "
                        + "m.added_at, m.id FROM trip_members m JOIN users u ON u.id = m.user_id WHERE m.trip_id = ? ORDER BY k, added_at, id",
                rs -> rs.getInt("k") == 0
                        ? new MemberView(rs.getLong("user_id"), rs.getString("username"), rs.getString("email"), "owner", trip.getCreatedAt())
                        : new MemberView(rs.getLong("user_id"), rs.getString("username"), rs.getString("email"), "member",
                                Sql.instant(rs, "added_at")),
                trip.getUserId(), trip.getId()));
        if (out.isEmpty() || !"owner".equals(out.get(0).role())) {
            out.add(0, new MemberView(trip.getUserId(), "?", null, "owner", trip.getCreatedAt()));
        }
        return out;
    }

    public MemberView addMember(long userId, long tripId, String identifier) {
        Trip trip = access.forChange(userId, tripId, Permission.MEMBER_MANAGE).trip();
        // The same answer for "no such user" and "disabled user": this must not probe accounts.
        User user = users.findByLogin(identifier).filter(u -> !u.isDisabled())
                .orElseThrow(() -> new TripException("User not found."));
        if (user.getId().equals(trip.getUserId())) {
            throw new TripException("The trip owner is already part of the trip.");
        }
        if (access.participants(trip).contains(user.getId())) {
            throw new TripException("User is already a member of this trip.");
        }
        TripMember m = new TripMember();
        m.setTripId(tripId);
        m.setUserId(user.getId());
        m.setInvitedBy(userId);
        m.setAddedAt(clock.now());
        em.persist(m);
        changes.joined(user.getId());
        memberAdded.fire(new TripMemberAdded(tripId, trip.getTitle(), userId, user.getId()));
        return new MemberView(user.getId(), user.getUsername(), user.getEmail(), "member", m.getAddedAt());
    }

    public void removeMember(long userId, long tripId, long memberUserId) {
        access.forChange(userId, tripId, Permission.MEMBER_MANAGE);
        int removed = em.createQuery("DELETE FROM TripMember m WHERE m.tripId = :t AND m.userId = :u")
                .setParameter("t", tripId).setParameter("u", memberUserId).executeUpdate();
        if (removed == 0) {
            throw TripException.notFound("Member");
        }
        // Who is no longer part of the trip is no longer part of its plans: participants, bags, packing and to-do
        // assignments. Budget splits stay: they record money that was owed or paid.
        for (String sql : List.of(
                "DELETE FROM assignment_participants WHERE user_id = ?1 AND assignment_id IN (SELECT a.id FROM "
                        + "day_assignments a JOIN trip_days d ON d.id = a.day_id WHERE d.trip_id = ?2)",
                "DELETE FROM packing_bag_members WHERE user_id = ?1 AND bag_id IN (SELECT b.id FROM packing_bags b "
                        + "WHERE b.trip_id = ?2)",
                "DELETE FROM packing_category_assignees WHERE user_id = ?1 AND trip_id = ?2",
                "DELETE FROM todo_category_assignees WHERE user_id = ?1 AND trip_id = ?2",
                "UPDATE todo_items SET assigned_user_id = NULL WHERE assigned_user_id = ?1 AND trip_id = ?2")) {
            em.createNativeQuery(sql).setParameter(1, memberUserId).setParameter(2, tripId).executeUpdate();
        }
    }

    /**
     * Copies a trip the caller can access into a new trip they own: days, places, assignments, notes,
     * accommodations, reservations, budget and packing (unchecked). Members, share links and to-dos are not copied.
     */
    public Trip copy(long userId, long tripId, String title) {
        Trip src = access.access(userId, tripId).trip();
        access.requireGlobal(userId, Permission.TRIP_CREATE);
        Instant now = clock.now();
        Trip t = new Trip();
        t.setUserId(userId);
        t.setTitle(title == null ? truncate("Copy of " + src.getTitle(), 200) : requireTitle(title));
        t.setDescription(src.getDescription());
        t.setStartDate(src.getStartDate());
        t.setEndDate(src.getEndDate());
        t.setCurrency(src.getCurrency());
        t.setReminderDays(src.getReminderDays());
        t.setCreatedAt(now);
        t.setUpdatedAt(now);
        em.persist(t);
        em.flush();
        long nt = t.getId();
        changes.changed(nt);
        Map<Long, Long> dayMap = new HashMap<>();
        for (TripDay d : days(tripId)) {
            TripDay c = newDay(nt, d.getDayNumber(), d.getDate());
            c.setTitle(d.getTitle());
            c.setNotes(d.getNotes());
            em.persist(c);
            em.flush();
            dayMap.put(d.getId(), c.getId());
        }
        Map<Long, Long> placeMap = new HashMap<>();
        for (Place p : em.createQuery("SELECT p FROM Place p WHERE p.tripId = :t ORDER BY p.id", Place.class).setParameter("t", tripId).getResultList()) {
            Place c = PlaceService.copyOf(p, nt, now);
            em.persist(c);
            em.flush();
            placeMap.put(p.getId(), c.getId());
        }
        Map<Long, Long> assignmentMap = new HashMap<>();
        for (DayAssignment a : em.createQuery("SELECT a FROM DayAssignment a, TripDay d WHERE a.dayId = d.id AND d.tripId = :t ORDER BY a.id",
                DayAssignment.class).setParameter("t", tripId).getResultList()) {
            DayAssignment c = new DayAssignment();
            c.setDayId(dayMap.get(a.getDayId()));
            c.setPlaceId(placeMap.get(a.getPlaceId()));
            c.setOrderIndex(a.getOrderIndex());
            c.setNotes(a.getNotes());
            c.setTime(a.getTime());
            c.setEndTime(a.getEndTime());
            c.setCreatedAt(now);
            em.persist(c);
            em.flush();
            assignmentMap.put(a.getId(), c.getId());
        }
        for (DayNote n : em.createQuery("SELECT n FROM DayNote n WHERE n.tripId = :t", DayNote.class).setParameter("t", tripId).getResultList()) {
            DayNote c = new DayNote();
            c.setTripId(nt);
            c.setDayId(dayMap.get(n.getDayId()));
            c.setText(n.getText());
            c.setTime(n.getTime());
            c.setIcon(n.getIcon());
            c.setSortOrder(n.getSortOrder());
            c.setCreatedAt(now);
            em.persist(c);
        }
        Map<Long, Long> accMap = new HashMap<>();
        for (Accommodation a : em.createQuery("SELECT a FROM Accommodation a WHERE a.tripId = :t", Accommodation.class).setParameter("t", tripId).getResultList()) {
            Accommodation c = new Accommodation();
            c.setTripId(nt);
            c.setPlaceId(a.getPlaceId() == null ? null : placeMap.get(a.getPlaceId()));
            c.setStartDayId(dayMap.get(a.getStartDayId()));
            c.setEndDayId(dayMap.get(a.getEndDayId()));
            c.setCheckIn(a.getCheckIn());
            c.setCheckInEnd(a.getCheckInEnd());
            c.setCheckOut(a.getCheckOut());
            c.setConfirmation(a.getConfirmation());
            c.setNotes(a.getNotes());
            c.setCreatedAt(now);
            em.persist(c);
            em.flush();
            accMap.put(a.getId(), c.getId());
        }
        // Per-day positions of all the trip's bookings, read once (reservation id → [day id, position] rows).
        Map<Long, List<Object[]>> positionsByReservation = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> positionRows = em.createNativeQuery("SELECT p.reservation_id, p.day_id, p.sort_position FROM "
                + "reservation_day_positions p JOIN reservations r ON r.id = p.reservation_id WHERE r.trip_id = ?1")
                .setParameter(1, tripId).getResultList();
        for (Object[] row : positionRows) {
            positionsByReservation.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(row);
        }
        for (Reservation r : em.createQuery("SELECT r FROM Reservation r WHERE r.tripId = :t", Reservation.class).setParameter("t", tripId).getResultList()) {
            Reservation c = new Reservation();
            c.setTripId(nt);
            c.setDayId(r.getDayId() == null ? null : dayMap.get(r.getDayId()));
            c.setEndDayId(r.getEndDayId() == null ? null : dayMap.get(r.getEndDayId()));
            c.setPlaceId(r.getPlaceId() == null ? null : placeMap.get(r.getPlaceId()));
            c.setAssignmentId(r.getAssignmentId() == null ? null : assignmentMap.get(r.getAssignmentId()));
            c.setAccommodationId(r.getAccommodationId() == null ? null : accMap.get(r.getAccommodationId()));
            c.setTitle(r.getTitle());
            c.setType(r.getType());
            c.setStatus(r.getStatus());
            c.setTime(r.getTime());
            c.setEndTime(r.getEndTime());
            c.setLocation(r.getLocation());
            c.setConfirmationNumber(r.getConfirmationNumber());
            c.setNotes(r.getNotes());
            c.setMetadata(r.getMetadata());
            c.setDayPlanPosition(r.getDayPlanPosition());
            c.setNeedsReview(r.isNeedsReview());
            c.setCreatedAt(now);
            em.persist(c);
            em.flush();
            // a transport's stops, and the booking's per-day positions (on the copied days)
            em.createNativeQuery("INSERT INTO reservation_endpoints (reservation_id, endpoint_role, seq, name, code, lat, "
                            + "lng, timezone, local_time, local_date, created_at) SELECT ?1, endpoint_role, seq, name, code, "
                            + "lat, lng, timezone, local_time, local_date, ?2 FROM reservation_endpoints WHERE reservation_id = ?3")
                    .setParameter(1, c.getId()).setParameter(2, now.toEpochMilli()).setParameter(3, r.getId()).executeUpdate();
            for (Object[] pos : positionsByReservation.getOrDefault(r.getId(), List.of())) {
                Long day = dayMap.get(((Number) pos[1]).longValue());
                if (day != null) {
                    em.createNativeQuery("INSERT INTO reservation_day_positions (reservation_id, day_id, sort_position) "
                                    + "VALUES (?1, ?2, ?3)").setParameter(1, c.getId()).setParameter(2, day)
                            .setParameter(3, ((Number) pos[2]).doubleValue()).executeUpdate();
                }
            }
        }
        for (BudgetItem b : em.createQuery("SELECT b FROM BudgetItem b WHERE b.tripId = :t", BudgetItem.class).setParameter("t", tripId).getResultList()) {
            BudgetItem c = new BudgetItem();
            c.setTripId(nt);
            c.setCategory(b.getCategory());
            c.setName(b.getName());
            c.setTotalPrice(b.getTotalPrice());
            c.setPersons(b.getPersons());
            c.setDays(b.getDays());
            c.setNote(b.getNote());
            c.setSortOrder(b.getSortOrder());
            c.setExpenseDate(b.getExpenseDate());
            c.setCreatedAt(now);
            em.persist(c);
        }
        for (PackingItem p : em.createQuery("SELECT p FROM PackingItem p WHERE p.tripId = :t", PackingItem.class).setParameter("t", tripId).getResultList()) {
            PackingItem c = new PackingItem();
            c.setTripId(nt);
            c.setName(p.getName());
            c.setCategory(p.getCategory());
            c.setSortOrder(p.getSortOrder());
            c.setWeightGrams(p.getWeightGrams());
            c.setQuantity(p.getQuantity());
            c.setChecked(false);
            c.setCreatedAt(now);
            em.persist(c);
        }
        return t;
    }

    /** The share link of a trip, if any. The token itself is never stored, so it cannot be shown again. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ShareToken shareLink(long userId, long tripId) {
        access.require(userId, tripId, Permission.SHARE_MANAGE);
        return findShare(tripId);
    }

    private ShareToken findShare(long tripId) {
        return em.createQuery("SELECT s FROM ShareToken s WHERE s.tripId = :t", ShareToken.class)
                .setParameter("t", tripId).getResultStream().findFirst().orElse(null);
    }

    /** The flags of a share link. */
    public record ShareFlags(boolean map, boolean bookings, boolean packing, boolean budget, boolean collab) {
    }

    /** A created or updated share link; token is the plain token when newly created, otherwise null. */
    public record ShareResult(ShareToken link, String token, boolean created) {
    }

    public ShareResult createOrUpdateShare(long userId, long tripId, ShareFlags flags) {
        access.forChange(userId, tripId, Permission.SHARE_MANAGE);
        ShareToken existing = findShare(tripId);
        String token = null;
        boolean created = existing == null;
        if (created) {
            token = SecureRandoms.token(256);
            existing = new ShareToken();
            existing.setTripId(tripId);
            existing.setTokenHash(SecureRandoms.sha256Hex(token));
            existing.setTokenHint(token.substring(0, 6));
            existing.setCreatedBy(userId);
            existing.setCreatedAt(clock.now());
        }
        existing.setShareMap(flags.map());
        existing.setShareBookings(flags.bookings());
        existing.setSharePacking(flags.packing());
        existing.setShareBudget(flags.budget());
        existing.setShareCollab(flags.collab());
        if (created) {
            em.persist(existing);
        }
        return new ShareResult(existing, token, created);
    }

    public void deleteShare(long userId, long tripId) {
        access.forChange(userId, tripId, Permission.SHARE_MANAGE);
        int n = em.createQuery("DELETE FROM ShareToken s WHERE s.tripId = :t").setParameter("t", tripId).executeUpdate();
        if (n == 0) {
            throw TripException.notFound("Share link");
        }
    }

    // --- helpers shared with other services ---

    static TripDay newDay(long tripId, int number, String date) {
        TripDay d = new TripDay();
        d.setTripId(tripId);
        d.setDayNumber(number);
        d.setDate(date);
        return d;
    }

    /** Dates from start to end inclusive, capped at MAX_GENERATED_DAYS; empty when there are no dates. */
    static List<String> dates(LocalDate start, LocalDate end) {
        List<String> out = new ArrayList<>();
        if (start == null) {
            return out;
        }
        long span = ChronoUnit.DAYS.between(start, end) + 1;
        for (int i = 0; i < Math.min(span, MAX_GENERATED_DAYS); i++) {
            out.add(start.plusDays(i).toString());
        }
        return out;
    }

    /** A real calendar date in YYYY-MM-DD, or null when absent. */
    public static LocalDate parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new TripException(field + " must be a date in YYYY-MM-DD form.");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TripException(field + " is not a real calendar date.");
        }
    }

    private static void checkRange(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new TripException("end_date must not be before start_date.");
        }
    }

    static String requireTitle(String title) {
        return requireText("title", title, 200);
    }

    /** A required text field, trimmed: 1 to max characters, or a TripException naming the field. */
    static String requireText(String field, String value, int max) {
        String t = value == null ? "" : value.trim();
        if (t.isEmpty() || t.length() > max) {
            throw new TripException(field + " must be 1 to " + max + " characters.");
        }
        return t;
    }

    private static String currency(String c) {
        String up = c.trim().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(up).matches()) {
            throw new TripException("currency must be a three-letter ISO 4217 code.");
        }
        return up;
    }

    static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
