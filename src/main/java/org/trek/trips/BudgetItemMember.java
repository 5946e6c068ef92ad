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
import org.trek.platform.Jsons;

/** A member sharing a budget item, with their paid flag. (table budget_item_members). */
@Entity
@Table(name = "budget_item_members")
public class BudgetItemMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "budget_item_id", nullable = false)
    private Long budgetItemId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "paid", nullable = false)
    private boolean paid;

    /** The member's user name (read with the row; not a column of this table). */
    @jakarta.persistence.Transient
    private String username;

    /** A row of {@link BudgetService#MEMBER_COLUMNS} (with the member's user name); not managed. */
    static BudgetItemMember ofRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        BudgetItemMember m = new BudgetItemMember();
        m.id = rs.getLong("id");
        m.budgetItemId = rs.getLong("budget_item_id");
        m.userId = rs.getLong("user_id");
        m.paid = rs.getBoolean("paid");
        m.username = rs.getString("username");
        return m;
    }

    public Long getId() {
        return id;
    }

    public Long getBudgetItemId() {
        return budgetItemId;
    }

    public void setBudgetItemId(Long budgetItemId) {
        this.budgetItemId = budgetItemId;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public boolean isPaid() {
        return paid;
    }

    public void setPaid(boolean paid) {
        this.paid = paid;
    }

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "budget_item_id", budgetItemId);
        Jsons.put(b, "user_id", userId);
        b.add("paid", paid ? 1 : 0); // the original's 0/1
        Jsons.put(b, "username", username);
        return b.addNull("avatar").addNull("avatar_url");
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
