package news

import (
	"iter"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// Word is one word of a text as routing and search read it.
type Word struct {
	Text    string // as written
	Fold    string // lower case, ё written е
	Stem    string // the Snowball stem of Fold (see Stem)
	Capital bool   // starts with an upper-case letter
}

// Words splits text into words, runs of letters and digits (anything else
// separates them, so no query syntax gets through), and reads each.
func Words(text string) []Word {
	var out []Word
	for w := range EachWord(text) {
		out = append(out, w)
	}
	return out
}

// EachWord yields the words of text one by one, as Words returns them,
// without keeping them.
func EachWord(text string) iter.Seq[Word] {
	return func(yield func(Word) bool) {
		start := -1
		for i, r := range text {
			letter := unicode.IsLetter(r) || unicode.IsDigit(r)
			switch {
			case letter && start < 0:
				start = i
			case !letter && start >= 0:
				if !yield(NewWord(text[start:i])) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(NewWord(text[start:]))
		}
	}
}

// NewWord reads one word as written.
func NewWord(w string) Word {
	f := lookup(w)
	r, _ := utf8.DecodeRuneInString(w)
	return Word{Text: w, Fold: f.fold, Stem: f.stem, Capital: unicode.IsUpper(r)}
}

// Keys are what the word is found under: its stem, and its folded form
// when that differs. The Russian Snowball stemmer cuts "-ан" from some
// names ("Иран" → "ира") but not from their inflected forms ("Ираном" →
// "иран"), so a word matches another when the other's stem is one of its
// keys.
func (w Word) Keys() []string {
	if w.Stem == w.Fold {
		return []string{w.Stem}
	}
	return []string{w.Stem, w.Fold}
}

// Fold lower-cases a word and writes ё as е.
func Fold(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsRune(w, 'ё') {
		w = strings.ReplaceAll(w, "ё", "е")
	}
	return w
}

// Stem returns the Snowball stem of a folded word: Russian for Cyrillic
// words, English for Latin ones, the word itself otherwise.
func Stem(folded string) string { return lookup(folded).stem }

// wordCache keeps the folded form and stem of words seen recently, keyed by
// the word as written: news text repeats itself, and a lookup is much
// cheaper than lower-casing and stemming again. A sync.Map, whose reads
// take no lock: the search index reads it from every core at once.
var (
	wordCache     sync.Map // word as written -> folded
	wordCacheSize atomic.Int64
)

type folded struct{ fold, stem string }

const wordCacheMax = 200_000

// lookup returns the folded form and the stem of a word as written.
func lookup(w string) folded {
	if f, ok := wordCache.Load(w); ok {
		return f.(folded)
	}
	s := Fold(w)
	f := folded{fold: s, stem: stem(s)}
	if wordCacheSize.Add(1) > wordCacheMax {
		wordCache.Clear()
		wordCacheSize.Store(0)
	}
	wordCache.Store(strings.Clone(w), f)
	return f
}

func stem(folded string) string {
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
