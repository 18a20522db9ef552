// Package store keeps syndic's items, their sections and quotes, and the
// crawl state of each source, in an embedded SQLite database (modernc.org/sqlite,
// no cgo) or, for several processes, in PostgreSQL (pgx).
//
// The aggregator writes with SaveItems and SaveSourceState; the publisher
// reads with SectionItems, SectionVersion and ItemByID. A Store is safe for
// concurrent use.
//
// Design:
//
//   - Items are deduplicated per source by a dedup key derived once, on
//     insert (the GUID; else the canonical link; else title and published
//     date), and by canonical link; see SaveItems and dedup.go. An edit is
//     detected by a content hash, so resaving an unchanged feed writes nothing.
//   - Two pools on one file: a writer with a single connection (BEGIN
//     IMMEDIATE, so a transaction never has to upgrade its lock; writers queue
//     in Go rather than in busy_timeout) and a pool of query_only readers,
//     which WAL lets run beside the writer on their own snapshots.
//   - WAL with synchronous=NORMAL: a commit survives the process being killed;
//     only a power cut can lose the last commits (never corrupt), and source
//     state rolls back with them, so the next crawl fetches them again.
//   - The WAL is kept bounded by SQLite's automatic checkpoints
//     (wal_autocheckpoint=1000 pages, journal_size_limit=64 MiB) and a
//     periodic TRUNCATE checkpoint that readers cannot starve for long.
//   - All SQL lives in sqlite.go and migrations/, and in postgres.go and
//     migrations_pg/; store.go is backend-neutral database/sql code, and
//     every behaviour test runs on both backends (forBackends).
//   - On PostgreSQL, SaveItems of one source take turns through an advisory
//     lock, so crawlers in several processes never store an item twice;
//     readers use REPEATABLE READ so that one read sees one snapshot, and
//     leases.go shares the crawl between processes.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/syndic/syndic/news"
)

// ErrNotFound is returned (wrapped) when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// Status says what SaveItems did with one item.
type Status int

// Statuses of a saved item.
const (
	StatusNew       Status = iota + 1 // stored for the first time
	StatusUpdated                     // an edit of a stored item, updated in place
	StatusUnchanged                   // identical to the stored item; nothing written
)

