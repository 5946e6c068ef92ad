package org.trek.collab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chat message of a trip (table collab_messages); a deleted one keeps its row but not its text. */
@Entity
@Table(name = "collab_messages")
public class CollabMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "trip_id", nullable = false)
    Long tripId;

    @Column(name = "user_id")
    Long userId;

    @Column(name = "message_text", nullable = false)
    String text;

    @Column(name = "reply_to")
    Long replyTo;

    @Column(name = "deleted", nullable = false)
    boolean deleted;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
