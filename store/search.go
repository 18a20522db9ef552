package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/syndic/syndic/news"
)

// Full-text search reads words as routing does (news.Words): the store
// indexes the keys of every word of an item's title and text (its stem and
// its folded form, news.Word.Keys), computed here in Go on both backends,
// and a word typed finds an item when one of its own keys is among them.
// Keys of capitalised words are marked with a leading '^': a capitalised
// word typed, a name, finds only capitalised words ("Песков" does not find
// "песка", whose stem is the same), a lower-case one finds both.

// maxKeyBytes bounds one key (PostgreSQL refuses lexemes over 2 KB) and
// maxIndexBytes the keys of one item (a tsvector holds at most 1 MB): a
// longer word, or the words past the bound, are not indexed.
const (
	maxKeyBytes   = 1000
	maxIndexBytes = 256 << 10
)

// searchKeys returns the keys the words of text are found under, each
// once, in order of first appearance, separated by spaces.
func searchKeys(text string) string {
	var b strings.Builder
	seen := [2]map[string]bool{{}, {}} // keys of lower-case and of capitalised words
	for w := range news.EachWord(text) {
		mark := 0
		if w.Capital {
			mark = 1
		}
		for i, k := range [2]string{w.Stem, w.Fold} {
			if i == 1 && k == w.Stem || k == "" || len(k) > maxKeyBytes || seen[mark][k] {
				continue
			}
			if b.Len()+len(k)+2 > maxIndexBytes {
				return b.String()
			}
			seen[mark][k] = true
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			if mark == 1 {
				b.WriteByte('^')
			}
			b.WriteString(k)
		}
	}
	return b.String()
}

// queryKeys returns, for each word typed, the keys that find it: those of
// the word marked '^' when it is capitalised, else those and their marked
// forms. It is nil when the query has no words.
func queryKeys(q string) [][]string {
	var out [][]string
	for _, w := range news.Words(q) {
		var alts []string
		for _, k := range w.Keys() {
			if len(k) > maxKeyBytes {
				continue
			}
			if !w.Capital {
				alts = append(alts, k)
			}
			alts = append(alts, "^"+k)
		}
		out = append(out, alts)
	}
	return out
}

// SearchItems returns the items whose title or text holds every word of
// query in any inflected form (as routing reads words: "Лаврова" finds
// "Лавров", "санкции" finds "санкций", "sanctions" finds "sanction"; a
// capitalised word finds only capitalised words), newest first, at most
// limit: the first page of Search. A query with no words returns nothing.
func (s *Store) SearchItems(ctx context.Context, query string, limit int) ([]news.Item, error) {
	if limit < 1 {
		return nil, nil
	}
	items, _, err := s.Search(ctx, news.SearchQuery{Text: query, Limit: limit})
	return items, err
}

// ftsQuery is the FTS5 query of SQLite's searchBefore: every word required,
// each as any of its keys ("k1" OR "k2") AND (…). Keys hold only letters,
// digits and '^', so quoting them is enough.
func ftsQuery(words [][]string) any {
	var parts []string
	for _, alts := range words {
		parts = append(parts, `("`+strings.Join(alts, `" OR "`)+`")`)
	}
	return strings.Join(parts, " AND ")
}

// tsQuery is the tsquery of PostgreSQL's searchBefore: ('k1' | 'k2') & (…),
// lexemes as written.
func tsQuery(words [][]string) any {
	var parts []string
	for _, alts := range words {
		parts = append(parts, `('`+strings.Join(alts, `' | '`)+`')`)
	}
	return strings.Join(parts, " & ")
}

// indexKeys is what the search index holds of an item: the keys of its
// title and plain text (news.Item.BodyText), and those of its byline's
// words marked authorMark.
func indexKeys(it news.Item) string {
	keys := searchKeys(it.Title + "\n" + it.BodyText())
	seen := map[string]bool{}
	for _, a := range it.Authors {
		for w := range news.EachWord(a) {
			for _, k := range w.Keys() {
				if k = authorMark + k; !seen[k] && len(k) <= maxKeyBytes && len(keys)+len(k) < maxIndexBytes {
					seen[k] = true
					keys += " " + k
				}
			}
		}
	}
	return strings.TrimPrefix(keys, " ")
}

// quoteKeys is the text_keys column of a quote: its text's keys, each
// between spaces, so that the quote search finds a key as " key ".
func quoteKeys(text string) string {
	if keys := searchKeys(text); keys != "" {
		return " " + keys + " "
	}
	return ""
}

// reindexBatch is how many items reindexSearch reads at a time.
const reindexBatch = 500

