-- A change can be meant for one user only: a trip's list entry changed for its owner and members, not for everyone
-- who subscribed to their own trek://trips. NULL = every subscriber who may read the resource.
ALTER TABLE mcp_changes ADD COLUMN user_id BIGINT NULL;
