-- Full-text search over items (title and plain text), and folded copies of
-- quote speakers and texts for case-insensitive search in any script.
CREATE VIRTUAL TABLE items_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO items_fts (rowid, title, body) SELECT id, replace(title, 'ё', 'е'), replace(summary || ' ' || content, 'ё', 'е') FROM items;

ALTER TABLE quotes ADD COLUMN speaker_fold TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN text_fold TEXT NOT NULL DEFAULT '';

UPDATE quotes SET speaker_fold = lower(speaker), text_fold = lower(text);

CREATE INDEX quotes_speaker_fold ON quotes (speaker_fold, item_id);
