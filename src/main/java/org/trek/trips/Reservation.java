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

/** A booking (hotel, restaurant...) or a transport (flight, train, car, cruise). (table reservations). */
@Entity
@Table(name = "reservations")
public class Reservation implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "day_id")
    private Long dayId;

    @Column(name = "end_day_id")
    private Long endDayId;

    @Column(name = "place_id")
    private Long placeId;

    @Column(name = "assignment_id")
    private Long assignmentId;

    @Column(name = "accommodation_id")
    private Long accommodationId;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "reservation_type", nullable = false)
    private String type;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "reservation_time")
    private String time;

    @Column(name = "reservation_end_time")
    private String endTime;

    @Column(name = "location")
    private String location;

    @Column(name = "confirmation_number")
    private String confirmationNumber;

    @Column(name = "notes")
    private String notes;

    @Column(name = "metadata")
    private String metadata;

    @Column(name = "day_plan_position")
    private Double dayPlanPosition;

    @Column(name = "needs_review", nullable = false)
    private boolean needsReview;

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

    public Long getDayId() {
        return dayId;
    }

    public void setDayId(Long dayId) {
        this.dayId = dayId;
    }

    public Long getEndDayId() {
        return endDayId;
    }

    public void setEndDayId(Long endDayId) {
        this.endDayId = endDayId;
    }

    public Long getPlaceId() {
        return placeId;
    }

    public void setPlaceId(Long placeId) {
        this.placeId = placeId;
    }

    public Long getAssignmentId() {
        return assignmentId;
    }

    public void setAssignmentId(Long assignmentId) {
        this.assignmentId = assignmentId;
    }

    public Long getAccommodationId() {
        return accommodationId;
    }

    public void setAccommodationId(Long accommodationId) {
        this.accommodationId = accommodationId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getConfirmationNumber() {
        return confirmationNumber;
    }

    public void setConfirmationNumber(String confirmationNumber) {
        this.confirmationNumber = confirmationNumber;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public Double getDayPlanPosition() {
        return dayPlanPosition;
    }

    public void setDayPlanPosition(Double dayPlanPosition) {
        this.dayPlanPosition = dayPlanPosition;
    }

    public boolean isNeedsReview() {
        return needsReview;
    }

    public void setNeedsReview(boolean needsReview) {
        this.needsReview = needsReview;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The columns {@link #ofRow} reads, of reservations as r. */
    static final String COLUMNS = "r.id, r.trip_id, r.day_id, r.end_day_id, r.place_id, r.assignment_id, "
            + "r.accommodation_id, r.title, r.reservation_type, r.status, r.reservation_time, "
            + "r.reservation_end_time, r.location, r.confirmation_number, r.notes, r.metadata, "
            + "r.day_plan_position, r.needs_review, r.created_at";

    /** A Reservation read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static Reservation ofRow(ResultSet rs) throws SQLException {
        Reservation r = new Reservation();
        r.id = rs.getLong("id");
        r.tripId = rs.getLong("trip_id");
        r.dayId = Sql.nullableLong(rs, "day_id");
        r.endDayId = Sql.nullableLong(rs, "end_day_id");
        r.placeId = Sql.nullableLong(rs, "place_id");
        r.assignmentId = Sql.nullableLong(rs, "assignment_id");
        r.accommodationId = Sql.nullableLong(rs, "accommodation_id");
        r.title = rs.getString("title");
        r.type = rs.getString("reservation_type");
        r.status = rs.getString("status");
        r.time = rs.getString("reservation_time");
        r.endTime = rs.getString("reservation_end_time");
        r.location = rs.getString("location");
        r.confirmationNumber = rs.getString("confirmation_number");
        r.notes = rs.getString("notes");
        r.metadata = rs.getString("metadata");
        r.dayPlanPosition = Sql.nullableDouble(rs, "day_plan_position");
        r.needsReview = rs.getBoolean("needs_review");
        r.createdAt = Sql.instant(rs, "created_at");
        return r;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "trip_id", tripId);
        Jsons.put(b, "day_id", dayId);
        Jsons.put(b, "end_day_id", endDayId);
        Jsons.put(b, "place_id", placeId);
        Jsons.put(b, "assignment_id", assignmentId);
        Jsons.put(b, "accommodation_id", accommodationId);
        Jsons.put(b, "title", title);
        Jsons.put(b, "type", type);
        Jsons.put(b, "status", status);
        Jsons.put(b, "reservation_time", time);
        Jsons.put(b, "reservation_end_time", endTime);
        Jsons.put(b, "location", location);
        Jsons.put(b, "confirmation_number", confirmationNumber);
        Jsons.put(b, "notes", notes);
        Jsons.put(b, "day_plan_position", dayPlanPosition);
        b.add("needs_review", needsReview ? 1 : 0); // the original's 0/1
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
