-- 0008_speakers: the speaker registry. One row per name quotes are
-- credited to (quotes.speaker), with its key (news.SpeakerSlug) and the
-- forms it is written in (news.Speaker: whole and surname, one per line),
-- filed by the aggregator (quote.Identify); the store groups the names of
-- one person from them (speakers.go).

CREATE TABLE speakers (
	name        TEXT    COLLATE "C" PRIMARY KEY,
	speaker_key TEXT    NOT NULL,
	person      INTEGER NOT NULL DEFAULT 0,
	whole       TEXT    NOT NULL DEFAULT '',
	surname     TEXT    NOT NULL DEFAULT ''
);

-- The search index gains the words of bylines (store.indexKeys): it is
-- written again from the stored items.
DELETE FROM items_fts;
