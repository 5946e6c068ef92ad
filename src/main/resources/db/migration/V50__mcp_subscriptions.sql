-- Resource subscriptions of legacy MCP sessions (resources/subscribe), kept with the session in the shared database
-- so that the node holding the session's GET stream can deliver notifications/resources/updated. They end with
-- the session (DELETE, expiry, revoked grant) through the foreign key.
CREATE TABLE mcp_subscriptions (
    session_hash  VARCHAR(64)   NOT NULL,
    uri           VARCHAR(512)  NOT NULL,
    -- the scopes of the grant that subscribed ('*' = full access): checked again before every notification
    grant_scopes  VARCHAR(2000) NOT NULL,
    created_at    BIGINT        NOT NULL,
    PRIMARY KEY (session_hash, uri),
    CONSTRAINT fk_mcp_subscriptions_session FOREIGN KEY (session_hash) REFERENCES mcp_sessions (session_hash)
        ON DELETE CASCADE
);

-- A short-lived change feed shared by every node: resource changes, list changes (addon toggles) and revoked grants.
-- Each node writes a row in the transaction that made the change and polls the rows of the other nodes about once
-- a second; rows older than ten minutes are purged.
CREATE TABLE mcp_changes (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id      VARCHAR(36)  NOT NULL,
    change_kind  VARCHAR(16)  NOT NULL,
    target       VARCHAR(512) NOT NULL,
    created_at   BIGINT       NOT NULL
);
CREATE INDEX ix_mcp_changes_created ON mcp_changes (created_at);
