package org.trek.journey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.Clock;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.Patch;
import org.trek.platform.SecureRandoms;
import org.trek.platform.db.DataSourceConfig;
import org.trek.platform.db.Sql;
import org.trek.trips.TripAccess;

/**
 * Journeys: a travel journal of entries, shared with contributors, optionally built on trips. Who may do what:
 *
 * <ul>
 *   <li>any contributor (owner, editor, viewer) reads the journey, its entries and contributors, and sets their own
 *   preferences; anyone else is told the journey does not exist ({@link JourneyException#NO_ACCESS});</li>
 *   <li>the owner and editors write entries and link trips; a trip can only be linked by someone who can open it
 *   ({@link TripAccess}), because linking copies its planned places into the journey (reference §9.1 4);</li>
 *   <li>only the owner changes or deletes the journey, unlinks trips, manages contributors and the public link, and
 *   reads the link's token (the original handed any journey's token out, §9.1 4).</li>
 * </ul>
 *
 * Plain prepared statements; every read is a fixed number of queries whatever the size, and every write runs in one
 * transaction. Changes announce {@code trek://journeys} and everything under {@code trek://journeys/{id}} to the
 * journey's contributors' resource subscriptions.
 */
@ApplicationScoped
@Transactional
public class JourneyService {
    public static final String JOURNEYS = "trek://journeys";
    /** Bits of randomness in a share token (43 URL-safe characters), as the trips' share links. */
    public static final int SHARE_TOKEN_BITS = 256;
    /** At most this many trips in one create_journey. */
    public static final int MAX_TRIPS_PER_CALL = 50;
    public static final int MAX_STORY = 10_000;

    @Inject
    Sql sql;

    @jakarta.annotation.Resource(lookup = DataSourceConfig.JNDI_NAME)
    javax.sql.DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    TripAccess trips;

    @Inject
    Event<ResourceChanged> changed;

    public static String journeyUri(long journeyId) {
        return JOURNEYS + "/" + journeyId;
    }

    // ---------------------------------------------------------------- access

    /** A journey the caller contributes to, with their role and preference. */
    public record Access(Journey journey, JourneyRole role, boolean hideSkeletons) {
        public long journeyId() {
            return journey.id();
        }
    }

