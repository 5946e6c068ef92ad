-- Trip data: trips, members, days, places, categories, tags, assignments, notes, accommodations, reservations,
-- budget, packing, to-dos, share links. Portable across H2 (MODE=LEGACY) and MariaDB 10.11.
-- Dates are ISO strings VARCHAR(10); instants are epoch millis BIGINT; money is DECIMAL(12,2).
-- No H2 reserved words as names: hence trip_days, day_date, note_time, note_text, sort_position, seq...

CREATE TABLE trips (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT        NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    description   VARCHAR(2000),
    start_date    VARCHAR(10),
    end_date      VARCHAR(10),
    currency      VARCHAR(3)    NOT NULL DEFAULT 'EUR',
    is_archived   BOOLEAN       NOT NULL DEFAULT FALSE,
    reminder_days INT           NOT NULL DEFAULT 3,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    CONSTRAINT fk_trips_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_trips_user ON trips (user_id);

CREATE TABLE trip_members (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id    BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    invited_by BIGINT,
    added_at   BIGINT NOT NULL,
    CONSTRAINT fk_trip_members_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_trip_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_trip_members ON trip_members (trip_id, user_id);
CREATE INDEX ix_trip_members_user ON trip_members (user_id);

CREATE TABLE trip_days (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id    BIGINT       NOT NULL,
    day_number INT          NOT NULL,
    day_date   VARCHAR(10),
    notes      VARCHAR(2000),
    title      VARCHAR(200),
    CONSTRAINT fk_trip_days_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_trip_days_number ON trip_days (trip_id, day_number);

CREATE TABLE categories (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    color      VARCHAR(20)  NOT NULL DEFAULT '#6366f1',
    icon       VARCHAR(20)  NOT NULL DEFAULT 'pin',
    user_id    BIGINT,
    created_at BIGINT       NOT NULL,
    CONSTRAINT fk_categories_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO categories (name, color, icon, created_at) VALUES
    ('Hotel', '#3b82f6', 'hotel', 0),
    ('Restaurant', '#ef4444', 'restaurant', 0),
    ('Attraction', '#8b5cf6', 'attraction', 0),
    ('Shopping', '#f59e0b', 'shopping', 0),
    ('Transport', '#6b7280', 'transport', 0),
    ('Activity', '#10b981', 'activity', 0),
    ('Bar/Cafe', '#f97316', 'cafe', 0),
    ('Beach', '#06b6d4', 'beach', 0),
    ('Nature', '#84cc16', 'nature', 0),
    ('Other', '#6366f1', 'pin', 0);

CREATE TABLE places (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id          BIGINT        NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000),
    lat              DOUBLE,
    lng              DOUBLE,
    address          VARCHAR(500),
    category_id      BIGINT,
    price            DECIMAL(12, 2),
    currency         VARCHAR(3),
    place_time       VARCHAR(50),
    end_time         VARCHAR(50),
    duration_minutes INT           NOT NULL DEFAULT 60,
    notes            VARCHAR(2000),
    google_place_id  VARCHAR(255),
    osm_id           VARCHAR(100),
    website          VARCHAR(500),
    phone            VARCHAR(50),
    transport_mode   VARCHAR(16)   NOT NULL DEFAULT 'walking',
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL,
    CONSTRAINT fk_places_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_places_category FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL
);
CREATE INDEX ix_places_trip ON places (trip_id);

CREATE TABLE tags (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    color      VARCHAR(20)  NOT NULL DEFAULT '#10b981',
    created_at BIGINT       NOT NULL,
    CONSTRAINT fk_tags_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_tags_user ON tags (user_id);

CREATE TABLE place_tags (
    place_id BIGINT NOT NULL,
    tag_id   BIGINT NOT NULL,
    PRIMARY KEY (place_id, tag_id),
    CONSTRAINT fk_place_tags_place FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE CASCADE,
    CONSTRAINT fk_place_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
);

CREATE TABLE day_assignments (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    day_id              BIGINT       NOT NULL,
    place_id            BIGINT       NOT NULL,
    order_index         INT          NOT NULL DEFAULT 0,
    notes               VARCHAR(500),
    assignment_time     VARCHAR(50),
    assignment_end_time VARCHAR(50),
    created_at          BIGINT       NOT NULL,
    CONSTRAINT fk_assignments_day FOREIGN KEY (day_id) REFERENCES trip_days (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignments_place FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE CASCADE
);
CREATE INDEX ix_assignments_day ON day_assignments (day_id, order_index);
CREATE INDEX ix_assignments_place ON day_assignments (place_id);

CREATE TABLE assignment_participants (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    assignment_id BIGINT NOT NULL,
    user_id       BIGINT NOT NULL,
    CONSTRAINT fk_participants_assignment FOREIGN KEY (assignment_id) REFERENCES day_assignments (id) ON DELETE CASCADE,
    CONSTRAINT fk_participants_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_assignment_participants ON assignment_participants (assignment_id, user_id);

CREATE TABLE day_notes (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    day_id     BIGINT       NOT NULL,
    trip_id    BIGINT       NOT NULL,
    note_text  VARCHAR(500) NOT NULL,
    note_time  VARCHAR(150),
    icon       VARCHAR(20)  NOT NULL,
    sort_order DOUBLE       NOT NULL DEFAULT 0,
    created_at BIGINT       NOT NULL,
    CONSTRAINT fk_day_notes_day FOREIGN KEY (day_id) REFERENCES trip_days (id) ON DELETE CASCADE,
    CONSTRAINT fk_day_notes_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE
);
CREATE INDEX ix_day_notes_trip ON day_notes (trip_id, day_id);

CREATE TABLE day_accommodations (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id      BIGINT NOT NULL,
    place_id     BIGINT,
    start_day_id BIGINT NOT NULL,
    end_day_id   BIGINT NOT NULL,
    check_in     VARCHAR(10),
    check_in_end VARCHAR(10),
    check_out    VARCHAR(10),
    confirmation VARCHAR(100),
    notes        VARCHAR(1000),
    created_at   BIGINT NOT NULL,
    CONSTRAINT fk_accommodations_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_accommodations_place FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE SET NULL,
    CONSTRAINT fk_accommodations_start FOREIGN KEY (start_day_id) REFERENCES trip_days (id) ON DELETE CASCADE,
    CONSTRAINT fk_accommodations_end FOREIGN KEY (end_day_id) REFERENCES trip_days (id) ON DELETE CASCADE
);
CREATE INDEX ix_accommodations_trip ON day_accommodations (trip_id);

CREATE TABLE reservations (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id              BIGINT       NOT NULL,
    day_id               BIGINT,
    end_day_id           BIGINT,
    place_id             BIGINT,
    assignment_id        BIGINT,
    accommodation_id     BIGINT,
    title                VARCHAR(200) NOT NULL,
    reservation_type     VARCHAR(16)  NOT NULL DEFAULT 'other',
    status               VARCHAR(16)  NOT NULL DEFAULT 'pending',
    reservation_time     VARCHAR(50),
    reservation_end_time VARCHAR(50),
    location             VARCHAR(500),
    confirmation_number  VARCHAR(100),
    notes                VARCHAR(1000),
    metadata             VARCHAR(4000),
    day_plan_position    DOUBLE,
    needs_review         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           BIGINT       NOT NULL,
    CONSTRAINT fk_reservations_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_reservations_day FOREIGN KEY (day_id) REFERENCES trip_days (id) ON DELETE SET NULL,
    CONSTRAINT fk_reservations_end_day FOREIGN KEY (end_day_id) REFERENCES trip_days (id) ON DELETE SET NULL,
    CONSTRAINT fk_reservations_place FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE SET NULL,
    CONSTRAINT fk_reservations_assignment FOREIGN KEY (assignment_id) REFERENCES day_assignments (id) ON DELETE SET NULL,
    CONSTRAINT fk_reservations_accommodation FOREIGN KEY (accommodation_id) REFERENCES day_accommodations (id) ON DELETE SET NULL
);
CREATE INDEX ix_reservations_trip ON reservations (trip_id);

CREATE TABLE reservation_endpoints (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    reservation_id BIGINT       NOT NULL,
    endpoint_role  VARCHAR(8)   NOT NULL,
    seq            INT          NOT NULL DEFAULT 0,
    name           VARCHAR(200) NOT NULL,
    code           VARCHAR(10),
    lat            DOUBLE,
    lng            DOUBLE,
    timezone       VARCHAR(64),
    local_time     VARCHAR(10),
    local_date     VARCHAR(10),
    created_at     BIGINT       NOT NULL,
    CONSTRAINT fk_endpoints_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id) ON DELETE CASCADE
);
CREATE INDEX ix_endpoints_reservation ON reservation_endpoints (reservation_id, seq);

CREATE TABLE reservation_day_positions (
    reservation_id BIGINT NOT NULL,
    day_id         BIGINT NOT NULL,
    sort_position  DOUBLE NOT NULL,
    PRIMARY KEY (reservation_id, day_id),
    CONSTRAINT fk_res_positions_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id) ON DELETE CASCADE,
    CONSTRAINT fk_res_positions_day FOREIGN KEY (day_id) REFERENCES trip_days (id) ON DELETE CASCADE
);

CREATE TABLE budget_items (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id         BIGINT         NOT NULL,
    category        VARCHAR(100)   NOT NULL DEFAULT 'Other',
    name            VARCHAR(200)   NOT NULL,
    total_price     DECIMAL(12, 2) NOT NULL DEFAULT 0,
    persons         INT,
    day_count       INT,
    note            VARCHAR(500),
    sort_order      INT            NOT NULL DEFAULT 0,
    paid_by_user_id BIGINT,
    expense_date    VARCHAR(10),
    reservation_id  BIGINT,
    created_at      BIGINT         NOT NULL,
    CONSTRAINT fk_budget_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_budget_paid_by FOREIGN KEY (paid_by_user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_budget_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id) ON DELETE SET NULL
);
CREATE INDEX ix_budget_trip ON budget_items (trip_id);

CREATE TABLE budget_item_members (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    budget_item_id BIGINT  NOT NULL,
    user_id        BIGINT  NOT NULL,
    paid           BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_budget_members_item FOREIGN KEY (budget_item_id) REFERENCES budget_items (id) ON DELETE CASCADE,
    CONSTRAINT fk_budget_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_budget_item_members ON budget_item_members (budget_item_id, user_id);

CREATE TABLE packing_bags (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id            BIGINT       NOT NULL,
    name               VARCHAR(100) NOT NULL,
    color              VARCHAR(20)  NOT NULL DEFAULT '#6366f1',
    weight_limit_grams INT,
    sort_order         INT          NOT NULL DEFAULT 0,
    user_id            BIGINT,
    created_at         BIGINT       NOT NULL,
    CONSTRAINT fk_bags_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_bags_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_bags_trip ON packing_bags (trip_id);

CREATE TABLE packing_bag_members (
    bag_id  BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    PRIMARY KEY (bag_id, user_id),
    CONSTRAINT fk_bag_members_bag FOREIGN KEY (bag_id) REFERENCES packing_bags (id) ON DELETE CASCADE,
    CONSTRAINT fk_bag_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE packing_items (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id      BIGINT       NOT NULL,
    name         VARCHAR(200) NOT NULL,
    checked      BOOLEAN      NOT NULL DEFAULT FALSE,
    category     VARCHAR(100) NOT NULL DEFAULT 'General',
    sort_order   INT          NOT NULL DEFAULT 0,
    weight_grams INT,
    bag_id       BIGINT,
    quantity     INT          NOT NULL DEFAULT 1,
    created_at   BIGINT       NOT NULL,
    CONSTRAINT fk_packing_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_packing_bag FOREIGN KEY (bag_id) REFERENCES packing_bags (id) ON DELETE SET NULL
);
CREATE INDEX ix_packing_trip ON packing_items (trip_id, sort_order);

CREATE TABLE packing_category_assignees (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id       BIGINT       NOT NULL,
    category_name VARCHAR(100) NOT NULL,
    user_id       BIGINT       NOT NULL,
    CONSTRAINT fk_packing_assignees_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_packing_assignees_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_packing_assignees ON packing_category_assignees (trip_id, category_name, user_id);

CREATE TABLE packing_templates (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_by BIGINT,
    created_at BIGINT       NOT NULL,
    CONSTRAINT fk_templates_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE packing_template_categories (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    template_id BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_template_categories FOREIGN KEY (template_id) REFERENCES packing_templates (id) ON DELETE CASCADE
);

CREATE TABLE packing_template_items (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    category_id BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_template_items FOREIGN KEY (category_id) REFERENCES packing_template_categories (id) ON DELETE CASCADE
);

CREATE TABLE todo_items (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id          BIGINT       NOT NULL,
    name             VARCHAR(500) NOT NULL,
    checked          BOOLEAN      NOT NULL DEFAULT FALSE,
    category         VARCHAR(100),
    sort_order       INT          NOT NULL DEFAULT 0,
    due_date         VARCHAR(10),
    description      VARCHAR(2000),
    assigned_user_id BIGINT,
    priority         INT          NOT NULL DEFAULT 0,
    created_at       BIGINT       NOT NULL,
    CONSTRAINT fk_todos_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_todos_user FOREIGN KEY (assigned_user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_todos_trip ON todo_items (trip_id, sort_order);

CREATE TABLE todo_category_assignees (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id       BIGINT       NOT NULL,
    category_name VARCHAR(100) NOT NULL,
    user_id       BIGINT       NOT NULL,
    CONSTRAINT fk_todo_assignees_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_todo_assignees_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_todo_assignees ON todo_category_assignees (trip_id, category_name, user_id);

-- Public read-only links. Only the SHA-256 of the token is stored: it is shown once, when created.
CREATE TABLE share_tokens (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id        BIGINT      NOT NULL,
    token_hash     VARCHAR(64) NOT NULL,
    token_hint     VARCHAR(12) NOT NULL,
    created_by     BIGINT,
    share_map      BOOLEAN     NOT NULL DEFAULT TRUE,
    share_bookings BOOLEAN     NOT NULL DEFAULT TRUE,
    share_packing  BOOLEAN     NOT NULL DEFAULT FALSE,
    share_budget   BOOLEAN     NOT NULL DEFAULT FALSE,
    share_collab   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at     BIGINT      NOT NULL,
    expires_at     BIGINT,
    CONSTRAINT fk_share_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_share_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ux_share_tokens_hash ON share_tokens (token_hash);
CREATE UNIQUE INDEX ux_share_tokens_trip ON share_tokens (trip_id);
