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

/** A place category; the list is global to the instance. (table categories). */
@Entity
@Table(name = "categories")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "color", nullable = false)
    private String color;

    @Column(name = "icon", nullable = false)
    private String icon;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getColor() {
        return color;
    }

    public void setColor(String color) {
        this.color = color;
    }

    public String getIcon() {
        return icon;
    }

    public void setIcon(String icon) {
        this.icon = icon;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
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
        Jsons.put(b, "name", name);
        Jsons.put(b, "color", color);
        Jsons.put(b, "icon", icon);
        Jsons.put(b, "user_id", userId);
        // The shipped categories (V30) have no creation time of their own: null rather than 1970.
        Jsons.put(b, "created_at", createdAt == null || createdAt.toEpochMilli() == 0 ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
