package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/syndic/syndic/news"
)

// Batched writes of SaveItems: the stored items an input may match are read
// for the whole batch at once (prefetch), and new items, with their search
// keys, sections and quotes, are written with multi-row statements (flush).
// An input that shares its key or link with an earlier input of the batch,
// or whose match was written earlier in the batch, is looked up one by one
// after a flush, so the batch sees every earlier write as SaveItems
// promises ("items are processed in order").

// prefetched is what the store held, before the batch, for its keys and links.
type prefetched struct {
	byKey   map[string]stored
	byCanon map[string][]stored
}

// prefetch reads the stored items matching any key, or any canonical link
// usable for matching, of the batch.
func (sv *saver) prefetch(src string, ids []identity) error {
	keys := make([]string, 0, len(ids))
	var canons []string
	for _, id := range ids {
		keys = append(keys, id.key)
		if id.byLink {
			canons = append(canons, id.canon)
		}
	}
	pre := &prefetched{byKey: make(map[string]stored, len(ids)), byCanon: map[string][]stored{}}
	scan := func(query string, list []string, add func(k string, st stored)) error {
		return lookUpStored(sv.ctx, sv.prepared(query), src, list, add)
	}
	if err := scan(sv.q.itemsByKeys, keys, func(k string, st stored) { pre.byKey[k] = st }); err != nil {
		return fmt.Errorf("look up items by key: %w", err)
	}
	if err := scan(sv.q.itemsByLinks, canons, func(k string, st stored) { pre.byCanon[k] = append(pre.byCanon[k], st) }); err != nil {
		return fmt.Errorf("look up items by link: %w", err)
	}
	sv.pre = pre
	return nil
}

// lookUpStored runs st, a lookup of source src's items by a JSON list of
// keys or links (itemsByKeys, itemsByLinks), and passes add each row's key
// or link and stored item. An empty list looks nothing up.
func lookUpStored(ctx context.Context, st *sql.Stmt, src string, list []string, add func(k string, st stored)) error {
	if len(list) == 0 {
		return nil
	}
	js, _ := json.Marshal(list) // []string always encodes
	rows, err := st.QueryContext(ctx, src, string(js))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var row stored
		var k string
		if err := rows.Scan(&row.id, &k, &row.fetchedAt, &row.hash); err != nil {
			return err
		}
		add(k, row)
	}
	return rows.Err()
}

// match finds the stored item an input matches, from the prefetched rows
// when no earlier write of the batch can have changed the answer, else
// after a flush, from the database.
func (sv *saver) match(src string, id identity) (stored, bool, error) {
	fresh := sv.pre != nil && !sv.seenKey[id.key] && (id.canon == "" || !sv.seenCanon[id.canon])
	if fresh {
		if st, ok := sv.pre.byKey[id.key]; ok {
			if !sv.written[st.id] {
				return st, true, nil
			}
			fresh = false
		}
	}
	if fresh && !id.byLink {
		return stored{}, false, nil
	}
	if fresh {
		rows := sv.pre.byCanon[id.canon]
		for _, st := range rows {
			if sv.written[st.id] {
				fresh = false
			}
		}
		if fresh {
			if len(rows) == 1 {
				return rows[0], true, nil
			}
			return stored{}, false, nil
		}
	}
	if err := sv.flush(); err != nil {
		return stored{}, false, err
	}
	return sv.lookup(src, id)
}

// seen records that an input with this identity was saved, as item itemID
// when it wrote one (0: a new item not inserted yet).
func (sv *saver) seen(id identity, itemID int64) {
	sv.seenKey[id.key] = true
	if id.canon != "" {
		sv.seenCanon[id.canon] = true
	}
	if itemID != 0 {
		sv.written[itemID] = true
	}
}

// newItem is a new item waiting for flush.
type newItem struct {
	out      int // index in the batch's results
	args     []any
	key      string
	item     news.Item // for its sections and quotes
	keys     *searchKeysOf
	sortTime int64
}

