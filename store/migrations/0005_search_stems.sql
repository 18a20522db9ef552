-- 0005_search_stems: full-text search reads words as routing does, with the
-- one stemmer of news.Words. The index holds, per item, the keys of the
-- words of its title and text (store.searchKeys: stems and folded forms,
-- '^' before those of capitalised words), computed in Go: SQL cannot stem.
-- The step that follows this file in store/migrate.go (goSteps) fills it
-- and the quotes' text keys again from the stored items.

DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5(keys, tokenize = "unicode61 remove_diacritics 0 tokenchars '^'");

-- A quote's text as the same keys, each between spaces (store.quoteKeys).
ALTER TABLE quotes ADD COLUMN text_keys TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes DROP COLUMN text_fold;
