package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/syndic/syndic/news"
)

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
func (s *Store) SaveItems(ctx context.Context, items []news.Item) (news.SaveResult, error) {
	return s.SaveDocumentItems(ctx, items, items)
}

// SaveDocumentItems is SaveItems of some of the items of one fetched
// document doc (each with the GUID and link it has in doc): GUIDs and links
// are trusted, or not, over all of doc, so that a document saved in several
// batches dedups as if saved at once.
func (s *Store) SaveDocumentItems(ctx context.Context, doc, items []news.Item) (news.SaveResult, error) {
	if len(items) == 0 {
		return news.SaveResult{}, nil
	}
	src := items[0].SourceID
	if src == "" {
		return news.SaveResult{}, fmt.Errorf("save items: empty source id")
	}
	for i := range items {
		if items[i].SourceID != src {
			return news.SaveResult{}, fmt.Errorf("save items: sources %q and %q in one batch", src, items[i].SourceID)
		}
	}
	c := s.prepareCall(ctx, src, doc, items)
	if s.pg {
		// Each call its own transaction, on its own connection.
		s.commitCalls([]*saveCall{c})
	} else {
		s.saveGrouped(c)
	}
	if c.err != nil {
		return news.SaveResult{}, fmt.Errorf("save items: %w", c.err)
	}
	return c.res, nil
}

// write saves the items of call c in tx with ctx, adding the sections
// they touch to touched; stmts binds prepared statements to tx, shared by
// the calls of a transaction.
func (s *Store) write(ctx context.Context, tx *sql.Tx, stmts map[*sql.Stmt]*sql.Stmt, touched map[string]bool, c *saveCall) (news.SaveResult, error) {
	var res news.SaveResult
	res.Items = make([]news.SavedItem, len(c.items))
	sv := saver{ctx: ctx, tx: tx, ws: &s.ws, q: s.q, now: c.now, touched: touched, stmts: stmts,
		out: res.Items, seenKey: map[string]bool{}, seenCanon: map[string]bool{}, written: map[int64]bool{}}
	if s.q.lockSource != "" {
		if _, err := tx.ExecContext(ctx, s.q.lockSource, c.src); err != nil {
			return res, fmt.Errorf("wait for source %s: %w", c.src, err)
		}
	}
	if err := sv.prefetch(c.src, c.ids); err != nil {
		return res, err
	}
	go c.stemAhead(sv.pre.byKey)
	for i := range c.items {
		saved, err := sv.save(c.items[i], c.ids[i], c.hashes[i], c.keys[i], i)
		if err != nil {
			return res, fmt.Errorf("item %d (%s): %w", i, c.items[i].Link, err)
		}
		res.Items[i].Status = saved.Status
		if saved.ID != 0 {
			res.Items[i].ID = saved.ID
		}
		switch saved.Status {
		case news.StatusNew:
			res.New++
		case news.StatusUpdated:
			res.Updated++
		case news.StatusUnchanged:
			res.Unchanged++
		}
	}
	return res, sv.flush()
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
	q                  *queries
	pre                *prefetched
	pending            []newItem
	out                []news.SavedItem // the results, whose IDs flush fills in
	seenKey, seenCanon map[string]bool
	written            map[int64]bool
}

// writeStmts are the statements of SaveItems, prepared once on the writer
// connection: preparing them per call cost a third of its time.
type writeStmts struct {
	itemByKey, itemsByLink, updateItem, itemSections         *sql.Stmt
	deleteSections, insertSection, deleteQuotes, insertQuote *sql.Stmt
	bumpSection, deleteFTS, insertFTS                        *sql.Stmt
	batch                                                    map[string]*sql.Stmt // batch.go
	// Source state, written and read once per crawl of a source (a crawl
	// of a feed answering 304 does little else): sourceState is prepared
	// on the read pool.
	saveSourceState, sourceState *sql.Stmt
	heldItems                    *sql.Stmt // SQLite: itemsByKeys on the read pool (saveGrouped)
}

