-- In-app notifications (reference §6.2 "notifications"): one row per recipient. Portable across H2 (MODE=LEGACY)
-- and MariaDB 10.11. The kind and the audience are named notification_type / notification_scope (the tools answer
-- them as type / scope); title and text are i18n keys with their parameters as a JSON object text; instants are
-- epoch millis BIGINT.

CREATE TABLE notifications (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    notification_type  VARCHAR(16)   NOT NULL,
    notification_scope VARCHAR(16)   NOT NULL,
    target             BIGINT        NOT NULL,
    sender_id          BIGINT,
    recipient_id       BIGINT        NOT NULL,
    title_key          VARCHAR(100)  NOT NULL,
    title_params       VARCHAR(4000) NOT NULL DEFAULT '{}',
    text_key           VARCHAR(100)  NOT NULL,
    text_params        VARCHAR(4000) NOT NULL DEFAULT '{}',
    positive_text_key  VARCHAR(100),
    negative_text_key  VARCHAR(100),
    positive_callback  VARCHAR(1000),
    negative_callback  VARCHAR(1000),
    response           VARCHAR(16),
    navigate_text_key  VARCHAR(100),
    navigate_target    VARCHAR(500),
    is_read            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at         BIGINT        NOT NULL,
    CONSTRAINT fk_notifications_recipient FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_notifications_sender FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE SET NULL
);
-- The list (newest first, all or unread only) and both counts of one recipient.
CREATE INDEX ix_notifications_recipient ON notifications (recipient_id, is_read, created_at);
CREATE INDEX ix_notifications_recipient_time ON notifications (recipient_id, created_at);
