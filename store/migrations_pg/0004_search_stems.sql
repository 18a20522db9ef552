-- 0004_search_stems (PostgreSQL; SQLite's 0005): full-text search reads
-- words as routing does, with the one stemmer of news.Words, instead of the
-- russian configuration. items_fts.tsv holds, per item, the keys of the
-- words of its title and text (store.searchKeys: stems and folded forms,
-- '^' before those of capitalised words) as lexemes, computed in Go. The
-- step that follows this file in store/migrate.go (goSteps) fills it and
-- the quotes' text keys again from the stored items.

DELETE FROM items_fts;
DROP AGGREGATE search_and (tsquery);

-- A quote's text as the same keys, each between spaces (store.quoteKeys).
ALTER TABLE quotes ADD COLUMN text_keys TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes DROP COLUMN text_fold;
