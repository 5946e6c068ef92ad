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

/** Where the travellers sleep from a start day to an end day. (table day_accommodations). */
@Entity
@Table(name = "day_accommodations")
public class Accommodation implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "place_id")
    private Long placeId;

    @Column(name = "start_day_id", nullable = false)
    private Long startDayId;

    @Column(name = "end_day_id", nullable = false)
    private Long endDayId;

    @Column(name = "check_in")
    private String checkIn;

    @Column(name = "check_in_end")
    private String checkInEnd;

    @Column(name = "check_out")
    private String checkOut;

    @Column(name = "confirmation")
    private String confirmation;

    @Column(name = "notes")
    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public Long getId() {
        return id;
    }

    @Override
    public Long getTripId() {
        return tripId;
    }

    public void setTripId(Long tripId) {
        this.tripId = tripId;
    }

    public Long getPlaceId() {
        return placeId;
    }

    public void setPlaceId(Long placeId) {
        this.placeId = placeId;
    }

    public Long getStartDayId() {
        return startDayId;
    }

    public void setStartDayId(Long startDayId) {
        this.startDayId = startDayId;
    }

    public Long getEndDayId() {
        return endDayId;
    }

    public void setEndDayId(Long endDayId) {
        this.endDayId = endDayId;
    }

    public String getCheckIn() {
        return checkIn;
    }

    public void setCheckIn(String checkIn) {
        this.checkIn = checkIn;
    }

    public String getCheckInEnd() {
        return checkInEnd;
    }

    public void setCheckInEnd(String checkInEnd) {
        this.checkInEnd = checkInEnd;
    }

    public String getCheckOut() {
        return checkOut;
    }

    public void setCheckOut(String checkOut) {
        this.checkOut = checkOut;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The columns {@link #ofRow} reads, of day_accommodations as a. */
    static final String COLUMNS = "a.id, a.trip_id, a.place_id, a.start_day_id, a.end_day_id, a.check_in, "
            + "a.check_in_end, a.check_out, a.confirmation, a.notes, a.created_at";

    /** A Accommodation read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static Accommodation ofRow(ResultSet rs) throws SQLException {
        Accommodation a = new Accommodation();
        a.id = rs.getLong("id");
        a.tripId = rs.getLong("trip_id");
        a.placeId = Sql.nullableLong(rs, "place_id");
        a.startDayId = rs.getLong("start_day_id");
        a.endDayId = rs.getLong("end_day_id");
        a.checkIn = rs.getString("check_in");
        a.checkInEnd = rs.getString("check_in_end");
        a.checkOut = rs.getString("check_out");
        a.confirmation = rs.getString("confirmation");
        a.notes = rs.getString("notes");
        a.createdAt = Sql.instant(rs, "created_at");
        return a;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "trip_id", tripId);
        Jsons.put(b, "place_id", placeId);
        Jsons.put(b, "start_day_id", startDayId);
        Jsons.put(b, "end_day_id", endDayId);
        Jsons.put(b, "check_in", checkIn);
        Jsons.put(b, "check_in_end", checkInEnd);
        Jsons.put(b, "check_out", checkOut);
        Jsons.put(b, "confirmation", confirmation);
        Jsons.put(b, "notes", notes);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