func (s Status) String() string {
	switch s {
	case StatusNew:
		return "new"
	case StatusUpdated:
		return "updated"
	case StatusUnchanged:
		return "unchanged"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// SaveResult counts what SaveItems did.
type SaveResult struct {
	New, Updated, Unchanged int
	Items                   []SavedItem // one per input item, same order
}

// SavedItem is the stored ID of one input item and what was done with it.
type SavedItem struct {
	ID     int64
	Status Status
}

// SourceState is what the crawler remembers about a source between passes.
type SourceState struct {
	SourceID           string
	ETag, LastModified string    // validators for conditional GET
	LastFetch          time.Time // last attempt
	LastSuccess        time.Time
	LastError          string // "" after a success
	Failures           int    // consecutive failures
	NextFetch          time.Time
	Attribution        news.Attribution // the reuse rule detected on the source's pages
}

// Option configures Open.
type Option func(*options)

type options struct {
	now             func() time.Time
	checkpointEvery time.Duration
}

// WithClock makes the store read the time (for FetchedAt and section change
// times) from now instead of time.Now.
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// WithCheckpointInterval sets how often a background TRUNCATE checkpoint
// folds the WAL back into the database (default 5 minutes; 0 disables it,
// leaving SQLite's automatic checkpoints only).
func WithCheckpointInterval(d time.Duration) Option {
	return func(o *options) { o.checkpointEvery = d }
}

// Store is syndic's database. Create it with Open; it is safe for concurrent use.
type Store struct {
	w, r *sql.DB // w: writes (SQLite: one connection); r: read pool
	q    *queries
	pg   bool // PostgreSQL
	ws   writeStmts
	now  func() time.Time

	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

// Open opens the database named by database and brings its schema up to
// date: a PostgreSQL database when it is a postgres:// or postgresql:// URL
// (see IsPostgres), else a SQLite file.
//
// A SQLite path is a file name or a "file:" URI whose own parameters (say
// _pragma=synchronous(FULL)) win over the defaults; the file is created if
// needed. An in-memory database is not supported: the writer and the
// readers use separate connections to one file.
//
// A PostgreSQL URL is a libpq-style URL; the database must exist. Other
// query parameters are sent as run-time parameters, so search_path=NAME
// keeps syndic's tables in the schema NAME (which must exist). Several
// processes may open one PostgreSQL database and write to it at once.
func Open(ctx context.Context, database string, opts ...Option) (*Store, error) {
	o := options{now: time.Now, checkpointEvery: 5 * time.Minute}
	for _, f := range opts {
		f(&o)
	}
	var (
		w, r *sql.DB
		err  error
		q    = &sqliteQueries
		mfs  = sqliteMigrations
		mdir = "migrations"
		pg   = IsPostgres(database)
	)
	if pg {
		w, r, err = openPostgres(ctx, database)
		q, mfs, mdir = &postgresQueries, postgresMigrations, "migrations_pg"
		o.checkpointEvery = 0
	} else {
		w, r, err = openSQLite(ctx, database)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", Redact(database), err)
	}
	s := &Store{w: w, r: r, q: q, pg: pg, now: o.now, stop: make(chan struct{}), done: make(chan struct{})}
	ms, err := loadMigrations(mfs, mdir)
	if err == nil {
		err = migrate(ctx, w, s.q, ms, s.clock().UnixMicro())
	}
	if err == nil {
		s.ws, err = prepareWrites(ctx, w, s.q, s.batchQueries())
	}
	if err == nil {
		s.ws.sourceState, err = r.PrepareContext(ctx, s.q.sourceState)
		if err != nil {
			s.ws.close()
			err = fmt.Errorf("prepare statement: %w", err)
		}
	}
	if err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("open store %s: %w", Redact(database), err)
	}
	go s.checkpointLoop(o.checkpointEvery)
	return s, nil
}

// Shared reports whether the database may be shared by several processes
// (PostgreSQL): crawlers then take turns through source leases and host
// turns (see ClaimSources and HostTurn). A SQLite store belongs to one
// process.
func (s *Store) Shared() bool { return s.pg }

// Close stops the background checkpoints, folds the WAL into the database and
// closes it. Calls after the first return the first call's result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		close(s.stop)
		<-s.done
		_, err := s.Checkpoint(context.Background())
		s.closeErr = errors.Join(err, s.ws.close(), s.r.Close(), s.w.Close())
	})
	return s.closeErr
}

// checkpointWait bounds how long Checkpoint waits for readers of older
// snapshots; writers queue behind it meanwhile.
const checkpointWait = 200 * time.Millisecond

// Checkpoint copies the WAL into the database file and truncates it. It
// waits for readers of older snapshots for at most 200ms of busy-handler
// sleep (writers queue behind it meanwhile); busy reports that it could not
// finish in that time, which is not an error: the next checkpoint catches up.
// On PostgreSQL, whose server manages its own log, it does nothing.
func (s *Store) Checkpoint(ctx context.Context) (busy bool, err error) {
	if s.pg {
		return false, nil
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("checkpoint wal: %w", err)
	}
	defer conn.Close()
	busy, err = sqliteCheckpoint(ctx, conn, checkpointWait)
	if err != nil {
		return false, fmt.Errorf("checkpoint wal: %w", err)
	}
	return busy, nil
}

func (s *Store) checkpointLoop(every time.Duration) {
	defer close(s.done)
	if every <= 0 {
		<-s.stop
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			// A failed or busy checkpoint is retried at the next tick and
			// SQLite's automatic checkpoints go on meanwhile; there is no
			// caller to report to.
			_, _ = s.Checkpoint(context.Background())
		}
	}
}

// clock is the current time as stored: UTC, microseconds.
func (s *Store) clock() time.Time { return roundTime(s.now()) }

// SaveItems stores the items of one source fetched in one pass (all with the
// same, non-empty SourceID), in one transaction: either all are saved or,
// on error, none. Calls for one source take turns, also across processes
// sharing a PostgreSQL database, so two crawls of a source never store an
// item twice.
//
// Each item is matched to a stored item of its source by its dedup key (the
// GUID; if the document has no GUID for it or gives the same GUID to
// different stories, the canonical link; failing that the title and
// published date), and failing that by canonical link alone, so an item
// republished upstream under a new GUID is recognised. A link shared by
// different stories (in the batch or among stored items) is not used.
//
// A matched item whose content differs (anything but its GUID, FetchedAt and
// the parts of its link news.LinkKey drops) is updated in place, taking all
// the new values but keeping its ID and first FetchedAt; an identical one is
// left alone and nothing is written. Sections and quotes of an updated item are
// replaced. Every section an item enters, leaves or is edited in gets its
// version bumped once per call. A new item's FetchedAt is the store's clock
// when zero. Items are processed in order: two inputs that match the same
// item are saved as successive versions of it.
func (s *Store) SaveItems(ctx context.Context, items []news.Item) (SaveResult, error) {
	return s.SaveDocumentItems(ctx, items, items)
}

