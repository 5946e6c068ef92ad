package org.trek.journey;

import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;

/** A journey's row (table journeys): what the original answers as the bare journey. Times are epoch millis. */
public record Journey(long id, long userId, String title, String subtitle, String coverGradient, String status,
                      String coverImage, long createdAt, long updatedAt) {

    /** The columns {@link #ofRow} reads, for a query over {@code journeys j}. */
    static final String COLUMNS = "j.id, j.user_id, j.title, j.subtitle, j.cover_gradient, j.status, j.cover_image, "
            + "j.created_at, j.updated_at";

    static Journey ofRow(ResultSet rs) throws SQLException {
        return new Journey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("title"), rs.getString("subtitle"),
                rs.getString("cover_gradient"), rs.getString("status"), rs.getString("cover_image"), rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }

    /** {id, user_id, title, subtitle, cover_gradient, status, created_at, updated_at, cover_image}, times in ISO 8601 UTC. */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id).add("user_id", userId).add("title", title);
        Jsons.put(b, "subtitle", subtitle);
        Jsons.put(b, "cover_gradient", coverGradient);
        b.add("status", status).add("created_at", iso(createdAt)).add("updated_at", iso(updatedAt));
        return Jsons.put(b, "cover_image", coverImage);
    }

    static String iso(long millis) {
        return java.time.Instant.ofEpochMilli(millis).toString();
    }

    static String iso(Long millis) {
        return millis == null ? null : iso(millis.longValue());
    }
}
