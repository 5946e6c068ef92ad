-- Foundation schema: accounts, settings, addons, audit log, shared rate-limit counters.
-- Portable across H2 (MODE=LEGACY) and MariaDB: BIGINT AUTO_INCREMENT ids, times as epoch milliseconds (BIGINT).
-- Avoid H2 2.x reserved words as column names (value, key, user, day, month, year...).

CREATE TABLE users (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    username         VARCHAR(100) NOT NULL,
    email            VARCHAR(255) NOT NULL,
    password_hash    VARCHAR(512) NOT NULL,
    role             VARCHAR(16)  NOT NULL,
    disabled         BOOLEAN      NOT NULL DEFAULT FALSE,
    password_version INT          NOT NULL DEFAULT 1,
    created_at       BIGINT       NOT NULL,
    last_login_at    BIGINT
);
CREATE UNIQUE INDEX ux_users_username ON users (username);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE app_settings (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000),
    updated_at    BIGINT        NOT NULL
);

CREATE TABLE addons (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500) NOT NULL,
    addon_type  VARCHAR(32)  NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    sort_order  INT          NOT NULL,
    updated_at  BIGINT       NOT NULL
);
INSERT INTO addons (id, name, description, addon_type, enabled, sort_order, updated_at) VALUES
    ('mcp', 'MCP', 'Model Context Protocol access for AI assistants (OAuth 2.1 and API tokens)', 'integration', FALSE, 1, 0),
    ('budget', 'Budget', 'Trip budget items, splits and paid flags', 'trip', TRUE, 2, 0),
    ('packing', 'Lists', 'Packing lists, bags and to-dos', 'trip', TRUE, 3, 0),
    ('collab', 'Collaboration', 'Shared notes, polls and chat for trip members', 'trip', TRUE, 4, 0),
    ('atlas', 'Atlas', 'Visited countries and bucket list', 'global', TRUE, 5, 0),
    ('vacay', 'Vacay', 'Vacation day planning', 'global', TRUE, 6, 0),
    ('journey', 'Journey', 'Travel journal', 'global', FALSE, 7, 0);

CREATE TABLE audit_log (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    created_at BIGINT        NOT NULL,
    user_id    BIGINT,
    username   VARCHAR(100),
    action     VARCHAR(64)   NOT NULL,
    target     VARCHAR(255),
    details    VARCHAR(4000),
    ip         VARCHAR(64)
);
CREATE INDEX ix_audit_created ON audit_log (created_at);
CREATE INDEX ix_audit_action_created ON audit_log (action, created_at);
CREATE INDEX ix_audit_user_created ON audit_log (user_id, created_at);

-- Fixed-window counters shared by every node: login throttling, OAuth and MCP rate limits.
CREATE TABLE rate_limits (
    bucket       VARCHAR(190) NOT NULL PRIMARY KEY,
    window_start BIGINT       NOT NULL,
    hits         INT          NOT NULL
);
