-- The Naver list import addon (off by default, as in the original). import_places_from_url with source naver-list
-- checks it (reference §9.1: the original enforced it only in the web client).
INSERT INTO addons (id, name, description, addon_type, enabled, sort_order, updated_at) VALUES
    ('naver_list_import', 'Naver list import', 'Import places from shared Naver Map lists', 'integration', FALSE, 8, 0);
