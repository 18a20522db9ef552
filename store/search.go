package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

// searchText is what full-text search indexes of an item besides its title:
// the plain text of its summary and content.
func searchText(it news.Item) string {
	return news.PlainText(it.Summary + "\n" + it.Content)
}

// fold lower-cases s and writes ё as е, for case-insensitive matching in
// any script (SQLite's own lower() folds ASCII only).
func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "ё", "е")
}

// SearchItems returns the items whose title or text contains every word of
// query in any inflected form (each word matches words starting with its
// stem: "Лавров" finds "Лаврова", "sanctions" finds "sanction"), newest
// first, at most limit. A query with no words returns nothing.
func (s *Store) SearchItems(ctx context.Context, query string, limit int) ([]news.Item, error) {
	arg := s.q.searchArg(query)
	if arg == nil || limit < 1 {
		return nil, nil
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("search items: %w", err)
	}
	defer tx.Rollback()
	items, err := queryItems(ctx, tx, s.q.searchItems, arg, limit)
	if err == nil {
		err = s.loadDetails(ctx, tx, items)
	}
	if err != nil {
		return nil, fmt.Errorf("search items %q: %w", query, err)
	}
	return items, nil
}

// searchWords splits what a person typed into words (runs of letters and
// digits, so no query syntax gets through), folded and cut to their stems.
func searchWords(q string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, searchStem(fold(w)))
	}
	return words
}

// ftsQuery turns words typed by a person into an FTS5 query: every word,
// stemmed and quoted, as a prefix; all of them required.
func ftsQuery(q string) string {
	var parts []string
	for _, w := range searchWords(q) {
		parts = append(parts, `"`+w+`"*`)
	}
	return strings.Join(parts, " AND ")
}

// tsWords turns words typed by a person into PostgreSQL prefix queries, one
// per word ('stem':*), for to_tsquery; nil when there are none.
func tsWords(q string) any {
	words := searchWords(q)
	if len(words) == 0 {
		return nil
	}
	for i, w := range words {
		words[i] = "'" + w + "':*"
	}
	return words
}

// endings are Russian and English inflections cut from a search word, the
// longest first, so that a prefix search finds the other forms.
var endings = []string{
	"иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ия", "ие", "ии", "ию",
	"ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ов", "ев", "ам", "ям", "ах", "ях",
	"ом", "ем", "ую", "юю", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
	"ing", "ed", "es", "s",
}

func searchStem(w string) string {
	n := utf8.RuneCountInString(w)
	for _, e := range endings {
		if strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= 4 {
			return strings.TrimSuffix(w, e)
		}
	}
	return w
}

// QuoteQuery selects quotes. Empty fields select everything.
type QuoteQuery struct {
	Speaker string    // part of the speaker's name, any case: "Захарова", "bortnikov"
	Text    string    // part of the quote's text, any case
	Since   time.Time // items published (or first stored) at or after
	Limit   int       // at most this many; default 50
}

// QuoteHit is a quote with the item it was found in.
type QuoteHit struct {
	Quote news.Quote
	Seq   int // the quote's place in its item, from 0
	Item  news.Item
}

// Quotes returns the quotes that match q, newest item first and in their
// order within an item.
func (s *Store) Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error) {
	if q.Limit < 1 {
		q.Limit = 50
	}
	rows, err := s.r.QueryContext(ctx, s.q.searchQuotes, likeEscape(fold(strings.TrimSpace(q.Speaker))),
		likeEscape(fold(strings.TrimSpace(q.Text))), sortKey(q.Since, 0), q.Limit)
	if err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	var hits []QuoteHit
	var ids []int64
	for rows.Next() {
		var h QuoteHit
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
	}
	return hits, nil
}

// SpeakerCount is a speaker and how many quotes are stored of them.
type SpeakerCount struct {
	Speaker string
	Quotes  int
}

// Speakers returns the most quoted speakers, most first, at most limit.
func (s *Store) Speakers(ctx context.Context, limit int) ([]SpeakerCount, error) {
	rows, err := s.r.QueryContext(ctx, s.q.speakers, limit)
	if err != nil {
		return nil, fmt.Errorf("list speakers: %w", err)
	}
	defer rows.Close()
	var out []SpeakerCount
	for rows.Next() {
		var sc SpeakerCount
		if err := rows.Scan(&sc.Speaker, &sc.Quotes); err != nil {
			return nil, fmt.Errorf("list speakers: %w", err)
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
