-- Static API tokens (trek_...): deprecated full-access credentials for MCP clients without OAuth.
-- Only the SHA-256 hash is stored; token_prefix is a short display hint ("trek_AbCd...").
CREATE TABLE mcp_tokens (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    token_prefix VARCHAR(20)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT,
    CONSTRAINT fk_mcp_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_mcp_tokens_hash ON mcp_tokens (token_hash);
CREATE INDEX ix_mcp_tokens_user ON mcp_tokens (user_id);
