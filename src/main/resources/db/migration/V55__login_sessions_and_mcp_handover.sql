-- Screen sign-ins, shared by every node: the servlet session carries a random login-session id, this table its
-- SHA-256 hash. Every request checks the row (one read by primary key, joined to the user), so signing out, a
-- disabled or deleted user and a password change end the screen session on every node at once, whether or not the
-- servlet session itself is replicated. Rows idle longer than the session timeout are purged.
CREATE TABLE login_sessions (
    token_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id          BIGINT      NOT NULL,
    password_version INT         NOT NULL,
    created_at       BIGINT      NOT NULL,
    last_seen_at     BIGINT      NOT NULL,
    CONSTRAINT fk_login_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_login_sessions_user ON login_sessions (user_id);
CREATE INDEX ix_login_sessions_seen ON login_sessions (last_seen_at);

-- Legacy MCP messages that reached a node other than the one running the tool call they belong to: the client's
-- response to a server-to-client request (sampling, elicitation) and notifications/cancelled. The node holding the
-- call polls the rows of its sessions and takes them; rows nobody takes are purged after a minute. Bound to the
-- session (and so to its grant); they go with it.
CREATE TABLE mcp_handover (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_hash VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    request_key  VARCHAR(300) NOT NULL,
    payload      MEDIUMTEXT,
    created_at   BIGINT       NOT NULL,
    CONSTRAINT fk_mcp_handover_session FOREIGN KEY (session_hash) REFERENCES mcp_sessions (session_hash)
        ON DELETE CASCADE
);
CREATE INDEX ix_mcp_handover_session ON mcp_handover (session_hash);
CREATE INDEX ix_mcp_handover_created ON mcp_handover (created_at);
