-- Legacy (2025-xx) MCP sessions, shared by every node: the session id is stored only as its SHA-256 hash.
-- A session is bound to the grant that opened it (grant_id) and expires after an hour without use.
CREATE TABLE mcp_sessions (
    session_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id          BIGINT       NOT NULL,
    client_id        VARCHAR(190),
    grant_id         VARCHAR(190) NOT NULL,
    protocol_version VARCHAR(20)  NOT NULL,
    log_level        VARCHAR(16),
    client_caps      VARCHAR(2000),
    created_at       BIGINT       NOT NULL,
    last_seen_at     BIGINT       NOT NULL,
    CONSTRAINT fk_mcp_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_mcp_sessions_user ON mcp_sessions (user_id, last_seen_at);
CREATE INDEX ix_mcp_sessions_grant ON mcp_sessions (grant_id);
