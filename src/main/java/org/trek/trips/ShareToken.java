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

/**
 * A public read-only link to a trip (table share_tokens). The token is stored as given out (256 random bits,
 * URL-safe): a share link is meant to be handed around, and its owner can see it again. Revoking deletes the row.
 */
@Entity
@Table(name = "share_tokens")
public class ShareToken implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "token", nullable = false)
    private String token;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "share_map", nullable = false)
    private boolean shareMap;

    @Column(name = "share_bookings", nullable = false)
    private boolean shareBookings;

    @Column(name = "share_packing", nullable = false)
    private boolean sharePacking;

    @Column(name = "share_budget", nullable = false)
    private boolean shareBudget;

    @Column(name = "share_collab", nullable = false)
    private boolean shareCollab;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

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

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(Long createdBy) {
        this.createdBy = createdBy;
    }

    public boolean isShareMap() {
        return shareMap;
    }

    public void setShareMap(boolean shareMap) {
        this.shareMap = shareMap;
    }

    public boolean isShareBookings() {
        return shareBookings;
    }

    public void setShareBookings(boolean shareBookings) {
        this.shareBookings = shareBookings;
    }

    public boolean isSharePacking() {
        return sharePacking;
    }

    public void setSharePacking(boolean sharePacking) {
        this.sharePacking = sharePacking;
    }

    public boolean isShareBudget() {
        return shareBudget;
    }

    public void setShareBudget(boolean shareBudget) {
        this.shareBudget = shareBudget;
    }

    public boolean isShareCollab() {
        return shareCollab;
    }

    public void setShareCollab(boolean shareCollab) {
        this.shareCollab = shareCollab;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** Whether the link still opens its page (no expiry set, or the expiry lies ahead). */
    public boolean isActive(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    /** The link as get_share_link shows it: {token, created_at, share_map, share_bookings, share_packing, share_budget, share_collab}. */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        b.add("token", token);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        return flags(b);
    }

    /** The share flags, as the tool answers and the public snapshot's "permissions" carry them. */
    public JsonObjectBuilder flags(JsonObjectBuilder b) {
        return b.add("share_map", shareMap).add("share_bookings", shareBookings).add("share_packing", sharePacking)
                .add("share_budget", shareBudget).add("share_collab", shareCollab);
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
