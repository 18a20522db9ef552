package store

import "strings"

// queries is the SQL of the store. What both backends read alike is written
// once, here, with PostgreSQL's placeholders $1, $2, ..., which the SQLite
// driver binds the same way (the Nth argument to $N); what they write
// differently is their dialect (sqliteDialect, postgresDialect). Lists of
// ids are passed as one JSON array parameter.
type queries struct {
	dialect

	// migrations
	createMigrations string
	appliedMigration string // version -> 1 row if applied
	recordMigration  string // version, name, applied_at
	reindexItems     string // after id, limit -> id, title, summary, content, authors, by id
	reindexQuotes    string // after item id, up to item id -> item_id, seq, text
	setQuoteKeys     string // text keys, item_id, seq

	// items
	itemByKey       string // source_id, dedup_key -> id, fetched_at, content_hash
	itemsByLink     string // source_id, canonical_link -> at most 2 rows of id, fetched_at, content_hash
	updateItem      string // item columns, id
	itemSections    string // item_id -> section
	deleteSections  string // item_id
	insertSection   string // item_id, section, sort_time
	deleteQuotes    string // item_id
	insertQuote     string // item_id, seq, position, speaker, role, verb, direct, text, speaker fold, text keys (quoteKeys)
	bumpSection     string // section, changed_at
	sectionVersion  string // section -> version, changed_at
	itemByID        string // id -> item columns
	sectionsByIDs   string // JSON ids -> item_id, section
	quotesByIDs     string // JSON ids -> item_id, position, speaker, role, verb, direct, text
	countItems      string
	itemsAfter      string // id, limit -> item columns, by id
	setItemHash     string // content_hash, id
	setting         string // key -> value
	saveSetting     string // key, value
	sourceState     string // source_id -> state columns
	sourceStates    string // -> state columns, ordered by source_id
	saveSourceState string // state columns

	// stories (stories.go)
	setStory       string // story_id, item_id: the item's story, when the item exists
	storySections  string // JSON story ids -> the sections holding their reports
	storyItems     string // t, t, id, limit -> item columns of the items after (t, id) by sort_time, id
	storyOfItems   string // JSON item ids -> item_id, story_id
	storyReports   string // JSON item ids -> story_id, id, source_id, link of every report of their stories
	recentStories  string // back (µs), limit -> story_id of stories of 2+ reports, latest report first
	storiesItems   string // JSON story ids -> item columns of their reports, by sort_time, id
	storiesMembers string // JSON story ids -> item_id, story_id
	itemsByIDs     string // JSON ids -> item columns

	// batched writes (batch.go): a head followed by rows of ? placeholders
	itemsByKeys, itemsByLinks string // source_id, JSON array of keys or links -> id, key or link, fetched_at, content_hash
	itemsHead, itemRow        string
	sectionsHead, sectionRow  string
	quotesHead, quoteRow      string

	// paged reads (pages.go)
	sectionBefore string // section, t, t, id, limit: sort_time <= t bounds the index range
	sourceBefore  string // source_id, t, t, id, limit
	version       string // -> sum of versions, latest change
}

// dialect is the SQL that differs between the backends: their full-text
// indexes, their JSON functions, and the locks only a database shared by
// several processes needs.
type dialect struct {
	// searchArg turns the keys of the words a person typed (queryKeys)
	// into the parameter of searchBefore.
	searchArg func(words [][]string) any
	// numbered: the multi-row statements number their parameters $1, $2…
	// (PostgreSQL); else they are plain ? (SQLite, whose driver looks up
	// the name of every parameter it binds, in time linear in the named
	// ones: a 1,250-parameter batch spent a fifth of its time there).
	numbered bool

	migrationLock string // "" or a statement that makes migrations take turns
	lockSource    string // "" or source_id: the statement SaveItems begins with
	inIDs         string // follows "item_id ": true when it is in the JSON array of ids $1
	inTexts       string // follows a text column: true when it is in the JSON array of strings $2
	ftsHead       string // and rows of ftsRow: many insertFTS at once
	ftsRow        string
	deleteFTS     string // id
	insertFTS     string // id, keys (indexKeys)
	searchBefore  string // searchArg, t, t, id, limit: items older than the position (t, id) -> item columns
	searchQuotes  string // speaker names (JSON array; [] for any), text keys (queryKeys as JSON), since, until, after (t, item, seq), limit, names and roles excluded ("name\x1frole" JSON array; [] for none) -> quote columns
}

