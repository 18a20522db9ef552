-- 0005_item_media_edits (PostgreSQL): the media files an item's upstream
-- attached to it (a JSON array of news.Enclosure: url, type, length) and
-- when syndic last stored an upstream edit of it (NULL: not changed since
-- first stored); SQLite's 0006.

ALTER TABLE items ADD COLUMN enclosures TEXT NOT NULL DEFAULT '[]';
ALTER TABLE items ADD COLUMN edited_at BIGINT;
