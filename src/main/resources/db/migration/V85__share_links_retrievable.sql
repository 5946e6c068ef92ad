-- Share links are handed around, so their owner must be able to see the link again (get_share_link and
-- create_share_link answer the token, as the original does). The token is now stored as it is given out: 256 random
-- bits, URL-safe, unique. It is not a credential of the owner; revoking (delete_share_link) deletes the row, and the
-- public page reads the row on every request, so the URL stops working at once.
--
-- Links created before this version were stored only as a SHA-256 hash and cannot be shown again; they are dropped
-- here (their URLs stop working). Owners create a new link with create_share_link.
DROP TABLE share_tokens;

CREATE TABLE share_tokens (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id        BIGINT      NOT NULL,
    token          VARCHAR(64) NOT NULL,
    created_by     BIGINT,
    share_map      BOOLEAN     NOT NULL DEFAULT TRUE,
    share_bookings BOOLEAN     NOT NULL DEFAULT TRUE,
    share_packing  BOOLEAN     NOT NULL DEFAULT FALSE,
    share_budget   BOOLEAN     NOT NULL DEFAULT FALSE,
    share_collab   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at     BIGINT      NOT NULL,
    expires_at     BIGINT,
    CONSTRAINT fk_share_tokens_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_share_tokens_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ux_share_tokens_token ON share_tokens (token);
CREATE UNIQUE INDEX ux_share_tokens_trip_id ON share_tokens (trip_id);
