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
import java.time.Instant;
import org.trek.platform.Jsons;

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
        b.add("needs_review", needsReview);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
