-- The collab addon (reference §6.2): shared notes, polls with their votes, chat messages with their reactions
-- (message_text, poll_options and multiple_choice are the original's text, options and multiple).
-- Portable across H2 (MODE=LEGACY) and MariaDB 10.11; instants are epoch millis BIGINT. A deleted chat message keeps
-- its row (replies refer to it) but not its text: delete_collab_message empties it and drops the
-- message's reactions. reply_to has no foreign key: messages are never deleted one by one (only with their trip),
-- and a self-reference that sets NULL during the trip's cascade is refused by InnoDB.

CREATE TABLE collab_notes (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id    BIGINT       NOT NULL,
    user_id    BIGINT,
    category   VARCHAR(100) NOT NULL DEFAULT 'General',
    title      VARCHAR(200) NOT NULL,
    content    MEDIUMTEXT,
    color      VARCHAR(7)   NOT NULL DEFAULT '#6366f1',
    pinned     BOOLEAN      NOT NULL DEFAULT FALSE,
    website    VARCHAR(500),
    created_at BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL,
    CONSTRAINT fk_collab_notes_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_collab_notes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_collab_notes_trip ON collab_notes (trip_id, pinned, updated_at);

CREATE TABLE collab_polls (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id    BIGINT       NOT NULL,
    user_id    BIGINT,
    question   VARCHAR(500) NOT NULL,
    poll_options MEDIUMTEXT NOT NULL,
    multiple_choice BOOLEAN NOT NULL DEFAULT FALSE,
    closed     BOOLEAN      NOT NULL DEFAULT FALSE,
    deadline   BIGINT,
    created_at BIGINT       NOT NULL,
    CONSTRAINT fk_collab_polls_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_collab_polls_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_collab_polls_trip ON collab_polls (trip_id, created_at);

CREATE TABLE collab_poll_votes (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    poll_id      BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    option_index INT    NOT NULL,
    created_at   BIGINT NOT NULL,
    CONSTRAINT fk_collab_votes_poll FOREIGN KEY (poll_id) REFERENCES collab_polls (id) ON DELETE CASCADE,
    CONSTRAINT fk_collab_votes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ux_collab_votes UNIQUE (poll_id, user_id, option_index)
);

CREATE TABLE collab_messages (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id    BIGINT        NOT NULL,
    user_id    BIGINT,
    message_text VARCHAR(4000) NOT NULL,
    reply_to   BIGINT,
    deleted    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at BIGINT        NOT NULL,
    CONSTRAINT fk_collab_messages_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_collab_messages_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_collab_messages_trip ON collab_messages (trip_id, id);

CREATE TABLE collab_message_reactions (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    emoji      VARCHAR(32) NOT NULL,
    created_at BIGINT      NOT NULL,
    CONSTRAINT fk_collab_reactions_message FOREIGN KEY (message_id) REFERENCES collab_messages (id) ON DELETE CASCADE,
    CONSTRAINT fk_collab_reactions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ux_collab_reactions UNIQUE (message_id, user_id, emoji)
);
