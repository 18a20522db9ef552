-- 0006_item_media_edits: the media files an item's upstream attached to it
-- (a JSON array of news.Enclosure: url, type, length) and when syndic last
-- stored an upstream edit of it (NULL: not changed since first stored).

ALTER TABLE items ADD COLUMN enclosures TEXT NOT NULL DEFAULT '[]';
ALTER TABLE items ADD COLUMN edited_at INTEGER;
