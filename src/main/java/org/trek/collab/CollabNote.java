package org.trek.collab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A shared note of a trip (table collab_notes). Written through JPA; read as JSON by {@link CollabService}. */
@Entity
@Table(name = "collab_notes")
public class CollabNote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "trip_id", nullable = false)
    Long tripId;

    @Column(name = "user_id")
    Long userId;

    @Column(name = "category", nullable = false)
    String category;

    @Column(name = "title", nullable = false)
    String title;

    @Column(name = "content")
    String content;

    @Column(name = "color", nullable = false)
    String color;

    @Column(name = "pinned", nullable = false)
    boolean pinned;

    @Column(name = "website")
    String website;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
