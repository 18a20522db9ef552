-- 0010_search_docs: the search index records which items hold each key, not
-- where in them (detail=none) nor how long each item's keys are
-- (columnsize=0): search asks for items holding every word in one of its
-- forms (ftsQuery), in order of publication, never for phrases, positions or
-- a rank. Half the index to write for each new item; the keys move over as
-- they are.
CREATE VIRTUAL TABLE items_fts_docs USING fts5(keys, tokenize = "unicode61 remove_diacritics 0 tokenchars '^'", detail = none, columnsize = 0);
INSERT INTO items_fts_docs (rowid, keys) SELECT rowid, keys FROM items_fts;
DROP TABLE items_fts;
ALTER TABLE items_fts_docs RENAME TO items_fts;
