-- Journeys, the travel journal addon (reference §6.2 "Journey"; addon `journey`, off by default). Portable across H2
-- (MODE=LEGACY) and MariaDB 10.11; instants are epoch millis BIGINT. The owner is journeys.user_id and also has a
-- contributor row with role 'owner' (as in the original); editors and viewers are the other contributor rows. An
-- entry's kind is named entry_type (the tools answer it as type). The photo tables of the original are not built:
-- no photo reaches MCP.

CREATE TABLE journeys (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id        BIGINT       NOT NULL,
    title          VARCHAR(200) NOT NULL,
    subtitle       VARCHAR(300),
    cover_gradient VARCHAR(200),
    status         VARCHAR(16)  NOT NULL DEFAULT 'draft',
    cover_image    VARCHAR(500),
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL,
    CONSTRAINT fk_journeys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_journeys_user ON journeys (user_id);

CREATE TABLE journey_contributors (
    journey_id     BIGINT      NOT NULL,
    user_id        BIGINT      NOT NULL,
    role           VARCHAR(16) NOT NULL,
    added_at       BIGINT      NOT NULL,
    hide_skeletons BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (journey_id, user_id),
    CONSTRAINT fk_journey_contributors_journey FOREIGN KEY (journey_id) REFERENCES journeys (id) ON DELETE CASCADE,
    CONSTRAINT fk_journey_contributors_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_journey_contributors_user ON journey_contributors (user_id);

CREATE TABLE journey_trips (
    journey_id BIGINT NOT NULL,
    trip_id    BIGINT NOT NULL,
    added_at   BIGINT NOT NULL,
    PRIMARY KEY (journey_id, trip_id),
    CONSTRAINT fk_journey_trips_journey FOREIGN KEY (journey_id) REFERENCES journeys (id) ON DELETE CASCADE,
    CONSTRAINT fk_journey_trips_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE
);
CREATE INDEX ix_journey_trips_trip ON journey_trips (trip_id);

CREATE TABLE journey_entries (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    journey_id      BIGINT       NOT NULL,
    source_trip_id  BIGINT,
    source_place_id BIGINT,
    author_id       BIGINT,
    entry_type      VARCHAR(16)  NOT NULL,
    title           VARCHAR(300),
    story           MEDIUMTEXT,
    entry_date      VARCHAR(10)  NOT NULL,
    entry_time      VARCHAR(50),
    location_name   VARCHAR(500),
    location_lat    DOUBLE,
    location_lng    DOUBLE,
    mood            VARCHAR(50),
    weather         VARCHAR(100),
    tags            VARCHAR(2000),
    visibility      VARCHAR(16)  NOT NULL DEFAULT 'private',
    sort_order      INT          NOT NULL DEFAULT 0,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    pros_cons       VARCHAR(4000),
    CONSTRAINT fk_journey_entries_journey FOREIGN KEY (journey_id) REFERENCES journeys (id) ON DELETE CASCADE,
    CONSTRAINT fk_journey_entries_trip FOREIGN KEY (source_trip_id) REFERENCES trips (id) ON DELETE SET NULL,
    CONSTRAINT fk_journey_entries_place FOREIGN KEY (source_place_id) REFERENCES places (id) ON DELETE SET NULL,
    CONSTRAINT fk_journey_entries_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_journey_entries_journey ON journey_entries (journey_id, entry_date, sort_order);
CREATE INDEX ix_journey_entries_trip ON journey_entries (source_trip_id);
CREATE INDEX ix_journey_entries_place ON journey_entries (source_place_id);

-- One public link per journey; the token (256 random bits, URL-safe) is stored as it is given out, like the trips'
-- share links (V85): its owner can see it again, and revoking deletes the row.
CREATE TABLE journey_share_tokens (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    journey_id     BIGINT      NOT NULL,
    token          VARCHAR(64) NOT NULL,
    created_by     BIGINT,
    share_timeline BOOLEAN     NOT NULL DEFAULT TRUE,
    share_gallery  BOOLEAN     NOT NULL DEFAULT TRUE,
    share_map      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     BIGINT      NOT NULL,
    CONSTRAINT fk_journey_share_tokens_journey FOREIGN KEY (journey_id) REFERENCES journeys (id) ON DELETE CASCADE,
    CONSTRAINT fk_journey_share_tokens_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ux_journey_share_tokens_token ON journey_share_tokens (token);
CREATE UNIQUE INDEX ux_journey_share_tokens_journey ON journey_share_tokens (journey_id);
