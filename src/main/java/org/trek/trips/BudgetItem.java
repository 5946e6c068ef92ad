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
import java.math.BigDecimal;
import java.time.Instant;
import org.trek.platform.Jsons;
import org.trek.platform.db.Sql;

/** An expense of a trip, optionally split between members. (table budget_items). */
@Entity
@Table(name = "budget_items")
public class BudgetItem implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "category", nullable = false)
    private String category;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "total_price", nullable = false)
    private BigDecimal totalPrice;

    @Column(name = "persons")
    private Integer persons;

    @Column(name = "day_count")
    private Integer days;

    @Column(name = "note")
    private String note;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "paid_by_user_id")
    private Long paidByUserId;

    @Column(name = "expense_date")
    private String expenseDate;

    @Column(name = "reservation_id")
    private Long reservationId;

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

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getTotalPrice() {
        return totalPrice;
    }

    public void setTotalPrice(BigDecimal totalPrice) {
        this.totalPrice = totalPrice;
    }

    public Integer getPersons() {
        return persons;
    }

    public void setPersons(Integer persons) {
        this.persons = persons;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public Long getPaidByUserId() {
        return paidByUserId;
    }

    public void setPaidByUserId(Long paidByUserId) {
        this.paidByUserId = paidByUserId;
    }

    public String getExpenseDate() {
        return expenseDate;
    }

    public void setExpenseDate(String expenseDate) {
        this.expenseDate = expenseDate;
    }

    public Long getReservationId() {
        return reservationId;
    }

    public void setReservationId(Long reservationId) {
        this.reservationId = reservationId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The columns {@link #ofRow} reads, of budget_items as b. */
    static final String COLUMNS = "b.id, b.trip_id, b.category, b.name, b.total_price, b.persons, b.day_count, "
            + "b.note, b.sort_order, b.paid_by_user_id, b.expense_date, b.reservation_id, "
            + "b.created_at";

    /** A BudgetItem read with plain SQL ({@link #COLUMNS}): detached, for reading only. */
    static BudgetItem ofRow(ResultSet rs) throws SQLException {
        BudgetItem b = new BudgetItem();
        b.id = rs.getLong("id");
        b.tripId = rs.getLong("trip_id");
        b.category = rs.getString("category");
        b.name = rs.getString("name");
        b.totalPrice = rs.getBigDecimal("total_price");
        b.persons = Sql.nullableInt(rs, "persons");
        b.days = Sql.nullableInt(rs, "day_count");
        b.note = rs.getString("note");
        b.sortOrder = rs.getInt("sort_order");
        b.paidByUserId = Sql.nullableLong(rs, "paid_by_user_id");
        b.expenseDate = rs.getString("expense_date");
        b.reservationId = Sql.nullableLong(rs, "reservation_id");
        b.createdAt = Sql.instant(rs, "created_at");
        return b;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "trip_id", tripId);
        Jsons.put(b, "category", category);
        Jsons.put(b, "name", name);
        Jsons.put(b, "total_price", totalPrice);
        Jsons.put(b, "persons", persons);
        Jsons.put(b, "days", days);
        Jsons.put(b, "note", note);
        b.add("sort_order", sortOrder);
        Jsons.put(b, "paid_by_user_id", paidByUserId);
        Jsons.put(b, "expense_date", expenseDate);
        Jsons.put(b, "reservation_id", reservationId);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
