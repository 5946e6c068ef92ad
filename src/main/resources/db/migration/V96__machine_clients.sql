-- A confidential client created in Settings may be a machine client: it uses the client_credentials grant
-- (RFC 6749 §4.4) and acts for its owner with its allowed scopes, without a browser.
ALTER TABLE oauth_clients ADD COLUMN machine_client BOOLEAN DEFAULT FALSE NOT NULL;
