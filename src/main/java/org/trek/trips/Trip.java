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

/** A trip; its owner is user_id, others join through trip_members. (table trips). */
@Entity
@Table(name = "trips")
public class Trip {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "description")
    private String description;

    @Column(name = "start_date")
    private String startDate;

    @Column(name = "end_date")
    private String endDate;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "is_archived", nullable = false)
    private boolean archived;

    @Column(name = "reminder_days", nullable = false)
    private int reminderDays;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public int getReminderDays() {
        return reminderDays;
    }

    public void setReminderDays(int reminderDays) {
        this.reminderDays = reminderDays;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /**
     * What the original's trip lists add to a trip (list_trips, create_trip, update_trip): counts of its days,
     * places and members, whether the caller owns it, and the owner's name. Read with the trip in one query
     * ({@link TripService#LISTING_COLUMNS}); null where a trip is shown without them (the summary).
     */
    public record Listing(int dayCount, int placeCount, boolean owner, String ownerUsername, int sharedCount) {
    }

    @jakarta.persistence.Transient
    private Listing listing;

    public Trip withListing(Listing listing) {
        this.listing = listing;
        return this;
    }

    /** A trip read with plain SQL (the columns of {@link TripService#LIST_COLUMNS}); not managed. */
    /** A trip with its listing figures, from a row of {@link TripService#LISTING_COLUMNS}. */
    static Trip listedOfRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return ofRow(rs).withListing(new Listing(rs.getInt("day_count"), rs.getInt("place_count"), rs.getInt("is_owner") == 1,
                rs.getString("owner_username"), rs.getInt("shared_count")));
    }

    static Trip ofRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        Trip t = new Trip();
        t.id = rs.getLong("id");
        t.userId = rs.getLong("user_id");
        t.title = rs.getString("title");
        t.description = rs.getString("description");
        t.startDate = rs.getString("start_date");
        t.endDate = rs.getString("end_date");
        t.currency = rs.getString("currency");
        t.archived = rs.getBoolean("is_archived");
        t.reminderDays = rs.getInt("reminder_days");
        t.createdAt = java.time.Instant.ofEpochMilli(rs.getLong("created_at"));
        t.updatedAt = java.time.Instant.ofEpochMilli(rs.getLong("updated_at"));
        return t;
    }

    /** The wire form used by tools and resources (the original's keys and value types, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "user_id", userId);
        Jsons.put(b, "title", title);
        Jsons.put(b, "description", description);
        Jsons.put(b, "start_date", startDate);
        Jsons.put(b, "end_date", endDate);
        Jsons.put(b, "currency", currency);
        // The original's wire form: no cover images here (null), flags as 0/1 (its SQLite integers).
        b.addNull("cover_image");
        b.add("is_archived", archived ? 1 : 0);
        b.add("reminder_days", reminderDays);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        Jsons.put(b, "updated_at", updatedAt == null ? null : updatedAt.toString());
        if (listing != null) {
            b.add("day_count", listing.dayCount()).add("place_count", listing.placeCount()).add("is_owner", listing.owner() ? 1 : 0);
            Jsons.put(b, "owner_username", listing.ownerUsername());
            b.add("shared_count", listing.sharedCount());
        }
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
