-- Vacay: vacation planning (reference §6.2). One plan per owner; other users join it by invitation (a user is in one
-- plan at a time). Dates are ISO text YYYY-MM-DD (ordered and range-searched as text, portable across H2 MODE=LEGACY
-- and MariaDB); instants are epoch millis BIGINT.

CREATE TABLE vacay_plans (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner_id                 BIGINT       NOT NULL,
    block_weekends           BOOLEAN      NOT NULL DEFAULT TRUE,
    holidays_enabled         BOOLEAN      NOT NULL DEFAULT FALSE,
    holidays_region          VARCHAR(20)  NOT NULL DEFAULT '',
    company_holidays_enabled BOOLEAN      NOT NULL DEFAULT TRUE,
    carry_over_enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    weekend_days             VARCHAR(20)  NOT NULL DEFAULT '0,6',
    week_start               INT          NOT NULL DEFAULT 1,
    created_at               BIGINT       NOT NULL,
    CONSTRAINT fk_vacay_plans_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_vacay_plans_owner ON vacay_plans (owner_id);

-- Invitations (status pending) and memberships (status accepted) of other users in a plan.
CREATE TABLE vacay_plan_members (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id    BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    status     VARCHAR(16) NOT NULL DEFAULT 'pending',
    created_at BIGINT      NOT NULL,
    CONSTRAINT fk_vacay_members_plan FOREIGN KEY (plan_id) REFERENCES vacay_plans (id) ON DELETE CASCADE,
    CONSTRAINT fk_vacay_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_vacay_members_plan_user ON vacay_plan_members (plan_id, user_id);
CREATE INDEX ix_vacay_members_user ON vacay_plan_members (user_id, status);

CREATE TABLE vacay_user_colors (
    user_id BIGINT     NOT NULL,
    plan_id BIGINT     NOT NULL,
    color   VARCHAR(7) NOT NULL DEFAULT '#6366f1',
    PRIMARY KEY (user_id, plan_id),
    CONSTRAINT fk_vacay_colors_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_vacay_colors_plan FOREIGN KEY (plan_id) REFERENCES vacay_plans (id) ON DELETE CASCADE
);
CREATE INDEX ix_vacay_colors_plan ON vacay_user_colors (plan_id);

CREATE TABLE vacay_years (
    id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id BIGINT NOT NULL,
    vacation_year INT NOT NULL,
    CONSTRAINT fk_vacay_years_plan FOREIGN KEY (plan_id) REFERENCES vacay_plans (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_vacay_years_plan_year ON vacay_years (plan_id, vacation_year);

-- A user's allowance per plan and year. carried_over is the base of the plan's first tracked year; later years'
-- carry-over is worked out from the year before when read (see VacayService.stats).
CREATE TABLE vacay_user_years (
    user_id       BIGINT NOT NULL,
    plan_id       BIGINT NOT NULL,
    vacation_year INT    NOT NULL,
    vacation_days INT    NOT NULL DEFAULT 30,
    carried_over  INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, plan_id, vacation_year),
    CONSTRAINT fk_vacay_user_years_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_vacay_user_years_plan FOREIGN KEY (plan_id) REFERENCES vacay_plans (id) ON DELETE CASCADE
);
CREATE INDEX ix_vacay_user_years_plan ON vacay_user_years (plan_id, vacation_year);

CREATE TABLE vacay_entries (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id       BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    vacation_date VARCHAR(10)  NOT NULL,
    note          VARCHAR(500) NOT NULL DEFAULT '',
    CONSTRAINT fk_vacay_entries_plan FOREIGN KEY (plan_id) REFERENCES vacay_plans (id) ON DELETE CASCADE,
    CONSTRAINT fk_vacay_entries_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_vacay_entries_user_plan_date ON vacay_entries (user_id, plan_id, vacation_date);
CREATE INDEX ix_vacay_entries_plan_date ON vacay_entries (plan_id, vacation_date);

CREATE TABLE vacay_company_holidays (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id      BIGINT       NOT NULL,
    holiday_date VARCHAR(10)  NOT NULL,
    note         VARCHAR(500) NOT NULL DEFAULT '',
    CONSTRAINT fk_vacay_company_plan FOREIGN KEY (plan_id) REFERENCES vacay_plans (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_vacay_company_plan_date ON vacay_company_holidays (plan_id, holiday_date);

CREATE TABLE vacay_holiday_calendars (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id    BIGINT      NOT NULL,
    region     VARCHAR(20) NOT NULL,
    label      VARCHAR(100),
    color      VARCHAR(7)  NOT NULL DEFAULT '#fecaca',
    sort_order INT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_vacay_calendars_plan FOREIGN KEY (plan_id) REFERENCES vacay_plans (id) ON DELETE CASCADE
);
CREATE INDEX ix_vacay_calendars_plan ON vacay_holiday_calendars (plan_id, sort_order);