// SaveDocumentItems is SaveItems of some of the items of one fetched
// document doc (each with the GUID and link it has in doc): GUIDs and links
// are trusted, or not, over all of doc, so that a document saved in several
// batches dedups as if saved at once.
func (s *Store) SaveDocumentItems(ctx context.Context, doc, items []news.Item) (SaveResult, error) {
	var res SaveResult
	if len(items) == 0 {
		return res, nil
	}
	src := items[0].SourceID
	if src == "" {
		return res, fmt.Errorf("save items: empty source id")
	}
	for i := range items {
		if items[i].SourceID != src {
			return res, fmt.Errorf("save items: sources %q and %q in one batch", src, items[i].SourceID)
		}
	}
	ids := identifyWithin(doc, items)
	now := s.clock()

	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("save items: %w", err)
	}
	defer tx.Rollback()
	if s.q.lockSource != "" {
		if _, err := tx.ExecContext(ctx, s.q.lockSource, src); err != nil {
			return res, fmt.Errorf("save items: wait for source %s: %w", src, err)
		}
	}
	res.Items = make([]SavedItem, len(items))
	sv := saver{ctx: ctx, tx: tx, ws: &s.ws, bq: s.batchQueries(), now: now, touched: make(map[string]bool), stmts: make(map[*sql.Stmt]*sql.Stmt),
		out: res.Items, seenKey: map[string]bool{}, seenCanon: map[string]bool{}, written: map[int64]bool{}}
	if err := sv.prefetch(src, ids); err != nil {
		return SaveResult{}, fmt.Errorf("save items: %w", err)
	}
	for i := range items {
		saved, err := sv.save(normalize(items[i]), ids[i], i)
		if err != nil {
			return SaveResult{}, fmt.Errorf("save items: item %d (%s): %w", i, items[i].Link, err)
		}
		res.Items[i].Status = saved.Status
		if saved.ID != 0 {
			res.Items[i].ID = saved.ID
		}
		switch saved.Status {
		case StatusNew:
			res.New++
		case StatusUpdated:
			res.Updated++
		case StatusUnchanged:
			res.Unchanged++
		}
	}
	if err := sv.flush(); err != nil {
		return SaveResult{}, fmt.Errorf("save items: %w", err)
	}
	if err := sv.bumpSections(); err != nil {
		return SaveResult{}, fmt.Errorf("save items: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return SaveResult{}, fmt.Errorf("save items: commit: %w", err)
	}
	return res, nil
}

// saver writes the items of one SaveItems transaction.
type saver struct {
	ctx     context.Context
	tx      *sql.Tx
	ws      *writeStmts
	now     time.Time
	touched map[string]bool // sections whose version must change
	stmts   map[*sql.Stmt]*sql.Stmt

	// Batched writes (batch.go).
	bq                 *batchQueries
	pre                *prefetched
	pending            []newItem
	out                []SavedItem // the results, whose IDs flush fills in
	seenKey, seenCanon map[string]bool
	written            map[int64]bool
}

// writeStmts are the statements of SaveItems, prepared once on the writer
// connection: preparing them per call cost a third of its time.
type writeStmts struct {
	itemByKey, itemsByLink, insertItem, updateItem, itemSections *sql.Stmt
	deleteSections, insertSection, deleteQuotes, insertQuote     *sql.Stmt
	bumpSection, deleteFTS, insertFTS                            *sql.Stmt
	batch                                                        map[string]*sql.Stmt // batch.go
	// Source state, written and read once per crawl of a source (a crawl
	// of a feed answering 304 does little else): sourceState is prepared
	// on the read pool.
	saveSourceState, sourceState *sql.Stmt
}

