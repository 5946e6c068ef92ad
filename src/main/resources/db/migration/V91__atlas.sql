-- Atlas (reference §6.2 "Atlas"): the countries and ISO 3166-2 regions a user marked as visited, and the user's bucket
-- list. Everything belongs to one user (no trip). Portable across H2 (MODE=LEGACY) and MariaDB 10.11; instants are
-- epoch millis BIGINT. Codes are checked against the bundled ISO 3166 data before they are written.
-- visited_countries.by_region: the row was added because a region of the country was marked (the original's
-- "auto-mark"), not by hand; only such a row goes when the country's last region is unmarked.

CREATE TABLE visited_countries (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT     NOT NULL,
    country_code VARCHAR(2) NOT NULL,
    by_region    BOOLEAN    NOT NULL DEFAULT FALSE,
    created_at   BIGINT     NOT NULL,
    CONSTRAINT fk_visited_countries_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_visited_countries ON visited_countries (user_id, country_code);

CREATE TABLE visited_regions (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    region_code  VARCHAR(10)  NOT NULL,
    region_name  VARCHAR(200) NOT NULL,
    country_code VARCHAR(2)   NOT NULL,
    created_at   BIGINT       NOT NULL,
    CONSTRAINT fk_visited_regions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_visited_regions ON visited_regions (user_id, region_code);
CREATE INDEX ix_visited_regions_country ON visited_regions (user_id, country_code);

CREATE TABLE bucket_list (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT        NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    lat          DOUBLE,
    lng          DOUBLE,
    country_code VARCHAR(2),
    notes        VARCHAR(1000),
    target_date  VARCHAR(10),
    created_at   BIGINT        NOT NULL,
    CONSTRAINT fk_bucket_list_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_bucket_list_user ON bucket_list (user_id, created_at);