// reindexSearch writes the search index and the quotes' text keys of every
// stored item again (the step after the migration that made search read
// stems). The index must be empty.
func reindexSearch(ctx context.Context, tx *sql.Tx, q *queries) error {
	type quote struct {
		item int64
		seq  int
		text string
	}
	var last int64
	for {
		items, err := collect(ctx, tx, q.reindexItems, func(r *sql.Rows, it *news.Item) error {
			var authors string
			if err := r.Scan(&it.ID, &it.Title, &it.Summary, &it.Content, &authors); err != nil {
				return err
			}
			it.Authors, _ = parseList(authors) // a byline unreadable is left out of the index
			return nil
		}, last, reindexBatch)
		if err != nil {
			return fmt.Errorf("reindex items: %w", err)
		}
		if len(items) == 0 {
			return nil
		}
		for _, it := range items {
			if _, err := tx.ExecContext(ctx, q.insertFTS, it.ID, indexKeys(it)); err != nil {
				return fmt.Errorf("reindex item %d: %w", it.ID, err)
			}
		}
		quotes, err := collect(ctx, tx, q.reindexQuotes, func(r *sql.Rows, qt *quote) error {
			return r.Scan(&qt.item, &qt.seq, &qt.text)
		}, last, items[len(items)-1].ID)
		if err != nil {
			return fmt.Errorf("reindex quotes: %w", err)
		}
		for _, qt := range quotes {
			if _, err := tx.ExecContext(ctx, q.setQuoteKeys, quoteKeys(qt.text), qt.item, qt.seq); err != nil {
				return fmt.Errorf("reindex quote %d/%d: %w", qt.item, qt.seq, err)
			}
		}
		last = items[len(items)-1].ID
	}
}

// collect runs query in tx and returns what scan reads of each row. The
// rows are closed when it returns: PostgreSQL runs no other statement on
// the connection while they are open.
func collect[T any](ctx context.Context, tx *sql.Tx, query string, scan func(*sql.Rows, *T) error, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Quotes returns the quotes that match q, newest item first and in their
// order within an item. Walking the pages, each after the cursor of the
// last quote of the one before, meets every quote that matches once.
func (s *Store) Quotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error) {
	if q.Limit < 1 {
		q.Limit = 50
	}
	words := queryKeys(q.Text)
	if words == nil {
		if strings.TrimSpace(q.Text) != "" {
			return nil, nil // text without words finds nothing
		}
		words = [][]string{}
	}
	text, err := json.Marshal(words)
	if err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	reg, err := s.registry(ctx)
	if err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	names, others := []string{}, []string{}
	if strings.TrimSpace(q.Speaker) != "" {
		names, others = reg.quoteFilter(reg.Resolve(q.Speaker))
		if len(names) == 0 {
			return nil, nil
		}
	}
	nameList, err := json.Marshal(names)
	if err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	otherList, err := json.Marshal(append([]string{}, others...))
	if err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	until := int64(math.MaxInt64)
	if !q.Until.IsZero() {
		until = q.Until.UnixMicro()
	}
	at, item, seq := int64(math.MaxInt64), int64(math.MaxInt64), -1
	if !q.After.Time.IsZero() {
		at, item, seq = roundTime(q.After.Time).UnixMicro(), q.After.Item, q.After.Seq
	}
	rows, err := s.r.QueryContext(ctx, s.q.searchQuotes, string(nameList),
		string(text), sortKey(q.Since, 0), until, at, item, seq, q.Limit, string(otherList))
	if err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	var hits []news.QuoteHit
	var ids []int64
	for rows.Next() {
		var h news.QuoteHit
		var itemID int64
		if err := rows.Scan(&itemID, &h.Seq, &h.Quote.Pos, &h.Quote.Speaker, &h.Quote.Role, &h.Quote.Verb, &h.Quote.Direct, &h.Quote.Text); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search quotes: %w", err)
		}
		h.Item.ID = itemID
		hits = append(hits, h)
		ids = append(ids, itemID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	items := map[int64]news.Item{}
	for _, id := range ids {
		if _, ok := items[id]; ok {
			continue
		}
		it, err := s.ItemByID(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("search quotes: %w", err)
		}
		items[id] = it
	}
	for i := range hits {
		hits[i].Item = items[hits[i].Item.ID]
		hits[i].Cursor = news.QuoteCursor{Time: SortTime(&hits[i].Item), Item: hits[i].Item.ID, Seq: hits[i].Seq}
		if g := reg.ByQuote(hits[i].Quote.Speaker, hits[i].Quote.Role); g != nil {
			hits[i].SpeakerKey = g.Key
		}
	}
	return hits, nil
}
