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

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    /** A trip read with plain SQL (the columns of {@link TripService#LIST_COLUMNS}); not managed. */
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

    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "user_id", userId);
        Jsons.put(b, "title", title);
        Jsons.put(b, "description", description);
        Jsons.put(b, "start_date", startDate);
        Jsons.put(b, "end_date", endDate);
        Jsons.put(b, "currency", currency);
        b.add("is_archived", archived);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        Jsons.put(b, "updated_at", updatedAt == null ? null : updatedAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