func prepareWrites(ctx context.Context, w *sql.DB, q *queries) (writeStmts, error) {
	var ws writeStmts
	var err error
	if ws.batch, err = prepareBatch(ctx, w, q); err != nil {
		return writeStmts{}, err
	}
	for _, p := range []struct {
		st    **sql.Stmt
		query string
	}{
		{&ws.itemByKey, q.itemByKey}, {&ws.itemsByLink, q.itemsByLink},
		{&ws.updateItem, q.updateItem},
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
	for _, st := range []*sql.Stmt{ws.itemByKey, ws.itemsByLink, ws.updateItem, ws.itemSections,
		ws.deleteSections, ws.insertSection, ws.deleteQuotes, ws.insertQuote, ws.bumpSection, ws.deleteFTS, ws.insertFTS,
		ws.saveSourceState, ws.sourceState, ws.heldItems} {
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
	if !errors.Is(err, sql.ErrNoRows) {
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

// save saves item it (normalized) of identity id and content hash hash as
// result out; keys are its search keys.
func (sv *saver) save(it news.Item, id identity, hash []byte, keys *searchKeysOf, out int) (news.SavedItem, error) {
	old, found, err := sv.match(it.SourceID, id)
	if err != nil {
		return news.SavedItem{}, err
	}
	defer func() { sv.seen(id, old.id) }()
	if found && bytes.Equal(old.hash, hash) {
		return news.SavedItem{ID: old.id, Status: news.StatusUnchanged}, nil
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
	if !found {
		if it.FetchedAt.IsZero() {
			it.FetchedAt = sv.now
		}
		sortTime := sortKey(it.Published, it.FetchedAt.UnixMicro())
		// Inserted with the rest of the batch's new items (flush).
		sv.pending = append(sv.pending, newItem{out: out, key: id.key, item: it, keys: keys, sortTime: sortTime, args: []any{
			it.SourceID, id.key, it.GUID, it.Link, id.canon, it.Title, it.Summary, it.Content,
			authors, categories, it.Section, nullTime(it.Published), nullTime(it.Updated), it.Image, it.Lang, via,
			it.Attribution.Required, it.Attribution.Link, it.Attribution.Notice,
			it.FetchedAt.UnixMicro(), sortTime, sv.now.UnixMicro(), hash, zoneOffset(it.Published), enclosures,
		}})
		for _, sec := range it.Sections {
			sv.touched[sec] = true
		}
		return news.SavedItem{Status: news.StatusNew}, nil
	}
	itemID := old.id
	sortTime := sortKey(it.Published, old.fetchedAt)
	_, err = sv.st(sv.ws.updateItem).ExecContext(sv.ctx,
		it.GUID, it.Link, id.canon, it.Title, it.Summary, it.Content,
		authors, categories, it.Section, nullTime(it.Published), nullTime(it.Updated), it.Image, it.Lang, via,
		it.Attribution.Required, it.Attribution.Link, it.Attribution.Notice,
		sortTime, sv.now.UnixMicro(), hash, zoneOffset(it.Published), enclosures, edited, itemID)
	if err != nil {
		return news.SavedItem{}, fmt.Errorf("update item: %w", err)
	}
	if err := sv.replaceOld(itemID); err != nil {
		return news.SavedItem{}, err
	}
	if _, err := sv.st(sv.ws.deleteFTS).ExecContext(sv.ctx, itemID); err != nil {
		return news.SavedItem{}, fmt.Errorf("unindex item: %w", err)
	}
	if _, err := sv.st(sv.ws.insertFTS).ExecContext(sv.ctx, itemID, keys.get()); err != nil {
		return news.SavedItem{}, fmt.Errorf("index item: %w", err)
	}
	for _, sec := range it.Sections {
		if _, err := sv.st(sv.ws.insertSection).ExecContext(sv.ctx, itemID, sec, sortTime); err != nil {
			return news.SavedItem{}, fmt.Errorf("insert item section: %w", err)
		}
		sv.touched[sec] = true
	}
	for seq, qt := range it.Quotes {
		if _, err := sv.st(sv.ws.insertQuote).ExecContext(sv.ctx,
			itemID, seq, qt.Pos, qt.Speaker, qt.Role, qt.Verb, qt.Direct, qt.Text, quoteKeys(qt.Text)); err != nil {
			return news.SavedItem{}, fmt.Errorf("insert quote: %w", err)
		}
	}
	return news.SavedItem{ID: itemID, Status: news.StatusUpdated}, nil
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

// bumpSections bumps the version of each section touched, in order.
func (s *Store) bumpSections(ctx context.Context, tx *sql.Tx, touched map[string]bool, now time.Time) error {
	secs := make([]string, 0, len(touched))
	for sec := range touched {
		secs = append(secs, sec)
	}
	sort.Strings(secs)
	bump := tx.StmtContext(ctx, s.ws.bumpSection)
	for _, sec := range secs {
		if _, err := bump.ExecContext(ctx, sec, now.UnixMicro()); err != nil {
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
