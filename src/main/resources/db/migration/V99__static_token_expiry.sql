-- Optional expiry of a static API token (epoch ms; null: never expires, as every token made before this had).
ALTER TABLE mcp_tokens ADD COLUMN expires_at BIGINT;
