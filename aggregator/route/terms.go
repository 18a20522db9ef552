package route

import (
	"fmt"
	"strings"

	"github.com/syndic/syndic/news"
)

// A term is one entry of a rule, as the editor wrote it:
//
//	Иран        a word: matches its inflected forms ("Ирана", "Ираном");
//	            capitalised, so only capitalised words ("Грузия" never
//	            matches "груз", cargo)
//	санкции     lower case: matches in any case
//	армянск*    a prefix: any word starting with it
//	Новая Зеландия    a phrase (several words, quoted or not): these words in
//	                  a row, each inflected freely
type term struct {
	raw    string
	words  []termWord // one for a word or prefix, several for a phrase
	prefix bool
}

type termWord struct {
	keys    []string // the stems a text word may have to match (news.Word.Keys)
	fold    string   // folded form, for prefixes
	capital bool     // matches only words that start with a capital letter
}

// parseTerm reads one term; it fails on an empty term or a lone quote.
func parseTerm(raw string) (term, error) {
	s := strings.TrimSpace(raw)
	t := term{raw: s}
	switch {
	case s == "":
		return t, fmt.Errorf("empty term")
	case strings.HasPrefix(s, `"`) || strings.HasSuffix(s, `"`):
		if len(s) < 2 || !strings.HasPrefix(s, `"`) || !strings.HasSuffix(s, `"`) {
			return t, fmt.Errorf("unbalanced quote in term %q", raw)
		}
		ws := news.Words(s[1 : len(s)-1])
		if len(ws) == 0 {
			return t, fmt.Errorf("empty phrase %q", raw)
		}
		for _, w := range ws {
			t.words = append(t.words, newTermWord(w))
		}
	case strings.HasSuffix(s, "*"):
		ws := news.Words(strings.TrimSuffix(s, "*"))
		if len(ws) != 1 {
			return t, fmt.Errorf("a prefix term is one word followed by *, got %q", raw)
		}
		t.prefix = true
		t.words = []termWord{newTermWord(ws[0])}
	default:
		ws := news.Words(s)
		if len(ws) == 0 {
			return t, fmt.Errorf("term %q has no letters", raw)
		}
		for _, w := range ws {
			t.words = append(t.words, newTermWord(w))
		}
	}
	return t, nil
}

func newTermWord(w news.Word) termWord {
	return termWord{keys: w.Keys(), fold: w.Fold, capital: w.Capital}
}
