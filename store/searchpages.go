package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/syndic/syndic/news"
)

// Search returns a page of the items q selects, newest first, and whether
// more follow it. Walking the pages, each from the position of the last
// item of the one before, meets every item that matches exactly once. A
// query with no words (in Text or Author) returns nothing.
func (s *Store) Search(ctx context.Context, q news.SearchQuery) ([]news.Item, bool, error) {
	if q.Limit < 1 {
		q.Limit = 50
	}
	text, phrases := splitPhrases(q.Text)
	words := queryKeys(text)
	for _, ph := range phrases {
		words = append(words, queryKeys(ph)...)
	}
	if len(words) > 0 {
		if err := s.addNameAliases(ctx, text, words); err != nil {
			return nil, false, err
		}
	}
	for _, w := range news.Words(q.Author) {
		var alts []string
		for _, k := range w.Keys() {
			alts = append(alts, authorMark+k)
		}
		words = append(words, alts)
	}
	if len(words) == 0 {
		return nil, false, nil
	}
	t, id := cursorArgs(q.Before, q.BeforeID)
	if !q.Until.IsZero() && (q.Before.IsZero() || q.Until.Before(q.Before)) {
		t, id = roundTime(q.Until).UnixMicro(), 0
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, false, fmt.Errorf("search: %w", err)
	}
	defer tx.Rollback()
	match := s.q.searchArg(words)
	var out []news.Item
	batch := q.Limit + 1
	for len(out) <= q.Limit {
		items, err := queryItems(ctx, tx, s.q.searchBefore, match, t, t, id, batch)
		if err != nil {
			return nil, false, fmt.Errorf("search %q: %w", q.Text, err)
		}
		for _, it := range items {
			st := sortKey(it.Published, it.FetchedAt.UnixMicro())
			t, id = st, it.ID
			if !q.Since.IsZero() && st < q.Since.UnixMicro() {
				items = nil // older than wanted: no more to come
				break
			}
			if (q.Source == "" || it.SourceID == q.Source) && hasPhrases(it, phrases) {
				out = append(out, it)
				if len(out) > q.Limit {
					break
				}
			}
		}
		if len(items) < batch {
			break
		}
		batch = min(batch*2, 1000)
	}
	more := len(out) > q.Limit
	out = out[:min(len(out), q.Limit)]
	if err := s.loadDetails(ctx, tx, out); err != nil {
		return nil, false, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return out, more, nil
}

// authorMark marks the index keys of a byline's words (see indexKeys).
const authorMark = "^^"

// splitPhrases takes the phrases in double quotes (straight or «» “”) out
// of a query: the rest, and each phrase.
func splitPhrases(q string) (string, []string) {
	q = strings.NewReplacer("«", `"`, "»", `"`, "“", `"`, "”", `"`, "„", `"`).Replace(q)
	parts := strings.Split(q, `"`)
	var rest []string
	var phrases []string
	for i, p := range parts {
		if i%2 == 1 && i < len(parts)-1 && strings.TrimSpace(p) != "" {
			phrases = append(phrases, p)
		} else {
			rest = append(rest, p)
		}
	}
	return strings.Join(rest, " "), phrases
}

// hasPhrases reports whether every phrase is in the item's title or text:
// its words in a row, each in any form (stem or folded word alike).
func hasPhrases(it news.Item, phrases []string) bool {
	if len(phrases) == 0 {
		return true
	}
	words := news.Words(it.Title + "\n" + it.BodyText())
	for _, ph := range phrases {
		want := news.Words(ph)
		found := false
		for i := 0; i+len(want) <= len(words) && !found; i++ {
			found = true
			for j, w := range want {
				if !slices.Contains(w.Keys(), words[i+j].Stem) && !slices.Contains(w.Keys(), words[i+j].Fold) {
					found = false
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// addNameAliases lets each capitalised word of text that names a quoted
// person in the speaker registry (exactly: a surname, a Latin spelling,
// a case) find the other forms of their surname, in either script.
func (s *Store) addNameAliases(ctx context.Context, text string, words [][]string) error {
	ws := news.Words(text)
	if !slices.ContainsFunc(ws, func(w news.Word) bool { return w.Capital }) {
		return nil
	}
	reg, err := s.registry(ctx)
	if err != nil {
		return err
	}
	for i, w := range ws {
		if !w.Capital || i >= len(words) {
			continue
		}
		for _, g := range reg.resolve(w.Text, false) {
			for _, e := range reg.entries {
				if reg.byName[e.Name] != g || !e.Person {
					continue
				}
				for _, f := range e.Surname {
					for _, k := range news.NewWord(f).Keys() {
						if k = "^" + k; len(k) <= maxKeyBytes && !slices.Contains(words[i], k) {
							words[i] = append(words[i], k)
						}
					}
				}
			}
		}
	}
	return nil
}