var (
	sqliteQueries   = newQueries(sqliteDialect)
	postgresQueries = newQueries(postgresDialect)
)

// itemColumns are read and written in this order by scanItem and itemArgs.
const itemColumns = `id, source_id, guid, link, title, summary, content, authors, categories, section,
	published, updated, image, lang, via, attr_required, attr_link, attr_notice, fetched_at, published_offset,
	dedup_key, enclosures, edited_at`

const sourceStateColumns = `source_id, etag, last_modified, last_fetch, last_success, last_error,
	failures, next_fetch, attr_required, attr_link, attr_notice`

// newQueries is the SQL of a backend that speaks d.
func newQueries(d dialect) *queries {
	return &queries{
		dialect: d,

		createMigrations: `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT    NOT NULL,
			applied_at BIGINT  NOT NULL)`,
		appliedMigration: `SELECT 1 FROM schema_migrations WHERE version = $1`,
		recordMigration:  `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
		reindexItems:     `SELECT id, title, summary, content, authors FROM items WHERE id > $1 ORDER BY id LIMIT $2`,
		reindexQuotes:    `SELECT item_id, seq, text FROM quotes WHERE item_id > $1 AND item_id <= $2`,
		setQuoteKeys:     `UPDATE quotes SET text_keys = $1 WHERE item_id = $2 AND seq = $3`,

		itemByKey:   `SELECT id, fetched_at, content_hash FROM items WHERE source_id = $1 AND dedup_key = $2`,
		itemsByLink: `SELECT id, fetched_at, content_hash FROM items WHERE source_id = $1 AND canonical_link = $2 AND canonical_link <> '' LIMIT 2`,
		updateItem: `UPDATE items SET guid = $1, link = $2, canonical_link = $3, title = $4, summary = $5, content = $6,
			authors = $7, categories = $8, section = $9, published = $10, updated = $11, image = $12, lang = $13, via = $14,
			attr_required = $15, attr_link = $16, attr_notice = $17, sort_time = $18, changed_at = $19, content_hash = $20,
			published_offset = $21, enclosures = $22, edited_at = coalesce($23, edited_at) WHERE id = $24`,
		itemSections:   `SELECT section FROM item_sections WHERE item_id = $1`,
		deleteSections: `DELETE FROM item_sections WHERE item_id = $1`,
		insertSection:  `INSERT INTO item_sections (item_id, section, sort_time) VALUES ($1, $2, $3)`,
		deleteQuotes:   `DELETE FROM quotes WHERE item_id = $1`,
		insertQuote:    `INSERT INTO quotes (item_id, seq, position, speaker, role, verb, direct, text, text_keys) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		bumpSection: `INSERT INTO section_versions (section, version, changed_at) VALUES ($1, 1, $2)
			ON CONFLICT (section) DO UPDATE SET version = section_versions.version + 1, changed_at = excluded.changed_at`,
		// A section never changed is dated by the store's creation (its first
		// migration), so that an empty feed has a real date.
		sectionVersion: `SELECT CAST(coalesce(max(version), 0) AS BIGINT), coalesce(max(changed_at), (SELECT min(applied_at) FROM schema_migrations), 0)
			FROM section_versions WHERE section = $1`,
		itemByID:    `SELECT ` + itemColumns + ` FROM items WHERE id = $1`,
		itemsAfter:  `SELECT ` + itemColumns + ` FROM items WHERE id > $1 ORDER BY id LIMIT $2`,
		setItemHash: `UPDATE items SET content_hash = $1 WHERE id = $2`,
		setting:     `SELECT value FROM settings WHERE key = $1`,
		saveSetting: `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		itemsByKeys: `SELECT id, dedup_key, fetched_at, content_hash FROM items WHERE source_id = $1 AND dedup_key ` + d.inTexts,
		itemsByLinks: `SELECT id, canonical_link, fetched_at, content_hash FROM items
			WHERE source_id = $1 AND canonical_link ` + d.inTexts + ` AND canonical_link <> ''`,
		itemsHead: `INSERT INTO items (source_id, dedup_key, guid, link, canonical_link, title, summary, content,
			authors, categories, section, published, updated, image, lang, via,
			attr_required, attr_link, attr_notice, fetched_at, sort_time, changed_at, content_hash, published_offset, enclosures) VALUES `,
		itemRow:      `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sectionsHead: `INSERT INTO item_sections (item_id, section, sort_time) VALUES `,
		sectionRow:   `(?, ?, ?)`,
		quotesHead:   `INSERT INTO quotes (item_id, seq, position, speaker, role, verb, direct, text, text_keys) VALUES `,
		quoteRow:     `(?, ?, ?, ?, ?, ?, ?, ?, ?)`,

		setStory: `INSERT INTO item_stories (item_id, story_id) SELECT id, $1 FROM items WHERE id = $2
			ON CONFLICT (item_id) DO UPDATE SET story_id = excluded.story_id`,
		storySections: `SELECT DISTINCT s.section FROM item_sections s JOIN item_stories st ON st.item_id = s.item_id
			WHERE st.story_id ` + d.inIDs + ` ORDER BY s.section`,
		storyItems: `SELECT ` + itemColumns + ` FROM items WHERE sort_time > $1 OR sort_time = $2 AND id > $3
			ORDER BY sort_time, id LIMIT $4`,
		storyOfItems: `SELECT item_id, story_id FROM item_stories WHERE item_id ` + d.inIDs,
		storyReports: `SELECT st.story_id, i.id, i.source_id, i.link FROM item_stories st JOIN items i ON i.id = st.item_id
			WHERE st.story_id IN (SELECT story_id FROM item_stories WHERE item_id ` + d.inIDs + `)
			ORDER BY st.story_id, i.sort_time, i.id`,
		recentStories: `SELECT st.story_id FROM item_stories st JOIN items i ON i.id = st.item_id
			WHERE st.story_id IN (SELECT st2.story_id FROM item_stories st2 JOIN items i2 ON i2.id = st2.item_id
				WHERE i2.sort_time >= (SELECT MAX(sort_time) FROM items) - $1)
			GROUP BY st.story_id HAVING COUNT(*) > 1 ORDER BY MAX(i.sort_time) DESC, st.story_id DESC LIMIT $2`,
		storiesItems: `SELECT ` + itemColumns + ` FROM items WHERE id IN (SELECT item_id FROM item_stories WHERE story_id ` + d.inIDs + `)
			ORDER BY sort_time, id`,
		storiesMembers: `SELECT item_id, story_id FROM item_stories WHERE story_id ` + d.inIDs,
		itemsByIDs:     `SELECT ` + itemColumns + ` FROM items WHERE id ` + d.inIDs,
		sectionsByIDs:  `SELECT item_id, section FROM item_sections WHERE item_id ` + d.inIDs + ` ORDER BY item_id, section`,
		quotesByIDs:    `SELECT item_id, position, speaker, role, verb, direct, text FROM quotes WHERE item_id ` + d.inIDs + ` ORDER BY item_id, seq`,
		countItems:     `SELECT count(*) FROM items`,
		sourceState:    `SELECT ` + sourceStateColumns + ` FROM source_states WHERE source_id = $1`,
		sourceStates:   `SELECT ` + sourceStateColumns + ` FROM source_states ORDER BY source_id`,
		saveSourceState: `INSERT INTO source_states (` + sourceStateColumns + `)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
			ON CONFLICT (source_id) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_fetch = excluded.last_fetch, last_success = excluded.last_success, last_error = excluded.last_error,
			failures = excluded.failures, next_fetch = excluded.next_fetch, attr_required = excluded.attr_required,
			attr_link = excluded.attr_link, attr_notice = excluded.attr_notice`,

		// Range reads of item_sections_newest (index-only on PostgreSQL) and
		// items_source_newest in order, bounded by the cursor and stopping
		// after limit rows, then one primary-key lookup per item (see
		// TestPageQueryPlans, TestSectionItemsQueryPlan,
		// TestPostgresQueryPlans).
		sectionBefore: `SELECT ` + prefixed("i.", itemColumns) + `
			FROM item_sections s JOIN items i ON i.id = s.item_id
			WHERE s.section = $1 AND s.sort_time <= $2 AND (s.sort_time < $3 OR s.item_id < $4)
			ORDER BY s.sort_time DESC, s.item_id DESC
			LIMIT $5`,
		sourceBefore: `SELECT ` + itemColumns + `
			FROM items
			WHERE source_id = $1 AND sort_time <= $2 AND (sort_time < $3 OR id < $4)
				AND EXISTS (SELECT 1 FROM item_sections s WHERE s.item_id = items.id)
			ORDER BY sort_time DESC, id DESC
			LIMIT $5`,
		version: `SELECT CAST(coalesce(sum(version), 0) AS BIGINT), coalesce(max(changed_at), (SELECT min(applied_at) FROM schema_migrations), 0) FROM section_versions`,
	}
}

// prefixed qualifies every column of a comma-separated list with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
