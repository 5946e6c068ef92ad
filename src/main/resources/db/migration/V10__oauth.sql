-- OAuth 2.1 authorization server: clients, consents, authorization codes, token families.
-- Every secret is stored only as its SHA-256 hex. Times are epoch milliseconds.

CREATE TABLE oauth_clients (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_id        VARCHAR(190)  NOT NULL,
    client_name      VARCHAR(100)  NOT NULL,
    secret_hash      VARCHAR(64),
    public_client    BOOLEAN       NOT NULL,
    auth_method      VARCHAR(32)   NOT NULL,
    created_via      VARCHAR(16)   NOT NULL,
    application_type VARCHAR(16)   NOT NULL,
    redirect_uris    VARCHAR(4000) NOT NULL,
    allowed_scopes   VARCHAR(1000) NOT NULL,
    client_uri       VARCHAR(500),
    owner_id         BIGINT,
    registered_ip    VARCHAR(64),
    created_at       BIGINT        NOT NULL,
    last_used_at     BIGINT,
    document_expires_at BIGINT
);
CREATE UNIQUE INDEX ux_oauth_clients_client_id ON oauth_clients (client_id);
CREATE INDEX ix_oauth_clients_owner ON oauth_clients (owner_id);
CREATE INDEX ix_oauth_clients_via ON oauth_clients (created_via, created_at);

CREATE TABLE oauth_consents (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT        NOT NULL,
    client_id  VARCHAR(190)  NOT NULL,
    scopes     VARCHAR(1000) NOT NULL,
    created_at BIGINT        NOT NULL,
    updated_at BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_oauth_consents_user_client ON oauth_consents (user_id, client_id);
CREATE INDEX ix_oauth_consents_client ON oauth_consents (client_id);

CREATE TABLE oauth_codes (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    code_hash      VARCHAR(64)   NOT NULL,
    client_id      VARCHAR(190)  NOT NULL,
    user_id        BIGINT        NOT NULL,
    redirect_uri   VARCHAR(2000) NOT NULL,
    scopes         VARCHAR(1000) NOT NULL,
    resource_uri   VARCHAR(500)  NOT NULL,
    code_challenge VARCHAR(64)   NOT NULL,
    created_at     BIGINT        NOT NULL,
    expires_at     BIGINT        NOT NULL,
    used_at        BIGINT,
    family_id      VARCHAR(64)
);
CREATE UNIQUE INDEX ux_oauth_codes_hash ON oauth_codes (code_hash);
CREATE INDEX ix_oauth_codes_expires ON oauth_codes (expires_at);

-- One row per issued access + refresh pair. Rows of one authorization share family_id (the grant id).
CREATE TABLE oauth_tokens (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    family_id         VARCHAR(64)   NOT NULL,
    parent_id         BIGINT,
    client_id         VARCHAR(190)  NOT NULL,
    user_id           BIGINT        NOT NULL,
    access_hash       VARCHAR(64)   NOT NULL,
    refresh_hash      VARCHAR(64)   NOT NULL,
    scopes            VARCHAR(1000) NOT NULL,
    grant_scopes      VARCHAR(1000) NOT NULL,
    audience          VARCHAR(500)  NOT NULL,
    created_at        BIGINT        NOT NULL,
    access_expires_at BIGINT        NOT NULL,
    refresh_expires_at BIGINT       NOT NULL,
    family_expires_at BIGINT,
    rotated_at        BIGINT,
    successor_sealed  VARCHAR(1000),
    revoked_at        BIGINT,
    revoke_reason     VARCHAR(32),
    last_used_at      BIGINT
);
CREATE UNIQUE INDEX ux_oauth_tokens_access ON oauth_tokens (access_hash);
CREATE UNIQUE INDEX ux_oauth_tokens_refresh ON oauth_tokens (refresh_hash);
CREATE INDEX ix_oauth_tokens_family ON oauth_tokens (family_id);
CREATE INDEX ix_oauth_tokens_user_client ON oauth_tokens (user_id, client_id);
CREATE INDEX ix_oauth_tokens_client ON oauth_tokens (client_id);
CREATE INDEX ix_oauth_tokens_refresh_expires ON oauth_tokens (refresh_expires_at);
