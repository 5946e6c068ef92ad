package org.trek.trips;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.trek.platform.Jsons;
import org.trek.platform.db.Sql;

/** A short note on a day. (table day_notes). */
@Entity
@Table(name = "day_notes")
public class DayNote implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "day_id", nullable = false)
    private Long dayId;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "note_text", nullable = false)
    private String text;

    @Column(name = "note_time")
    private String time;

    @Column(name = "icon", nullable = false)
    private String icon;

    @Column(name = "sort_order", nullable = false)
    private double sortOrder;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public Long getId() {
        return id;
    }

    public Long getDayId() {
        return dayId;
    }

    public void setDayId(Long dayId) {
        this.dayId = dayId;
    }

    @Override
    public Long getTripId() {
        return tripId;
    }

    public void setTripId(Long tripId) {
        this.tripId = tripId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getIcon() {
        return icon;
    }

    public void setIcon(String icon) {
        this.icon = icon;
    }

    public double getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(double sortOrder) {
        this.sortOrder = sortOrder;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The columns {@link #ofRow} reads, of day_notes as n. */
    static final String COLUMNS = "n.id, n.day_id, n.trip_id, n.note_text, n.note_time, n.icon, n.sort_order, "
            + "n.created_at";

    /** A DayNote read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static DayNote ofRow(ResultSet rs) throws SQLException {
        DayNote n = new DayNote();
        n.id = rs.getLong("id");
        n.dayId = rs.getLong("day_id");
        n.tripId = rs.getLong("trip_id");
        n.text = rs.getString("note_text");
        n.time = rs.getString("note_time");
        n.icon = rs.getString("icon");
        n.sortOrder = rs.getDouble("sort_order");
        n.createdAt = Sql.instant(rs, "created_at");
        return n;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "day_id", dayId);
        Jsons.put(b, "trip_id", tripId);
        Jsons.put(b, "text", text);
        Jsons.put(b, "time", time);
        Jsons.put(b, "icon", icon);
        b.add("sort_order", sortOrder);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
