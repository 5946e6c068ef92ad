-- Two-factor sign-in (TOTP, RFC 6238). A row exists only for a user who confirmed enrolment with a valid code.
-- secret is the Base32 key the authenticator app holds (a TOTP check needs the key itself, so it cannot be hashed);
-- last_step is the 30-second time step of the last accepted code: a code of that step or an earlier one is refused,
-- so a code works once.
CREATE TABLE user_two_factor (
    user_id     BIGINT      NOT NULL PRIMARY KEY,
    secret      VARCHAR(64) NOT NULL,
    last_step   BIGINT      NOT NULL,
    enrolled_at BIGINT      NOT NULL,
    CONSTRAINT fk_user_two_factor_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Recovery codes: SHA-256 of each (80 random bits), shown once at enrolment; used_at is set when one is spent.
CREATE TABLE two_factor_recovery_codes (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    used_at    BIGINT,
    CONSTRAINT fk_two_factor_recovery_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_two_factor_recovery_user ON two_factor_recovery_codes (user_id);
