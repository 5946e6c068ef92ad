package org.trek.collab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A poll of a trip (table collab_polls); its options are a JSON array of labels, its votes rows of collab_poll_votes. */
@Entity
@Table(name = "collab_polls")
public class CollabPoll {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "trip_id", nullable = false)
    Long tripId;

    @Column(name = "user_id")
    Long userId;

    @Column(name = "question", nullable = false)
    String question;

    @Column(name = "poll_options", nullable = false)
    String options;

    @Column(name = "multiple_choice", nullable = false)
    boolean multiple;

    @Column(name = "closed", nullable = false)
    boolean closed;

    @Column(name = "deadline")
    Instant deadline;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
