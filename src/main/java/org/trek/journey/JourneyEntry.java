package org.trek.journey;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.db.Sql;

/**
 * A journey entry (table journey_entries): a written day ("entry") or a place of a linked trip waiting to be written
 * about ("skeleton"). {@code sourceTripName} is the linked trip's title, read with the entry (one query for a list).
 */
public record JourneyEntry(long id, long journeyId, Long sourceTripId, Long sourcePlaceId, Long authorId, String type,
                           String title, String story, String entryDate, String entryTime, String locationName,
                           Double locationLat, Double locationLng, String mood, String weather, String tags,
                           String visibility, int sortOrder, long createdAt, long updatedAt, String prosCons,
                           String sourceTripName) {
    public static final String ENTRY = "entry";
    public static final String SKELETON = "skeleton";

    /** The columns {@link #ofRow} reads: {@code journey_entries e LEFT JOIN trips st ON st.id = e.source_trip_id}. */
    static final String COLUMNS = "e.id, e.journey_id, e.source_trip_id, e.source_place_id, e.author_id, e.entry_type, e.title, "
            + "e.story, e.entry_date, e.entry_time, e.location_name, e.location_lat, e.location_lng, e.mood, e.weather, e.tags, "
            + "e.visibility, e.sort_order, e.created_at, e.updated_at, e.pros_cons, st.title AS source_trip_name";
    static final String FROM = " FROM journey_entries e LEFT JOIN trips st ON st.id = e.source_trip_id ";
    /** The original's order: by date, then position, then id. */
    static final String ORDER = " ORDER BY e.entry_date, e.sort_order, e.id";

    static JourneyEntry ofRow(ResultSet rs) throws SQLException {
        return new JourneyEntry(rs.getLong("id"), rs.getLong("journey_id"), Sql.nullableLong(rs, "source_trip_id"),
                Sql.nullableLong(rs, "source_place_id"), Sql.nullableLong(rs, "author_id"), rs.getString("entry_type"),
                rs.getString("title"), rs.getString("story"), rs.getString("entry_date"), rs.getString("entry_time"),
                rs.getString("location_name"), Sql.nullableDouble(rs, "location_lat"), Sql.nullableDouble(rs, "location_lng"),
                rs.getString("mood"), rs.getString("weather"), rs.getString("tags"), rs.getString("visibility"),
                rs.getInt("sort_order"), rs.getLong("created_at"), rs.getLong("updated_at"), rs.getString("pros_cons"),
                rs.getString("source_trip_name"));
    }

    public boolean isSkeleton() {
        return SKELETON.equals(type);
    }

    /**
     * The entry as the original's list answers it: its row, tags as an array, pros_cons as an object (or null), photos
     * (always empty here: no photos reach MCP) and source_trip_name; times in ISO 8601 UTC.
     */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id).add("journey_id", journeyId);
        Jsons.put(b, "source_trip_id", sourceTripId);
        Jsons.put(b, "source_place_id", sourcePlaceId);
        Jsons.put(b, "author_id", authorId);
        b.add("type", type);
        Jsons.put(b, "title", title);
        Jsons.put(b, "story", story);
        b.add("entry_date", entryDate);
        Jsons.put(b, "entry_time", entryTime);
        Jsons.put(b, "location_name", locationName);
        Jsons.put(b, "location_lat", locationLat);
        Jsons.put(b, "location_lng", locationLng);
        Jsons.put(b, "mood", mood);
        Jsons.put(b, "weather", weather);
        b.add("tags", parsed(tags, JsonValue.EMPTY_JSON_ARRAY));
        b.add("visibility", visibility).add("sort_order", sortOrder)
                .add("created_at", Journey.iso(createdAt)).add("updated_at", Journey.iso(updatedAt));
        b.add("pros_cons", parsed(prosCons, JsonValue.NULL));
        b.add("photos", JsonValue.EMPTY_JSON_ARRAY);
        return Jsons.put(b, "source_trip_name", sourceTripName);
    }

    private static JsonValue parsed(String json, JsonValue empty) {
        if (json == null || json.isBlank()) {
            return empty;
        }
        try (var r = JsonFactory.createReader(new StringReader(json))) {
            return r.readValue();
        } catch (RuntimeException e) {
            return empty;
        }
    }
}
