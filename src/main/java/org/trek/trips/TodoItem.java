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

/** A to-do of a trip. (table todo_items). */
@Entity
@Table(name = "todo_items")
public class TodoItem implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "checked", nullable = false)
    private boolean checked;

    @Column(name = "category")
    private String category;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "due_date")
    private String dueDate;

    @Column(name = "description")
    private String description;

    @Column(name = "assigned_user_id")
    private Long assignedUserId;

    @Column(name = "priority", nullable = false)
    private int priority;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isChecked() {
        return checked;
    }

    public void setChecked(boolean checked) {
        this.checked = checked;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getDueDate() {
        return dueDate;
    }

    public void setDueDate(String dueDate) {
        this.dueDate = dueDate;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getAssignedUserId() {
        return assignedUserId;
    }

    public void setAssignedUserId(Long assignedUserId) {
        this.assignedUserId = assignedUserId;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The columns {@link #ofRow} reads, of todo_items as t. */
    static final String COLUMNS = "t.id, t.trip_id, t.name, t.checked, t.category, t.sort_order, t.due_date, "
            + "t.description, t.assigned_user_id, t.priority, t.created_at";

    /** A TodoItem read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static TodoItem ofRow(ResultSet rs) throws SQLException {
        TodoItem t = new TodoItem();
        t.id = rs.getLong("id");
        t.tripId = rs.getLong("trip_id");
        t.name = rs.getString("name");
        t.checked = rs.getBoolean("checked");
        t.category = rs.getString("category");
        t.sortOrder = rs.getInt("sort_order");
        t.dueDate = rs.getString("due_date");
        t.description = rs.getString("description");
        t.assignedUserId = Sql.nullableLong(rs, "assigned_user_id");
        t.priority = rs.getInt("priority");
        t.createdAt = Sql.instant(rs, "created_at");
        return t;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "trip_id", tripId);
        Jsons.put(b, "name", name);
        b.add("checked", checked ? 1 : 0); // the original's 0/1
        Jsons.put(b, "category", category);
        b.add("sort_order", sortOrder);
        Jsons.put(b, "due_date", dueDate);
        Jsons.put(b, "description", description);
        Jsons.put(b, "assigned_user_id", assignedUserId);
        b.add("priority", priority);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        b.addNull("reminded_at"); // the original's due-date reminder stamp; this server sends no reminders
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