// flush inserts the new items waiting, then their search keys, sections
// and quotes, and fills in their IDs.
func (sv *saver) flush() error {
	if len(sv.pending) == 0 {
		return nil
	}
	pending := sv.pending
	sv.pending = nil
	ids := make(map[string]int64, len(pending))
	for _, chunk := range pieces(len(pending)) {
		args := make([]any, 0, (chunk[1]-chunk[0])*25)
		for _, p := range pending[chunk[0]:chunk[1]] {
			args = append(args, p.args...)
		}
		rows, err := sv.prepared(sv.q.insertItems(chunk[1]-chunk[0])).QueryContext(sv.ctx, args...)
		if err != nil {
			return fmt.Errorf("insert items: %w", err)
		}
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return fmt.Errorf("insert items: %w", err)
			}
			ids[key] = id
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("insert items: %w", err)
		}
	}
	var fts, secs, quotes []any
	for _, p := range pending {
		id, ok := ids[p.key]
		if !ok {
			return fmt.Errorf("insert items: no id returned for %q", p.key)
		}
		sv.out[p.out].ID = id
		sv.written[id] = true
		fts = append(fts, id, p.keys.get())
		for _, sec := range p.item.Sections {
			secs = append(secs, id, sec, p.sortTime)
		}
		for seq, qt := range p.item.Quotes {
			quotes = append(quotes, id, seq, qt.Pos, qt.Speaker, qt.Role, qt.Verb, qt.Direct, qt.Text, quoteKeys(qt.Text))
		}
	}
	for _, w := range []struct {
		what string
		rows func(n int) string
		args []any
		cols int
	}{
		{"index items", sv.q.insertFTSRows, fts, 2},
		{"insert item sections", sv.q.insertSections, secs, 3},
		{"insert quotes", sv.q.insertQuotes, quotes, 9},
	} {
		for _, chunk := range pieces(len(w.args) / w.cols) {
			if _, err := sv.prepared(w.rows(chunk[1]-chunk[0])).ExecContext(sv.ctx, w.args[chunk[0]*w.cols:chunk[1]*w.cols]...); err != nil {
				return fmt.Errorf("%s: %w", w.what, err)
			}
		}
	}
	return nil
}

// prepareBatch prepares the batch statements on the writer, once: the two
// lookups, and each multi-row insert for 1, 2, 4 … maxRows rows (a batch
// is written in such pieces), so that SQLite does not parse them again for
// every batch.
func prepareBatch(ctx context.Context, w *sql.DB, q *queries) (map[string]*sql.Stmt, error) {
	qs := []string{q.itemsByKeys, q.itemsByLinks}
	for n := 1; n <= maxRows; n *= 2 {
		qs = append(qs, q.insertItems(n), q.insertFTSRows(n), q.insertSections(n), q.insertQuotes(n))
	}
	m := make(map[string]*sql.Stmt, len(qs))
	for _, q := range qs {
		st, err := w.PrepareContext(ctx, q)
		if err != nil {
			closeBatch(m)
			return nil, fmt.Errorf("prepare statement: %w", err)
		}
		m[q] = st
	}
	return m, nil
}

func closeBatch(m map[string]*sql.Stmt) error {
	var errs []error
	for _, st := range m {
		errs = append(errs, st.Close())
	}
	return errors.Join(errs...)
}

// prepared returns a prepared batch statement bound to the transaction.
func (sv *saver) prepared(query string) *sql.Stmt {
	st, ok := sv.ws.batch[query]
	if !ok {
		panic("store: batch statement not prepared: " + query) // pieces and prepareBatch disagree
	}
	return sv.st(st)
}

// maxRows is the most rows one batch statement writes (25 parameters a
// row: 6,400, well within SQLite's 32,766 and PostgreSQL's 65,535).
const maxRows = 256

// pieces splits n rows into [from, to) ranges of 256, 128 … 2, 1 rows.
func pieces(n int) [][2]int {
	var out [][2]int
	for from := 0; from < n; {
		size := maxRows
		for size > n-from {
			size /= 2
		}
		out = append(out, [2]int{from, from + size})
		from += size
	}
	return out
}

// rows is head followed by n copies of row, its ? placeholders numbered
// $1, $2… when the dialect says so.
func (q *queries) rows(head, row string, n int) string {
	var s strings.Builder
	s.WriteString(head)
	p := 0
	for i := range n {
		if i > 0 {
			s.WriteString(", ")
		}
		for _, r := range row {
			if r != '?' || !q.numbered {
				s.WriteRune(r)
				continue
			}
			p++
			s.WriteString("$" + strconv.Itoa(p))
		}
	}
	return s.String()
}

func (q *queries) insertItems(n int) string {
	return q.rows(q.itemsHead, q.itemRow, n) + " RETURNING id, dedup_key"
}
func (q *queries) insertFTSRows(n int) string  { return q.rows(q.ftsHead, q.ftsRow, n) }
func (q *queries) insertSections(n int) string { return q.rows(q.sectionsHead, q.sectionRow, n) }
func (q *queries) insertQuotes(n int) string   { return q.rows(q.quotesHead, q.quoteRow, n) }
