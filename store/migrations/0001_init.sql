-- 0001_init: items, their sections and quotes, section versions, source state.
-- Times are INTEGER microseconds since the Unix epoch, UTC; NULL when unknown.

CREATE TABLE items (
	id             INTEGER PRIMARY KEY,
	source_id      TEXT    NOT NULL,
	-- dedup_key identifies the item within its source: 'g:'+GUID, 'l:'+canonical
	-- link or 't:'+hash(title, published date); see store/dedup.go. Set on insert, never changed.
	dedup_key      TEXT    NOT NULL,
	guid           TEXT    NOT NULL DEFAULT '',
	link           TEXT    NOT NULL DEFAULT '',
	canonical_link TEXT    NOT NULL DEFAULT '',
	title          TEXT    NOT NULL DEFAULT '',
	summary        TEXT    NOT NULL DEFAULT '',
	content        TEXT    NOT NULL DEFAULT '',
	authors        TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
	categories     TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
	section        TEXT    NOT NULL DEFAULT '',
	published      INTEGER,
	published_offset INTEGER NOT NULL DEFAULT 0, -- seconds east of UTC the date was written in
	updated        INTEGER,
	image          TEXT    NOT NULL DEFAULT '',
	lang           TEXT    NOT NULL DEFAULT '',
	via            TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
	attr_required  INTEGER NOT NULL DEFAULT 0,
	attr_link      TEXT    NOT NULL DEFAULT '',
	attr_notice    TEXT    NOT NULL DEFAULT '',
	fetched_at     INTEGER NOT NULL,  -- first stored, kept on updates
	sort_time      INTEGER NOT NULL,  -- published, or fetched_at when unknown
	changed_at     INTEGER NOT NULL,  -- last insert or update
	content_hash   BLOB    NOT NULL,
	UNIQUE (source_id, dedup_key)
);

CREATE INDEX items_source_link ON items (source_id, canonical_link) WHERE canonical_link <> '';

-- item_sections routes items into syndic's sections. sort_time is a copy of
-- items.sort_time so that "newest N of a section" is one index range read.
CREATE TABLE item_sections (
	item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	section   TEXT    NOT NULL,
	sort_time INTEGER NOT NULL,
	PRIMARY KEY (item_id, section)
) WITHOUT ROWID;

CREATE INDEX item_sections_newest ON item_sections (section, sort_time DESC, item_id DESC);

CREATE TABLE quotes (
	item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
	seq      INTEGER NOT NULL,           -- order within the item, from 0
	position INTEGER NOT NULL DEFAULT 0, -- byte offset in the body text (news.Quote.Pos)
	speaker  TEXT    NOT NULL DEFAULT '',
	role     TEXT    NOT NULL DEFAULT '',
	verb     TEXT    NOT NULL DEFAULT '',
	direct   INTEGER NOT NULL DEFAULT 0,
	text     TEXT    NOT NULL,
	PRIMARY KEY (item_id, seq)
) WITHOUT ROWID;

CREATE INDEX quotes_speaker ON quotes (speaker, item_id);

CREATE TABLE section_versions (
	section    TEXT    PRIMARY KEY,
	version    INTEGER NOT NULL,
	changed_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE source_states (
	source_id     TEXT    PRIMARY KEY,
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	last_fetch    INTEGER,
	last_success  INTEGER,
	last_error    TEXT    NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	next_fetch    INTEGER,
	attr_required INTEGER NOT NULL DEFAULT 0,
	attr_link     TEXT    NOT NULL DEFAULT '',
	attr_notice   TEXT    NOT NULL DEFAULT ''
) WITHOUT ROWID;
