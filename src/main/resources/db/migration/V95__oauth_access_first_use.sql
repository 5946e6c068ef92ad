-- When a pair's access token was first presented at /mcp (epoch ms; null: never). A duplicate refresh inside the
-- grace window gets the same successor only while neither half of that successor has been used (RFC 9700 §4.14.2).
ALTER TABLE oauth_tokens ADD COLUMN access_used_at BIGINT;
