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

/** A public read-only link to a trip; only the token hash is stored. (table share_tokens). */
@Entity
@Table(name = "share_tokens")
public class ShareToken implements TripOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trip_id", nullable = false)
    private Long tripId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "token_hint", nullable = false)
    private String tokenHint;

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

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public String getTokenHint() {
        return tokenHint;
    }

    public void setTokenHint(String tokenHint) {
        this.tokenHint = tokenHint;
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

    /** The wire form used by tools and resources (snake_case keys, null for unset values). */
    public JsonObjectBuilder toJsonBuilder() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", id);
        Jsons.put(b, "trip_id", tripId);
        Jsons.put(b, "token_hint", tokenHint);
        Jsons.put(b, "created_by", createdBy);
        b.add("share_map", shareMap);
        b.add("share_bookings", shareBookings);
        b.add("share_packing", sharePacking);
        b.add("share_budget", shareBudget);
        b.add("share_collab", shareCollab);
        Jsons.put(b, "created_at", createdAt == null ? null : createdAt.toString());
        Jsons.put(b, "expires_at", expiresAt == null ? null : expiresAt.toString());
        return b;
    }

    public JsonObject toJson() {
        return toJsonBuilder().build();
    }
}
