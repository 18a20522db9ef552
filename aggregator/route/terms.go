package route

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
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
	keys    []string // folded stems that match (see wordKeys)
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
		ws := words(s[1 : len(s)-1])
		if len(ws) == 0 {
			return t, fmt.Errorf("empty phrase %q", raw)
		}
		for _, w := range ws {
			t.words = append(t.words, newTermWord(w))
		}
	case strings.HasSuffix(s, "*"):
		ws := words(strings.TrimSuffix(s, "*"))
		if len(ws) != 1 {
			return t, fmt.Errorf("a prefix term is one word followed by *, got %q", raw)
		}
		t.prefix = true
		t.words = []termWord{newTermWord(ws[0])}
	default:
		ws := words(s)
		if len(ws) == 0 {
			return t, fmt.Errorf("term %q has no letters", raw)
		}
		for _, w := range ws {
			t.words = append(t.words, newTermWord(w))
		}
	}
	return t, nil
}

func newTermWord(w string) termWord {
	f := fold(w)
	return termWord{keys: wordKeys(f), fold: f, capital: isCapital(w)}
}

// wordKeys are the keys a term word is found under: its stem, and the word
// itself. The Russian Snowball stemmer cuts "-ан" from some names
// ("Иран" → "ира") but not from their inflected forms ("Ираном" →
// "иран"), so a text word matches when its stem equals either.
func wordKeys(folded string) []string {
	st := stem(folded)
	if st == folded {
		return []string{st}
	}
	return []string{st, folded}
}

// fold lower-cases a word and writes ё as е.
func fold(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsRune(w, 'ё') {
		w = strings.ReplaceAll(w, "ё", "е")
	}
	return w
}

func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// words splits text into words: runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// wordCache keeps the folded form and stem of words seen recently, keyed by
// the word as written: news text repeats itself, and a lookup is much
// cheaper than lower-casing and stemming again.
var wordCache = struct {
	sync.RWMutex
	m map[string]wordInfo
}{m: map[string]wordInfo{}}

type wordInfo struct{ fold, stem string }

const wordCacheMax = 200_000

// lookupWord returns the folded form and the stem of a word as written.
func lookupWord(w string) wordInfo {
	wordCache.RLock()
	wi, ok := wordCache.m[w]
	wordCache.RUnlock()
	if ok {
		return wi
	}
	f := fold(w)
	wi = wordInfo{fold: f, stem: stemFolded(f)}
	wordCache.Lock()
	if len(wordCache.m) >= wordCacheMax {
		wordCache.m = map[string]wordInfo{}
	}
	wordCache.m[strings.Clone(w)] = wi
	wordCache.Unlock()
	return wi
}

// stem returns the Snowball stem of a folded word.
func stem(folded string) string { return lookupWord(folded).stem }

// stemFolded stems a folded word: Russian for Cyrillic words, English for
// Latin ones, the word itself otherwise.
func stemFolded(folded string) string {
	r, _ := utf8.DecodeRuneInString(folded)
	switch {
	case unicode.Is(unicode.Cyrillic, r):
		return russian.Stem(folded, true)
	case unicode.Is(unicode.Latin, r):
		return english.Stem(folded, true)
	default:
		return folded
	}
}