func prepareWrites(ctx context.Context, w *sql.DB, q *queries, bq *batchQueries) (writeStmts, error) {
	var ws writeStmts
	var err error
	if ws.batch, err = prepareBatch(ctx, w, bq); err != nil {
		return writeStmts{}, err
	}
	for _, p := range []struct {
		st    **sql.Stmt
		query string
	}{
		{&ws.itemByKey, q.itemByKey}, {&ws.itemsByLink, q.itemsByLink},
		{&ws.insertItem, q.insertItem}, {&ws.updateItem, q.updateItem},
		{&ws.itemSections, q.itemSections}, {&ws.deleteSections, q.deleteSections},
		{&ws.insertSection, q.insertSection}, {&ws.deleteQuotes, q.deleteQuotes},
		{&ws.insertQuote, q.insertQuote}, {&ws.bumpSection, q.bumpSection},
		{&ws.deleteFTS, q.deleteFTS}, {&ws.insertFTS, q.insertFTS},
		{&ws.saveSourceState, q.saveSourceState},
	} {
		st, err := w.PrepareContext(ctx, p.query)
		if err != nil {
			ws.close()
			return writeStmts{}, fmt.Errorf("prepare statement: %w", err)
		}
		*p.st = st
	}
	return ws, nil
}

func (ws *writeStmts) close() error {
	errs := []error{closeBatch(ws.batch)}
	for _, st := range []*sql.Stmt{ws.itemByKey, ws.itemsByLink, ws.insertItem, ws.updateItem, ws.itemSections,
		ws.deleteSections, ws.insertSection, ws.deleteQuotes, ws.insertQuote, ws.bumpSection, ws.deleteFTS, ws.insertFTS,
		ws.saveSourceState, ws.sourceState} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}

// st returns ps bound to the transaction.
func (sv *saver) st(ps *sql.Stmt) *sql.Stmt {
	t, ok := sv.stmts[ps]
	if !ok {
		t = sv.tx.StmtContext(sv.ctx, ps)
		sv.stmts[ps] = t
	}
	return t
}

// stored is what matching needs of a stored item.
type stored struct {
	id        int64
	fetchedAt int64
	hash      []byte
}

