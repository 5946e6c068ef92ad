-- The shared categories carry the original's icons (emoji), as TREK ships them: AI clients show them as they are.
-- Only the shipped rows (no owner) that still have the icon names of V30 change.
UPDATE categories SET icon = '🏨' WHERE user_id IS NULL AND name = 'Hotel' AND icon = 'hotel';
UPDATE categories SET icon = '🍽️' WHERE user_id IS NULL AND name = 'Restaurant' AND icon = 'restaurant';
UPDATE categories SET icon = '🏛️' WHERE user_id IS NULL AND name = 'Attraction' AND icon = 'attraction';
UPDATE categories SET icon = '🛍️' WHERE user_id IS NULL AND name = 'Shopping' AND icon = 'shopping';
UPDATE categories SET icon = '🚌' WHERE user_id IS NULL AND name = 'Transport' AND icon = 'transport';
UPDATE categories SET icon = '🎯' WHERE user_id IS NULL AND name = 'Activity' AND icon = 'activity';
UPDATE categories SET icon = '☕' WHERE user_id IS NULL AND name = 'Bar/Cafe' AND icon = 'cafe';
UPDATE categories SET icon = '🏖️' WHERE user_id IS NULL AND name = 'Beach' AND icon = 'beach';
UPDATE categories SET icon = '🌿' WHERE user_id IS NULL AND name = 'Nature' AND icon = 'nature';
UPDATE categories SET icon = '📍' WHERE user_id IS NULL AND name = 'Other' AND icon = 'pin';
