-- 0003_source_newest (PostgreSQL): "newest N items of a source" as one
-- index range read, for the publisher's per-source feeds (store/pages.go);
-- SQLite's 0004.

CREATE INDEX IF NOT EXISTS items_source_newest ON items (source_id, sort_time DESC, id DESC);