    /** The caller's access to a journey: one query; a journey they do not contribute to does not exist for them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Access access(long userId, long journeyId) {
        List<Access> rows = journeyId <= 0 ? List.of() : sql.list("SELECT " + Journey.COLUMNS + ", c.role, c.hide_skeletons "
                + "FROM journeys j LEFT JOIN journey_contributors c ON c.journey_id = j.id AND c.user_id = ? WHERE j.id = ?",
                rs -> {
                    Journey j = Journey.ofRow(rs);
                    String role = rs.getString("role");
                    JourneyRole r = j.userId() == userId ? JourneyRole.OWNER : role == null ? null : JourneyRole.of(role).orElse(null);
                    return r == null ? null : new Access(j, r, rs.getBoolean("hide_skeletons"));
                }, userId, journeyId);
        if (rows.isEmpty() || rows.get(0) == null) {
            throw JourneyException.noAccess();
        }
        return rows.get(0);
    }

    /** Whether the user contributes to the journey now (resource subscriptions ask before every update). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canRead(long userId, long journeyId) {
        return !sql.list("SELECT 1 FROM journeys j WHERE j.id = ? AND (j.user_id = ? OR EXISTS (SELECT 1 FROM journey_contributors c "
                + "WHERE c.journey_id = j.id AND c.user_id = ?))", rs -> 1, journeyId, userId, userId).isEmpty();
    }

    private Access editor(long userId, long journeyId) {
        Access a = access(userId, journeyId);
        if (!a.role().canEdit()) {
            throw new JourneyException(JourneyException.EDITORS_ONLY);
        }
        return a;
    }

    private Access owner(long userId, long journeyId) {
        Access a = access(userId, journeyId);
        if (a.role() != JourneyRole.OWNER) {
            throw new JourneyException(JourneyException.OWNER_ONLY);
        }
        return a;
    }

    // ---------------------------------------------------------------- journeys

    /** The caller's journeys (owned or contributed to), most recently changed first, with their counts: one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JsonObjectBuilder> list(long userId) {
        return sql.list("SELECT " + Journey.COLUMNS
                + ", (SELECT COUNT(*) FROM journey_entries e WHERE e.journey_id = j.id AND e.entry_type <> 'skeleton') AS entry_count"
                + ", (SELECT COUNT(DISTINCT e.location_name) FROM journey_entries e WHERE e.journey_id = j.id "
                + "AND e.location_name IS NOT NULL AND e.location_name <> '') AS place_count"
                + ", (SELECT MIN(t.start_date) FROM journey_trips jt JOIN trips t ON t.id = jt.trip_id WHERE jt.journey_id = j.id) AS trip_date_min"
                + ", (SELECT MAX(t.end_date) FROM journey_trips jt JOIN trips t ON t.id = jt.trip_id WHERE jt.journey_id = j.id) AS trip_date_max"
                + " FROM journeys j WHERE j.user_id = ? OR EXISTS (SELECT 1 FROM journey_contributors c WHERE c.journey_id = j.id "
                + "AND c.user_id = ?) ORDER BY j.updated_at DESC, j.id DESC",
                rs -> {
                    JsonObjectBuilder b = Journey.ofRow(rs).toJsonBuilder().add("entry_count", rs.getInt("entry_count"))
                            .add("photo_count", 0).add("place_count", rs.getInt("place_count"));
                    Jsons.put(b, "trip_date_min", rs.getString("trip_date_min"));
                    return Jsons.put(b, "trip_date_max", rs.getString("trip_date_max"));
                }, userId, userId);
    }

    /**
     * The whole journey as the caller sees it: its row, entries, gallery (empty: no photos here), linked trips,
     * contributors, stats, the caller's hide_skeletons and role. Four queries.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonObjectBuilder full(long userId, long journeyId) {
        Access a = access(userId, journeyId);
        List<JourneyEntry> entries = entries(journeyId);
        Set<String> places = new HashSet<>();
        int written = 0;
        for (JourneyEntry e : entries) {
            if (JourneyEntry.ENTRY.equals(e.type())) {
                written++;
            }
            if (e.locationName() != null && !e.locationName().isEmpty()) {
                places.add(e.locationName());
            }
        }
        return a.journey().toJsonBuilder()
                .add("entries", Jsons.array(entries, JourneyEntry::toJsonBuilder))
                .add("gallery", JsonFactory.createArrayBuilder())
                .add("trips", Jsons.array(linkedTrips(journeyId), b -> b))
                .add("contributors", Jsons.array(contributors(journeyId), b -> b))
                .add("stats", JsonFactory.createObjectBuilder().add("entries", written).add("photos", 0).add("places", places.size()))
                .add("hide_skeletons", a.hideSkeletons())
                .add("my_role", a.role().wire());
    }

    /** The journey's contributors (the owner first, then by the time they were added) with name and avatar. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JsonObjectBuilder> contributors(long userId, long journeyId) {
        access(userId, journeyId);
        return contributors(journeyId);
    }

    private List<JsonObjectBuilder> contributors(long journeyId) {
        return sql.list("SELECT c.journey_id, c.user_id, c.role, c.added_at, u.username FROM journey_contributors c "
                + "JOIN users u ON u.id = c.user_id WHERE c.journey_id = ? ORDER BY c.added_at, c.user_id", rs -> {
                    JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("journey_id", rs.getLong("journey_id"))
                            .add("user_id", rs.getLong("user_id")).add("role", rs.getString("role"))
                            .add("added_at", Journey.iso(rs.getLong("added_at"))).add("username", rs.getString("username"));
                    return b.addNull("avatar").addNull("avatar_url");
                }, journeyId);
    }

    private List<JsonObjectBuilder> linkedTrips(long journeyId) {
        return sql.list("SELECT jt.trip_id, jt.added_at, t.title, t.start_date, t.end_date, t.currency, "
                + "(SELECT COUNT(*) FROM places p WHERE p.trip_id = t.id) AS place_count "
                + "FROM journey_trips jt JOIN trips t ON t.id = jt.trip_id WHERE jt.journey_id = ? ORDER BY t.start_date, jt.trip_id", rs -> {
                    JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("trip_id", rs.getLong("trip_id"))
                            .add("added_at", Journey.iso(rs.getLong("added_at"))).add("title", rs.getString("title"));
                    Jsons.put(b, "start_date", rs.getString("start_date"));
                    Jsons.put(b, "end_date", rs.getString("end_date"));
                    b.addNull("cover_image").add("currency", rs.getString("currency"));
                    return b.add("place_count", rs.getInt("place_count"));
                }, journeyId);
    }

    private Journey row(long journeyId) {
        return sql.list("SELECT " + Journey.COLUMNS + " FROM journeys j WHERE j.id = ?", Journey::ofRow, journeyId).get(0);
    }

    /**
     * Creates a journey owned by the caller (status active, the caller its owner contributor) and links the given
     * trips with their skeleton entries. Every trip must be one the caller can open; otherwise nothing is created.
     */
    public long create(long userId, String title, String subtitle, List<Long> tripIds) {
        String t = JourneyInput.title(title, 200, "title");
        String s = JourneyInput.optional(subtitle, 300, "subtitle");
        List<Long> linked = tripIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(tripIds));
        if (linked.size() > MAX_TRIPS_PER_CALL) {
            throw new JourneyException("trip_ids may list at most " + MAX_TRIPS_PER_CALL + " trips.");
        }
        for (Long tripId : linked) {
            trips.readable(userId, tripId);
        }
        long now = clock.millis();
        long id = insert("INSERT INTO journeys (user_id, title, subtitle, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)",
                userId, t, s, now, now);
        sql.update("INSERT INTO journey_contributors (journey_id, user_id, role, added_at, hide_skeletons) VALUES (?, ?, 'owner', ?, FALSE)",
                id, userId, now);
        for (Long tripId : linked) {
            link(id, tripId, userId, now);
        }
        announce(id, Set.of());
        return id;
    }

    /** Changes title, subtitle (null clears) or status; owner only. Answers the journey's row. */
    public Journey update(long userId, long journeyId, String title, Patch<String> subtitle, String status) {
        owner(userId, journeyId);
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (title != null) {
            sets.add("title = ?");
            params.add(JourneyInput.title(title, 200, "title"));
        }
        if (subtitle.given()) {
            sets.add("subtitle = ?");
            params.add(JourneyInput.optional(subtitle.value(), 300, "subtitle"));
        }
        if (status != null) {
            sets.add("status = ?");
            params.add(JourneyInput.status(status));
        }
        if (!sets.isEmpty()) {
            sets.add("updated_at = ?");
            params.add(clock.millis());
            params.add(journeyId);
            sql.update("UPDATE journeys SET " + String.join(", ", sets) + " WHERE id = ?", params.toArray());
            announce(journeyId, Set.of());
        }
        return row(journeyId);
    }

    /** Deletes the journey with its entries, contributors, links and share link; owner only. */
    public void delete(long userId, long journeyId) {
        owner(userId, journeyId);
        Set<Long> audience = audience(journeyId);
        sql.update("DELETE FROM journeys WHERE id = ?", journeyId);
        fire(journeyId, audience);
    }

    /** Sets the caller's own preferences (hide_skeletons); any contributor. Answers the preference now. */
    public boolean preferences(long userId, long journeyId, Boolean hideSkeletons) {
        Access a = access(userId, journeyId);
        if (hideSkeletons == null || hideSkeletons == a.hideSkeletons()) {
            return a.hideSkeletons();
        }
        int n = sql.update("UPDATE journey_contributors SET hide_skeletons = ? WHERE journey_id = ? AND user_id = ?",
                hideSkeletons, journeyId, userId);
        if (n == 0) { // an owner without a contributor row (never made by this server, but kept safe)
            sql.update("INSERT INTO journey_contributors (journey_id, user_id, role, added_at, hide_skeletons) VALUES (?, ?, 'owner', ?, ?)",
                    journeyId, userId, clock.millis(), hideSkeletons);
        }
        changed.fire(new ResourceChanged(Set.of(), Set.of(journeyUri(journeyId)), Set.of(userId)));
        return hideSkeletons;
    }

    // ---------------------------------------------------------------- trips

    /**
     * Links a trip the caller can open (owner or editor of the journey) and adds a skeleton entry for each place the
     * trip plans on a day that the journey has no entry for yet. Linking again only adds skeletons for places planned
     * since.
     */
    public void addTrip(long userId, long journeyId, long tripId) {
        editor(userId, journeyId);
        trips.readable(userId, tripId);
        link(journeyId, tripId, userId, clock.millis());
        touch(journeyId);
        announce(journeyId, Set.of());
    }

    private void link(long journeyId, long tripId, long authorId, long now) {
        if (sql.list("SELECT 1 FROM journey_trips WHERE journey_id = ? AND trip_id = ?", rs -> 1, journeyId, tripId).isEmpty()) {
            sql.update("INSERT INTO journey_trips (journey_id, trip_id, added_at) VALUES (?, ?, ?)", journeyId, tripId, now);
        }
        syncSkeletons(journeyId, tripId, authorId, now);
    }

    /** A trip's place planned on a day, as the skeleton sync reads it. */
    record PlannedPlace(long placeId, String name, String address, Double lat, Double lng, String placeTime, String dayDate,
                        String assignmentTime) {
    }

    /** Three reads and one INSERT for all new skeletons, whatever the number of places. */
    private void syncSkeletons(long journeyId, long tripId, long authorId, long now) {
        List<PlannedPlace> planned = sql.list("SELECT p.id, p.name, p.address, p.lat, p.lng, p.place_time, d.day_date, "
                + "a.assignment_time FROM places p JOIN day_assignments a ON a.place_id = p.id JOIN trip_days d ON d.id = a.day_id "
                + "WHERE p.trip_id = ? ORDER BY d.day_number, a.order_index, a.id",
                rs -> new PlannedPlace(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
                        Sql.nullableDouble(rs, "lat"), Sql.nullableDouble(rs, "lng"), rs.getString("place_time"),
                        rs.getString("day_date"), rs.getString("assignment_time")), tripId);
        if (planned.isEmpty()) {
            return;
        }
        Set<Long> present = new HashSet<>(sql.list("SELECT source_place_id FROM journey_entries WHERE journey_id = ? "
                + "AND source_place_id IS NOT NULL", rs -> rs.getLong(1), journeyId));
        Map<String, Integer> nextOrder = new HashMap<>();
        sql.list("SELECT entry_date, MAX(sort_order) AS m FROM journey_entries WHERE journey_id = ? GROUP BY entry_date",
                rs -> nextOrder.put(rs.getString("entry_date"), rs.getInt("m") + 1), journeyId);
        String today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC).toString();
        StringBuilder q = new StringBuilder("INSERT INTO journey_entries (journey_id, source_trip_id, source_place_id, author_id, "
                + "entry_type, title, entry_date, entry_time, location_name, location_lat, location_lng, visibility, sort_order, "
                + "created_at, updated_at) VALUES ");
        List<Object> params = new ArrayList<>();
        for (PlannedPlace p : planned) {
            if (!present.add(p.placeId())) {
                continue; // one skeleton per place: its first day
            }
            String date = p.dayDate() != null ? p.dayDate() : today;
            int order = nextOrder.getOrDefault(date, 0);
            nextOrder.put(date, order + 1);
            String time = p.assignmentTime() != null ? p.assignmentTime() : p.placeTime();
            String location = p.address() != null && !p.address().isBlank() ? p.address() : p.name();
            q.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, 'skeleton', ?, ?, ?, ?, ?, ?, 'private', ?, ?, ?)");
            params.addAll(Arrays.asList(journeyId, tripId, p.placeId(), authorId, cut(p.name(), 300), date, cut(time, 50),
                    cut(location, 500), p.lat(), p.lng(), order, now, now));
        }
        if (!params.isEmpty()) {
            sql.update(q.toString(), params.toArray());
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Unlinks a trip (owner only): its skeletons go; entries written from its places stay, detached from the trip.
     */
    public void removeTrip(long userId, long journeyId, long tripId) {
        owner(userId, journeyId);
        if (sql.update("DELETE FROM journey_trips WHERE journey_id = ? AND trip_id = ?", journeyId, tripId) == 0) {
            throw new JourneyException("Trip not linked to this journey.");
        }
        sql.update("DELETE FROM journey_entries WHERE journey_id = ? AND source_trip_id = ? AND entry_type = 'skeleton'", journeyId, tripId);
        sql.update("UPDATE journey_entries SET source_trip_id = NULL, source_place_id = NULL, updated_at = ? "
                + "WHERE journey_id = ? AND source_trip_id = ?", clock.millis(), journeyId, tripId);
        touch(journeyId);
        announce(journeyId, Set.of());
    }

    /** A trip the caller can open, for a journey: {id, title, start_date, end_date, cover_image, place_count}. */
    private static final String TRIP_CHOICE = "SELECT t.id, t.title, t.start_date, t.end_date, "
            + "(SELECT COUNT(DISTINCT p.id) FROM places p JOIN day_assignments a ON a.place_id = p.id WHERE p.trip_id = t.id) AS place_count "
            + "FROM trips t WHERE (t.user_id = ? OR EXISTS (SELECT 1 FROM trip_members m WHERE m.trip_id = t.id AND m.user_id = ?)) ";

    private static JsonObjectBuilder tripChoice(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("title", rs.getString("title"));
        Jsons.put(b, "start_date", rs.getString("start_date"));
        Jsons.put(b, "end_date", rs.getString("end_date"));
        return b.addNull("cover_image").add("place_count", rs.getInt("place_count"));
    }

    /** Every trip the caller can open (to link), latest start first: one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JsonObjectBuilder> availableTrips(long userId) {
        return sql.list(TRIP_CHOICE + "ORDER BY t.start_date DESC, t.id DESC", JourneyService::tripChoice, userId, userId);
    }

    /**
     * Trips the caller can open that ended in the last 30 days (up to today) and are in none of the caller's
     * journeys, most recently ended first: one query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JsonObjectBuilder> suggestions(long userId) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        return sql.list(TRIP_CHOICE + "AND t.end_date IS NOT NULL AND t.end_date >= ? AND t.end_date <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM journey_trips jt JOIN journey_contributors c ON c.journey_id = jt.journey_id "
                + "AND c.user_id = ? WHERE jt.trip_id = t.id) ORDER BY t.end_date DESC, t.id DESC", JourneyService::tripChoice,
                userId, userId, today.minusDays(30).toString(), today.toString(), userId);
    }

    // ---------------------------------------------------------------- entries

    private List<JourneyEntry> entries(long journeyId) {
        return sql.list("SELECT " + JourneyEntry.COLUMNS + JourneyEntry.FROM + "WHERE e.journey_id = ?" + JourneyEntry.ORDER,
                JourneyEntry::ofRow, journeyId);
    }

    /** The journey's entries in the original's order (date, position, id); any contributor. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JourneyEntry> entries(long userId, long journeyId) {
        access(userId, journeyId);
        return entries(journeyId);
    }

    private JourneyEntry entry(long entryId) {
        List<JourneyEntry> rows = sql.list("SELECT " + JourneyEntry.COLUMNS + JourneyEntry.FROM + "WHERE e.id = ?",
                JourneyEntry::ofRow, entryId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** An entry of a journey the caller may edit; an entry of a journey they cannot see does not exist for them. */
    private JourneyEntry editableEntry(long userId, long entryId) {
        JourneyEntry e = entryId > 0 ? entry(entryId) : null;
        if (e == null) {
            throw new JourneyException(JourneyException.ENTRY_NO_ACCESS);
        }
        try {
            editor(userId, e.journeyId());
        } catch (JourneyException denied) {
            throw JourneyException.NO_ACCESS.equals(denied.getMessage()) ? new JourneyException(JourneyException.ENTRY_NO_ACCESS) : denied;
        }
        return e;
    }

    /** What a new entry holds (the tool's arguments). */
    public record NewEntry(String entryDate, String title, String story, String entryTime, String locationName, String mood,
                           Integer sortOrder) {
    }

    /** Writes a new entry (owner or editor); without sort_order it goes last on its date. */
    public JourneyEntry createEntry(long userId, long journeyId, NewEntry in) {
        editor(userId, journeyId);
        String date = JourneyInput.date(in.entryDate(), "entry_date");
        String title = JourneyInput.optional(in.title(), 300, "title");
        String story = JourneyInput.optional(in.story(), MAX_STORY, "story");
        String time = JourneyInput.time(in.entryTime(), "entry_time");
        String location = JourneyInput.optional(in.locationName(), 500, "location_name");
        String mood = JourneyInput.optional(in.mood(), 50, "mood");
        int order = in.sortOrder() != null ? in.sortOrder() : sql.list("SELECT COALESCE(MAX(sort_order) + 1, 0) FROM journey_entries "
                + "WHERE journey_id = ? AND entry_date = ?", rs -> rs.getInt(1), journeyId, date).get(0);
        long now = clock.millis();
        long id = insert("INSERT INTO journey_entries (journey_id, author_id, entry_type, title, story, entry_date, entry_time, "
                + "location_name, mood, visibility, sort_order, created_at, updated_at) VALUES (?, ?, 'entry', ?, ?, ?, ?, ?, ?, 'private', ?, ?, ?)",
                journeyId, userId, title, story, date, time, location, mood, order, now, now);
        touch(journeyId);
        announce(journeyId, Set.of());
        return entry(id);
    }

    /**
     * Changes an entry (owner or editor): omitted fields stay, null clears title, story, time and mood. A story written
     * on a skeleton makes it an entry.
     */
    public JourneyEntry updateEntry(long userId, long entryId, Patch<String> title, Patch<String> story, String entryDate,
                                    Patch<String> entryTime, Patch<String> mood) {
        JourneyEntry e = editableEntry(userId, entryId);
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (title.given()) {
            sets.add("title = ?");
            params.add(JourneyInput.optional(title.value(), 300, "title"));
        }
        if (story.given()) {
            String s = JourneyInput.optional(story.value(), MAX_STORY, "story");
            sets.add("story = ?");
            params.add(s);
            if (s != null && e.isSkeleton()) {
                sets.add("entry_type = 'entry'");
            }
        }
        if (entryDate != null) {
            sets.add("entry_date = ?");
            params.add(JourneyInput.date(entryDate, "entry_date"));
        }
        if (entryTime.given()) {
            sets.add("entry_time = ?");
            params.add(JourneyInput.time(entryTime.value(), "entry_time"));
        }
        if (mood.given()) {
            sets.add("mood = ?");
            params.add(JourneyInput.optional(mood.value(), 50, "mood"));
        }
        if (sets.isEmpty()) {
            return e;
        }
        sets.add("updated_at = ?");
        params.add(clock.millis());
        params.add(entryId);
        sql.update("UPDATE journey_entries SET " + String.join(", ", sets) + " WHERE id = ?", params.toArray());
        touch(e.journeyId());
        announce(e.journeyId(), Set.of());
        return entry(entryId);
    }

    /**
     * Deletes an entry (owner or editor). An entry written on a linked trip's place goes back to being that place's
     * skeleton (story, mood and weather cleared), as in the original; any other entry is deleted.
     */
    public void deleteEntry(long userId, long entryId) {
        JourneyEntry e = editableEntry(userId, entryId);
        if (e.sourceTripId() != null && e.sourcePlaceId() != null && !e.isSkeleton()) {
            sql.update("UPDATE journey_entries SET entry_type = 'skeleton', story = NULL, mood = NULL, weather = NULL, pros_cons = NULL, "
                    + "visibility = 'private', updated_at = ? WHERE id = ?", clock.millis(), entryId);
        } else {
            sql.update("DELETE FROM journey_entries WHERE id = ?", entryId);
        }
        touch(e.journeyId());
        announce(e.journeyId(), Set.of());
    }

    /** Sets each listed entry's position to its index (owner or editor); every id must be an entry of this journey. */
    public void reorder(long userId, long journeyId, List<Long> orderedIds) {
        editor(userId, journeyId);
        if (orderedIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(orderedIds));
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> params = new ArrayList<>(ids);
        params.add(journeyId);
        int found = sql.list("SELECT COUNT(*) FROM journey_entries WHERE id IN (" + marks + ") AND journey_id = ?",
                rs -> rs.getInt(1), params.toArray()).get(0);
        if (found != ids.size()) {
            throw new JourneyException("Entry not found in this journey: orderedIds must list entries of this journey.");
        }
        StringBuilder cases = new StringBuilder("UPDATE journey_entries SET sort_order = CASE id");
        List<Object> p = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            cases.append(" WHEN ? THEN ?");
            p.add(ids.get(i));
            p.add(i);
        }
        long now = clock.millis();
        cases.append(" ELSE sort_order END, updated_at = ? WHERE journey_id = ? AND id IN (").append(marks).append(")");
        p.add(now);
        p.add(journeyId);
        p.addAll(ids);
        sql.update(cases.toString(), p.toArray());
        touch(journeyId);
        announce(journeyId, Set.of());
    }

    // ---------------------------------------------------------------- contributors

    /** Adds a user as editor or viewer (owner only); a user already contributing gets the new role. */
    public void addContributor(long userId, long journeyId, long targetUserId, String role) {
        Access a = owner(userId, journeyId);
        JourneyRole r = JourneyRole.assignable(role);
        if (targetUserId == a.journey().userId()) {
            throw new JourneyException("The owner already belongs to this journey.");
        }
        if (sql.list("SELECT 1 FROM users WHERE id = ? AND disabled = FALSE", rs -> 1, targetUserId).isEmpty()) {
            throw new JourneyException("User not found.");
        }
        if (sql.update("UPDATE journey_contributors SET role = ? WHERE journey_id = ? AND user_id = ?", r.wire(), journeyId, targetUserId) == 0) {
            sql.update("INSERT INTO journey_contributors (journey_id, user_id, role, added_at, hide_skeletons) VALUES (?, ?, ?, ?, FALSE)",
                    journeyId, targetUserId, r.wire(), clock.millis());
        }
        announce(journeyId, Set.of(targetUserId));
    }

    /** Changes a contributor's role (owner only); the owner's own role cannot change. */
    public void updateContributorRole(long userId, long journeyId, long targetUserId, String role) {
        Access a = owner(userId, journeyId);
        JourneyRole r = JourneyRole.assignable(role);
        if (targetUserId == a.journey().userId()) {
            throw new JourneyException("The owner's role cannot change.");
        }
        if (sql.update("UPDATE journey_contributors SET role = ? WHERE journey_id = ? AND user_id = ? AND role <> 'owner'",
                r.wire(), journeyId, targetUserId) == 0) {
            throw new JourneyException("Contributor not found.");
        }
        announce(journeyId, Set.of());
    }

    /** Removes a contributor (owner only); the owner cannot be removed. */
    public void removeContributor(long userId, long journeyId, long targetUserId) {
        Access a = owner(userId, journeyId);
        if (targetUserId == a.journey().userId()) {
            throw new JourneyException("The owner cannot be removed from the journey.");
        }
        Set<Long> audience = audience(journeyId);
        if (sql.update("DELETE FROM journey_contributors WHERE journey_id = ? AND user_id = ? AND role <> 'owner'",
                journeyId, targetUserId) == 0) {
            throw new JourneyException("Contributor not found.");
        }
        fire(journeyId, audience);
    }

    // ---------------------------------------------------------------- share link

    /** The journey's public link. */
    public record ShareLink(String token, long createdAt, boolean timeline, boolean gallery, boolean map) {
        /** {token, created_at, share_timeline, share_gallery, share_map}. */
        public JsonObjectBuilder toJsonBuilder() {
            return JsonFactory.createObjectBuilder().add("token", token).add("created_at", Journey.iso(createdAt))
                    .add("share_timeline", timeline).add("share_gallery", gallery).add("share_map", map);
        }
    }

    /** The link, or null; owner only (the token is the journey's public address: the owner decides who gets it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ShareLink shareLink(long userId, long journeyId) {
        owner(userId, journeyId);
        return findShare(journeyId);
    }

    private ShareLink findShare(long journeyId) {
        List<ShareLink> rows = sql.list("SELECT token, created_at, share_timeline, share_gallery, share_map FROM journey_share_tokens "
                + "WHERE journey_id = ?", rs -> new ShareLink(rs.getString("token"), rs.getLong("created_at"),
                rs.getBoolean("share_timeline"), rs.getBoolean("share_gallery"), rs.getBoolean("share_map")), journeyId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The link after create_journey_share_link, and whether it was made now (false: the same token, flags reset). */
    public record ShareResult(String token, boolean created) {
    }

    /**
     * Creates the public link (owner only) with 256 random bits, or keeps the existing token and shares everything
     * again (timeline, gallery, map), as the original does when called without flags.
     */
    public ShareResult createShareLink(long userId, long journeyId) {
        owner(userId, journeyId);
        ShareLink existing = findShare(journeyId);
        if (existing != null) {
            sql.update("UPDATE journey_share_tokens SET share_timeline = TRUE, share_gallery = TRUE, share_map = TRUE WHERE journey_id = ?",
                    journeyId);
            announce(journeyId, Set.of());
            return new ShareResult(existing.token(), false);
        }
        String token = SecureRandoms.token(SHARE_TOKEN_BITS);
        sql.update("INSERT INTO journey_share_tokens (journey_id, token, created_by, share_timeline, share_gallery, share_map, created_at) "
                + "VALUES (?, ?, ?, TRUE, TRUE, TRUE, ?)", journeyId, token, userId, clock.millis());
        announce(journeyId, Set.of());
        return new ShareResult(token, true);
    }

    /** Revokes the public link (owner only); without one: "Share link not found.". */
    public void deleteShareLink(long userId, long journeyId) {
        owner(userId, journeyId);
        if (sql.update("DELETE FROM journey_share_tokens WHERE journey_id = ?", journeyId) == 0) {
            throw new JourneyException("Share link not found.");
        }
        announce(journeyId, Set.of());
    }

    /** One INSERT in the caller's transaction; answers the new row's id. */
    private long insert(String statement, Object... params) {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(statement, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    ps.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            ps.executeUpdate();
            try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no generated key");
                }
                return keys.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("insert failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- announcements

    private void touch(long journeyId) {
        sql.update("UPDATE journeys SET updated_at = ? WHERE id = ?", clock.millis(), journeyId);
    }

    /** The owner and every contributor of the journey. */
    private Set<Long> audience(long journeyId) {
        Set<Long> users = new HashSet<>(sql.list("SELECT user_id FROM journey_contributors WHERE journey_id = ?",
                rs -> rs.getLong(1), journeyId));
        users.addAll(sql.list("SELECT user_id FROM journeys WHERE id = ?", rs -> rs.getLong(1), journeyId));
        return users;
    }

    /** The journey changed: its tree and the contributors' (and {@code also}'s) journey lists. */
    private void announce(long journeyId, Collection<Long> also) {
        Set<Long> users = audience(journeyId);
        users.addAll(also);
        fire(journeyId, users);
    }

    private void fire(long journeyId, Set<Long> users) {
        if (!users.isEmpty()) { // (an empty audience would mean everyone)
            changed.fire(new ResourceChanged(Set.of(JOURNEYS), Set.of(journeyUri(journeyId)), users));
        }
    }
}
