-- Two-factor keys are stored encrypted (AES-256-GCM, platform.crypto.SecretBox: "v1:" + base64url of nonce, cipher
-- text and tag, about 83 characters) instead of as Base32 text; keys stored before this are sealed at their next use.
-- The column grows from 64 to 255 characters. H2 and MariaDB share no syntax for changing a column's type, so the
-- table is copied into a new one and renamed (both understand ALTER TABLE ... RENAME TO).
CREATE TABLE user_two_factor_sealed (
    user_id     BIGINT       NOT NULL PRIMARY KEY,
    secret      VARCHAR(255) NOT NULL,
    last_step   BIGINT       NOT NULL,
    enrolled_at BIGINT       NOT NULL,
    CONSTRAINT fk_user_two_factor_sealed_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO user_two_factor_sealed (user_id, secret, last_step, enrolled_at)
    SELECT user_id, secret, last_step, enrolled_at FROM user_two_factor;
DROP TABLE user_two_factor;
ALTER TABLE user_two_factor_sealed RENAME TO user_two_factor;
