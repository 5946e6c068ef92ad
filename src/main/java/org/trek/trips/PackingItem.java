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

/** One thing to pack. (table packing_items). */
@Entity
@Table(name = "packing_items")
public class PackingItem implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "checked", nullable = false)
    private boolean checked;

    @Column(name = "category", nullable = false)
    private String category;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "weight_grams")
    private Integer weightGrams;

    @Column(name = "bag_id")
    private Long bagId;

    @Column(name = "quantity", nullable = false)
    private int quantity;

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

    public Integer getWeightGrams() {
        return weightGrams;
    }

    public void setWeightGrams(Integer weightGrams) {
        this.weightGrams = weightGrams;
    }

    public Long getBagId() {
        return bagId;
    }

    public void setBagId(Long bagId) {
        this.bagId = bagId;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The columns {@link #ofRow} reads, of packing_items as p. */
    static final String COLUMNS = "p.id, p.trip_id, p.name, p.checked, p.category, p.sort_order, p.weight_grams, "
            + "p.bag_id, p.quantity, p.created_at";

    /** A PackingItem read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static PackingItem ofRow(ResultSet rs) throws SQLException {
        PackingItem p = new PackingItem();
        p.id = rs.getLong("id");
        p.tripId = rs.getLong("trip_id");
        p.name = rs.getString("name");
        p.checked = rs.getBoolean("checked");
        p.category = rs.getString("category");
        p.sortOrder = rs.getInt("sort_order");
        p.weightGrams = Sql.nullableInt(rs, "weight_grams");
        p.bagId = Sql.nullableLong(rs, "bag_id");
        p.quantity = rs.getInt("quantity");
        p.createdAt = Sql.instant(rs, "created_at");
        return p;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "trip_id", tripId);
        Jsons.put(b, "name", name);
        b.add("checked", checked ? 1 : 0); // the original's 0/1
        Jsons.put(b, "category", category);
        b.add("sort_order", sortOrder);
        Jsons.put(b, "weight_grams", weightGrams);
        Jsons.put(b, "bag_id", bagId);
        b.add("quantity", quantity);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