func (sv *saver) lookup(src string, id identity) (stored, bool, error) {
	var st stored
	err := sv.st(sv.ws.itemByKey).QueryRowContext(sv.ctx, src, id.key).Scan(&st.id, &st.fetchedAt, &st.hash)
	if err == nil {
		return st, true, nil
	}
	if err != sql.ErrNoRows {
		return st, false, fmt.Errorf("look up item by key: %w", err)
	}
	if !id.byLink {
		return st, false, nil
	}
	rows, err := sv.st(sv.ws.itemsByLink).QueryContext(sv.ctx, src, id.canon)
	if err != nil {
		return st, false, fmt.Errorf("look up item by link: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if err := rows.Scan(&st.id, &st.fetchedAt, &st.hash); err != nil {
			return st, false, fmt.Errorf("look up item by link: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return st, false, fmt.Errorf("look up item by link: %w", err)
	}
	return st, n == 1, nil
}

func (sv *saver) save(it news.Item, id identity, out int) (SavedItem, error) {
	hash := contentHash(&it, id.canon)
	old, found, err := sv.match(it.SourceID, id)
	if err != nil {
		return SavedItem{}, err
	}
	defer func() { sv.seen(id, old.id) }()
	if found && bytes.Equal(old.hash, hash) {
		return SavedItem{ID: old.id, Status: StatusUnchanged}, nil
	}
	// An update is an edit unless all it brings is the media of an item
	// stored before they were kept (or first listed upstream since).
	edited := sql.NullInt64{Int64: sv.now.UnixMicro(), Valid: true}
	if found && len(it.Enclosures) > 0 {
		bare := it
		bare.Enclosures = nil
		if bytes.Equal(old.hash, contentHash(&bare, id.canon)) {
			edited = sql.NullInt64{}
		}
	}
	authors, categories, via := jsonList(it.Authors), jsonList(it.Categories), jsonList(it.Via)
	enclosures := jsonEnclosures(it.Enclosures)
	var itemID int64
	var sortTime int64
	status := StatusNew
	if !found {
		if it.FetchedAt.IsZero() {
			it.FetchedAt = sv.now
		}
		sortTime = sortKey(it.Published, it.FetchedAt.UnixMicro())
		// Inserted with the rest of the batch's new items (flush).
		sv.pending = append(sv.pending, newItem{out: out, key: id.key, item: it,
			sections: it.Sections, sortTime: sortTime, quotes: it.Quotes, args: []any{
				it.SourceID, id.key, it.GUID, it.Link, id.canon, it.Title, it.Summary, it.Content,
				authors, categories, it.Section, nullTime(it.Published), nullTime(it.Updated), it.Image, it.Lang, via,
				it.Attribution.Required, it.Attribution.Link, it.Attribution.Notice,
				it.FetchedAt.UnixMicro(), sortTime, sv.now.UnixMicro(), hash, zoneOffset(it.Published), enclosures,
			}})
		for _, sec := range it.Sections {
			sv.touched[sec] = true
		}
		return SavedItem{Status: StatusNew}, nil
	} else {
		status = StatusUpdated
		itemID = old.id
		sortTime = sortKey(it.Published, old.fetchedAt)
		_, err = sv.st(sv.ws.updateItem).ExecContext(sv.ctx,
			it.GUID, it.Link, id.canon, it.Title, it.Summary, it.Content,
			authors, categories, it.Section, nullTime(it.Published), nullTime(it.Updated), it.Image, it.Lang, via,
			it.Attribution.Required, it.Attribution.Link, it.Attribution.Notice,
			sortTime, sv.now.UnixMicro(), hash, zoneOffset(it.Published), enclosures, edited, itemID)
		if err != nil {
			return SavedItem{}, fmt.Errorf("update item: %w", err)
		}
		if err := sv.replaceOld(itemID); err != nil {
			return SavedItem{}, err
		}
	}
	if status == StatusUpdated {
		if _, err := sv.st(sv.ws.deleteFTS).ExecContext(sv.ctx, itemID); err != nil {
			return SavedItem{}, fmt.Errorf("unindex item: %w", err)
		}
	}
	if _, err := sv.st(sv.ws.insertFTS).ExecContext(sv.ctx, itemID, indexKeys(it)); err != nil {
		return SavedItem{}, fmt.Errorf("index item: %w", err)
	}
	for _, sec := range it.Sections {
		if _, err := sv.st(sv.ws.insertSection).ExecContext(sv.ctx, itemID, sec, sortTime); err != nil {
			return SavedItem{}, fmt.Errorf("insert item section: %w", err)
		}
		sv.touched[sec] = true
	}
	for seq, qt := range it.Quotes {
		if _, err := sv.st(sv.ws.insertQuote).ExecContext(sv.ctx,
			itemID, seq, qt.Pos, qt.Speaker, qt.Role, qt.Verb, qt.Direct, qt.Text, news.Fold(qt.Speaker), quoteKeys(qt.Text)); err != nil {
			return SavedItem{}, fmt.Errorf("insert quote: %w", err)
		}
	}
	return SavedItem{ID: itemID, Status: status}, nil
}

// replaceOld deletes the sections (marking them touched) and quotes of a
// stored item about to be rewritten.
func (sv *saver) replaceOld(itemID int64) error {
	rows, err := sv.st(sv.ws.itemSections).QueryContext(sv.ctx, itemID)
	if err != nil {
		return fmt.Errorf("read item sections: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sec string
		if err := rows.Scan(&sec); err != nil {
			return fmt.Errorf("read item sections: %w", err)
		}
		sv.touched[sec] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read item sections: %w", err)
	}
	if _, err := sv.st(sv.ws.deleteSections).ExecContext(sv.ctx, itemID); err != nil {
		return fmt.Errorf("delete item sections: %w", err)
	}
	if _, err := sv.st(sv.ws.deleteQuotes).ExecContext(sv.ctx, itemID); err != nil {
		return fmt.Errorf("delete quotes: %w", err)
	}
	return nil
}

func (sv *saver) bumpSections() error {
	secs := make([]string, 0, len(sv.touched))
	for sec := range sv.touched {
		secs = append(secs, sec)
	}
	sort.Strings(secs)
	for _, sec := range secs {
		if _, err := sv.st(sv.ws.bumpSection).ExecContext(sv.ctx, sec, sv.now.UnixMicro()); err != nil {
			return fmt.Errorf("bump section version %s: %w", sec, err)
		}
	}
	return nil
}

// sortKey orders items in a section: published time, or first stored when unknown.
func sortKey(published time.Time, fetchedAt int64) int64 {
	if published.IsZero() {
		return fetchedAt
	}
	return published.UnixMicro()
}

// SectionItems returns the newest items routed to a section, newest first
// (by published time, falling back to the time first stored; ties broken by
// the higher ID), at most limit, with their sections and quotes. It returns
// no items, and no error, for an unknown section or a limit below 1.
func (s *Store) SectionItems(ctx context.Context, section string, limit int) ([]news.Item, error) {
	if limit < 1 {
		return nil, nil
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read section items: %w", err)
	}
	defer tx.Rollback()
	items, err := queryItems(ctx, tx, s.q.sectionItems, section, limit)
	if err == nil {
		err = s.loadDetails(ctx, tx, items)
	}
	if err != nil {
		return nil, fmt.Errorf("read section items: %w", err)
	}
	return items, nil
}

// SectionVersion returns a number that changes whenever the section's
// membership or any of its items changes, and the time of that change. It is
// 0 and the store's creation time, with no error, for a section that never
// had an item.
// Versions are counted per database: combine both values in an ETag.
func (s *Store) SectionVersion(ctx context.Context, section string) (int64, time.Time, error) {
	var v, at int64
	err := s.r.QueryRowContext(ctx, s.q.sectionVersion, section).Scan(&v, &at)
	if err == sql.ErrNoRows {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("read section version: %w", err)
	}
	if at == 0 {
		return v, time.Time{}, nil
	}
	return v, fromMicros(at), nil
}

// ItemByID returns a stored item with its sections and quotes, or an error
// wrapping ErrNotFound.
func (s *Store) ItemByID(ctx context.Context, id int64) (news.Item, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return news.Item{}, fmt.Errorf("read item %d: %w", id, err)
	}
	defer tx.Rollback()
	items, err := queryItems(ctx, tx, s.q.itemByID, id)
	if err == nil && len(items) == 0 {
		err = ErrNotFound
	}
	if err == nil {
		err = s.loadDetails(ctx, tx, items)
	}
	if err != nil {
		return news.Item{}, fmt.Errorf("read item %d: %w", id, err)
	}
	return items[0], nil
}

// HasItem reports whether SaveItems would match an item of the source with
// this GUID or link to a stored one (ignoring the title fallback), so the
// crawler can skip fetching its article page.
func (s *Store) HasItem(ctx context.Context, sourceID, guid, link string) (bool, error) {
	id, err := s.storedID(ctx, sourceID, guid, link)
	if err != nil {
		return false, fmt.Errorf("check item: %w", err)
	}
	return id != 0, nil
}

// CountItems returns the number of stored items.
func (s *Store) CountItems(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, s.q.countItems).Scan(&n); err != nil {
		return 0, fmt.Errorf("count items: %w", err)
	}
	return n, nil
}

// SourceState returns the saved state of a source, or the zero SourceState
// (and no error) when none was ever saved.
func (s *Store) SourceState(ctx context.Context, sourceID string) (SourceState, error) {
	st, err := scanSourceState(s.ws.sourceState.QueryRowContext(ctx, sourceID))
	if err == sql.ErrNoRows {
		return SourceState{}, nil
	}
	if err != nil {
		return SourceState{}, fmt.Errorf("read source state %s: %w", sourceID, err)
	}
	return st, nil
}

// SourceStates returns the saved state of every source, ordered by source ID.
func (s *Store) SourceStates(ctx context.Context) ([]SourceState, error) {
	rows, err := s.r.QueryContext(ctx, s.q.sourceStates)
	if err != nil {
		return nil, fmt.Errorf("read source states: %w", err)
	}
	defer rows.Close()
	var out []SourceState
	for rows.Next() {
		st, err := scanSourceState(rows)
		if err != nil {
			return nil, fmt.Errorf("read source states: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read source states: %w", err)
	}
	return out, nil
}

// SaveSourceState replaces the saved state of st.SourceID (non-empty). Times
// are kept in UTC at microsecond precision.
func (s *Store) SaveSourceState(ctx context.Context, st SourceState) error {
	if st.SourceID == "" {
		return fmt.Errorf("save source state: empty source id")
	}
	_, err := s.ws.saveSourceState.ExecContext(ctx,
		st.SourceID, st.ETag, st.LastModified, nullTime(st.LastFetch), nullTime(st.LastSuccess), st.LastError,
		st.Failures, nullTime(st.NextFetch), st.Attribution.Required, st.Attribution.Link, st.Attribution.Notice)
	if err != nil {
		return fmt.Errorf("save source state %s: %w", st.SourceID, err)
	}
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func scanSourceState(r scanner) (SourceState, error) {
	var st SourceState
	var fetch, success, next sql.NullInt64
	err := r.Scan(&st.SourceID, &st.ETag, &st.LastModified, &fetch, &success, &st.LastError,
		&st.Failures, &next, &st.Attribution.Required, &st.Attribution.Link, &st.Attribution.Notice)
	st.LastFetch, st.LastSuccess, st.NextFetch = fromNull(fetch), fromNull(success), fromNull(next)
	return st, err
}

// queryItems runs a query selecting itemColumns.
func queryItems(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]news.Item, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []news.Item
	for rows.Next() {
		var it news.Item
		var authors, categories, via, enclosures string
		var published, updated, edited sql.NullInt64
		var fetched, offset int64
		if err := rows.Scan(&it.ID, &it.SourceID, &it.GUID, &it.Link, &it.Title, &it.Summary, &it.Content,
			&authors, &categories, &it.Section, &published, &updated, &it.Image, &it.Lang, &via,
			&it.Attribution.Required, &it.Attribution.Link, &it.Attribution.Notice, &fetched, &offset,
			&it.Key, &enclosures, &edited); err != nil {
			return nil, err
		}
		it.Published, it.Updated, it.FetchedAt = inZone(fromNull(published), offset), fromNull(updated), fromMicros(fetched)
		it.Edited = fromNull(edited)
		if it.Authors, err = parseList(authors); err == nil {
			if it.Categories, err = parseList(categories); err == nil {
				if it.Via, err = parseList(via); err == nil {
					it.Enclosures, err = parseEnclosures(enclosures)
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("decode item %d: %w", it.ID, err)
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// loadDetails fills in the sections and quotes of items.
func (s *Store) loadDetails(ctx context.Context, tx *sql.Tx, items []news.Item) error {
	if len(items) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(items))
	ids := make([]int64, len(items))
	for i := range items {
		idx[items[i].ID] = i
		ids[i] = items[i].ID
	}
	idList, _ := json.Marshal(ids) // []int64 always encodes
	rows, err := tx.QueryContext(ctx, s.q.sectionsByIDs, string(idList))
	if err != nil {
		return fmt.Errorf("read item sections: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sec string
		if err := rows.Scan(&id, &sec); err != nil {
			return fmt.Errorf("read item sections: %w", err)
		}
		it := &items[idx[id]]
		it.Sections = append(it.Sections, sec)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read item sections: %w", err)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, s.q.quotesByIDs, string(idList))
	if err != nil {
		return fmt.Errorf("read quotes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var q news.Quote
		if err := rows.Scan(&id, &q.Pos, &q.Speaker, &q.Role, &q.Verb, &q.Direct, &q.Text); err != nil {
			return fmt.Errorf("read quotes: %w", err)
		}
		it := &items[idx[id]]
		it.Quotes = append(it.Quotes, q)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read quotes: %w", err)
	}
	return nil
}

// jsonList encodes a list of strings as a JSON array ("[]" for none).
func jsonList(ss []string) string {
	if len(ss) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ss) // []string always encodes
	return string(b)
}

// parseList decodes jsonList's output; an empty list is nil.
func parseList(s string) ([]string, error) {
	var out []string
	if s == "" || s == "[]" {
		return nil, nil
	}
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return nilIfEmpty(out), nil
}

// jsonEnclosures encodes enclosures as a JSON array ("[]" for none).
func jsonEnclosures(es []news.Enclosure) string {
	if len(es) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(es) // strings and numbers always encode
	return string(b)
}

// parseEnclosures decodes jsonEnclosures's output; an empty list is nil.
func parseEnclosures(s string) ([]news.Enclosure, error) {
	if s == "" || s == "[]" {
		return nil, nil
	}
	var out []news.Enclosure
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// nullTime is t in microseconds, or NULL for the zero time.
func nullTime(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMicro(), Valid: true}
}

func fromNull(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return fromMicros(v.Int64)
}

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// zoneOffset is the offset a time was written with, in seconds east of UTC.
func zoneOffset(t time.Time) int64 {
	_, off := t.Zone()
	return int64(off)
}

// inZone gives a stored UTC instant back its original offset.
func inZone(t time.Time, offset int64) time.Time {
	if t.IsZero() || offset == 0 {
		return t
	}
	return t.In(time.FixedZone("", int(offset)))
}
