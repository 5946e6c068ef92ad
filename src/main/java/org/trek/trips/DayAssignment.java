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

/** A place planned on a day, in order, with optional times. (table day_assignments). */
@Entity
@Table(name = "day_assignments")
public class DayAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "day_id", nullable = false)
    private Long dayId;

    @Column(name = "place_id", nullable = false)
    private Long placeId;

    @Column(name = "order_index", nullable = false)
    private int orderIndex;

    @Column(name = "notes")
    private String notes;

    @Column(name = "assignment_time")
    private String time;

    @Column(name = "assignment_end_time")
    private String endTime;

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

    public Long getPlaceId() {
        return placeId;
    }

    public void setPlaceId(Long placeId) {
        this.placeId = placeId;
    }

    public int getOrderIndex() {
        return orderIndex;
    }

    public void setOrderIndex(int orderIndex) {
        this.orderIndex = orderIndex;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The columns {@link #ofRow} reads, of day_assignments as a. */
    static final String COLUMNS = "a.id, a.day_id, a.place_id, a.order_index, a.notes, a.assignment_time, "
            + "a.assignment_end_time, a.created_at";

    /** A DayAssignment read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static DayAssignment ofRow(ResultSet rs) throws SQLException {
        DayAssignment a = new DayAssignment();
        a.id = rs.getLong("id");
        a.dayId = rs.getLong("day_id");
        a.placeId = rs.getLong("place_id");
        a.orderIndex = rs.getInt("order_index");
        a.notes = rs.getString("notes");
        a.time = rs.getString("assignment_time");
        a.endTime = rs.getString("assignment_end_time");
        a.createdAt = Sql.instant(rs, "created_at");
        return a;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "day_id", dayId);
        Jsons.put(b, "place_id", placeId);
        b.add("order_index", orderIndex);
        Jsons.put(b, "notes", notes);
        Jsons.put(b, "assignment_time", time);
        Jsons.put(b, "assignment_end_time", endTime);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
