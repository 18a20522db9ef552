package route

import (
	"strings"

	"github.com/syndic/syndic/news"
)

// index finds, in one pass over an item's words, every term of every rule
// that occurs in it: word and phrase terms by the stem of their first word,
// prefix terms by their first two letters.
type index struct {
	terms    []term
	byStem   map[string][]int // stem key → term ids
	byPrefix map[string][]int // first one or two letters → prefix term ids
}

func newIndex() *index {
	return &index{byStem: map[string][]int{}, byPrefix: map[string][]int{}}
}

// add indexes a term and returns its id.
func (x *index) add(t term) int {
	id := len(x.terms)
	x.terms = append(x.terms, t)
	first := t.words[0]
	if t.prefix {
		k := headRunes(first.fold, 2)
		x.byPrefix[k] = append(x.byPrefix[k], id)
		return id
	}
	for _, k := range first.keys {
		x.byStem[k] = append(x.byStem[k], id)
	}
	return id
}

func headRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// hits are the terms found in one field: term id → the words matched.
type hits map[int]string

// scan returns the terms found in each field of t.
func (x *index) scan(t Text, fields []string) map[string]hits {
	out := make(map[string]hits, len(fields))
	for _, f := range fields {
		if _, done := out[f]; done {
			continue
		}
		var text string
		switch f {
		case FieldTitle:
			text = t.Title
		case FieldBody:
			text = t.Body
		case FieldCategories:
			text = strings.Join(t.Categories, " . ")
		}
		out[f] = x.scanText(text)
	}
	return out
}

func (x *index) scanText(text string) hits {
	toks := news.Words(text)
	h := hits{}
	try := func(ids []int, i int) {
		for _, id := range ids {
			if _, ok := h[id]; ok {
				continue
			}
			if words, ok := x.terms[id].matchAt(toks, i); ok {
				h[id] = words
			}
		}
	}
	for i, tok := range toks {
		try(x.byStem[tok.Stem], i)
		if len(x.byPrefix) > 0 {
			try(x.byPrefix[headRunes(tok.Fold, 1)], i)
			try(x.byPrefix[headRunes(tok.Fold, 2)], i)
		}
	}
	return h
}

// matchAt reports whether the term matches the words starting at toks[i],
// and returns them.
func (t term) matchAt(toks []news.Word, i int) (string, bool) {
	if i+len(t.words) > len(toks) {
		return "", false
	}
	for j, w := range t.words {
		if !w.matches(toks[i+j], t.prefix) {
			return "", false
		}
	}
	if len(t.words) == 1 {
		return toks[i].Text, true
	}
	parts := make([]string, len(t.words))
	for j := range t.words {
		parts[j] = toks[i+j].Text
	}
	return strings.Join(parts, " "), true
}

func (w termWord) matches(tok news.Word, prefix bool) bool {
	if w.capital && !tok.Capital {
		return false
	}
	if prefix {
		return strings.HasPrefix(tok.Fold, w.fold)
	}
	for _, k := range w.keys {
		if tok.Stem == k {
			return true
		}
	}
	return false
}
