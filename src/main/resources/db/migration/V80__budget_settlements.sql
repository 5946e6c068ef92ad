-- Settle-up payments between trip participants (TREK 3.4): from_user_id paid to_user_id an amount in the trip
-- currency. get_settlement_summary subtracts them from the balances the budget items give.
CREATE TABLE budget_settlements (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    trip_id            BIGINT         NOT NULL,
    from_user_id       BIGINT         NOT NULL,
    to_user_id         BIGINT         NOT NULL,
    amount             DECIMAL(12, 2) NOT NULL,
    created_by_user_id BIGINT,
    created_at         BIGINT         NOT NULL,
    CONSTRAINT fk_settlements_trip FOREIGN KEY (trip_id) REFERENCES trips (id) ON DELETE CASCADE,
    CONSTRAINT fk_settlements_from FOREIGN KEY (from_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_settlements_to FOREIGN KEY (to_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_settlements_creator FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_settlements_trip ON budget_settlements (trip_id);

-- A public-transit journey (create_transit_journey) keeps its legs, with their line geometry, in the reservation's
-- metadata, which VARCHAR(4000) cannot hold: the column becomes a long text (same name, same content). Written as
-- add / copy / drop / rename because H2 and MariaDB have no common syntax for changing a column's type.
ALTER TABLE reservations ADD COLUMN metadata_text MEDIUMTEXT;
UPDATE reservations SET metadata_text = metadata;
ALTER TABLE reservations DROP COLUMN metadata;
ALTER TABLE reservations RENAME COLUMN metadata_text TO metadata;
