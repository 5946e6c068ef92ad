package org.trek.atlas;

import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.db.Sql;

/** One bucket-list entry of a user, as the original answers it (its row). */
public record BucketItem(long id, long userId, String name, Double lat, Double lng, String countryCode, String notes,
                         Instant createdAt, String targetDate) {
    static final String COLUMNS = "id, user_id, name, lat, lng, country_code, notes, target_date, created_at";

    static BucketItem ofRow(ResultSet rs) throws SQLException {
        return new BucketItem(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), Sql.nullableDouble(rs, "lat"),
                Sql.nullableDouble(rs, "lng"), rs.getString("country_code"), rs.getString("notes"), Sql.instant(rs, "created_at"),
                rs.getString("target_date"));
    }

    public JsonObjectBuilder toJson() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id).add("user_id", userId).add("name", name);
        Jsons.put(b, "lat", lat);
        Jsons.put(b, "lng", lng);
        Jsons.put(b, "country_code", countryCode);
        Jsons.put(b, "notes", notes);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return Jsons.put(b, "target_date", targetDate);
    }
}
