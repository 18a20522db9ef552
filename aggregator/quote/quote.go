package quote

import (
	"sort"

	"github.com/syndic/syndic/news"
)

// Find returns the attributed quotes of an article body given as plain text
// with paragraphs separated by blank lines. lang is "en", "ru" or "" (guess
// from the script; any other value is guessed too).
//
// Direct quotes are the words between the marks (without them; a trailing
// comma, colon or dash dropped, a final . ? ! kept), one per paragraph and,
// in Russian, one per piece of a quotation split by its attribution; an
// English quotation interrupted by its attribution ("A," he said. "B.") is
// one quote, its pieces joined by a space; reported speech
// ("X said that …", "X заявил, что …") comes with Direct false, except
// Russian speech without marks in the first person ("Мы готовы к диалогу,
// заявил Песков."), which is the speaker's own words and Direct. Speaker is
// the full name (nominative) of the person or body, or "" when nobody can be
// named; Role is the role the article gives the speaker; Verb the speech
// verb as written; Pos the byte offset of Text in text, so that
// text[Pos:Pos+len(Text)] == Text holds for every quote but a joined English
// one, whose first piece starts at Pos. Quotes are ordered by Pos.
//
// Quoted names of things («Газпром», a law, a film) are not quotes. Words
// quoted inside a paraphrase are reported in Russian when the sentence
// names a source («…» after "заявил, что", "по словам X"), and in English
// only when capitalised. A quotation with no attribution of its own takes
// the speaker of the quotation or reported speech just before it, else the
// article's main speaker.
//
// Find never panics and does no I/O.
func Find(text, lang string) []news.Quote {
	if lang != "en" && lang != "ru" {
		lang = guessLang(text)
	}
	d := newDoc(text, lang)
	d.scanMentions()
	d.scanOrgs()
	d.readInterview()
	d.run()
	if len(d.out) == 0 {
		return nil
	}
	out := make([]news.Quote, len(d.out))
	for i, e := range d.out {
		out[i] = e.Quote
	}
	return out
}

// doc is one article being read.
type doc struct {
	text, lang string
	paras      []para
	spans      []qspan
	ents       []*entity
	pm         []pmention // person mentions outside quotations, by position
	om         []pmention // bodies named outside quotations, in text order
	out        []emitted
	quoted     map[[2]int]bool // sentences (paragraph, first token) holding a reported quotation
	last       speaker         // who spoke last, for the quotations after that name nobody
	iv         interview       // who answers and who asks, in a question-and-answer text
}

// newDoc splits text into paragraphs and reads each one's quotation marks,
// tokens and sentences.
func newDoc(text, lang string) *doc {
	d := &doc{text: text, lang: lang, quoted: map[[2]int]bool{}}
	d.paras = paragraphs(text)
	for pi := range d.paras {
		p := &d.paras[pi]
		spans := scanMarks(text, *p)
		base := len(d.spans)
		var tops []int
		for k := range spans {
			if spans[k].parent >= 0 {
				spans[k].parent += base
			} else {
				tops = append(tops, base+k)
			}
		}
		d.spans = append(d.spans, spans...)
		p.toks = tokenize(text, p.s, p.e, d.spans, tops)
		p.sents = sentences(p.toks, func(t token) bool { _, ok := d.verbAt(t); return ok })
	}
	return d
}

// sentenceOf returns the bounds [ss, se) of the sentence holding token i of
// paragraph pi.
func (d *doc) sentenceOf(pi, i int) (int, int) {
	st := d.paras[pi].sents
	k := sort.SearchInts(st, i+1) - 1
	ss := st[k]
	se := len(d.paras[pi].toks)
	if k+1 < len(st) {
		se = st[k+1]
	}
	return ss, se
}

// run finds the quotations of every paragraph in order.
func (d *doc) run() {
	for pi, p := range d.paras {
		toks := p.toks
		if len(toks) == 0 {
			continue
		}
		if d.iv.on && d.bareTurn(pi) {
			// A turn of an interview: the whole of it is one quote; the
			// quotations inside it are read below, each only with an
			// attribution of its own.
			d.turn(pi)
		} else if d.lang == "ru" && toks[0].kind == tDash && len(toks) > 1 && toks[1].kind == tWord {
			if d.dashPara(pi) {
				continue
			}
		}
		// Sentence by sentence, so that reported speech names its speaker
		// for the quotations after it.
		st := p.sents
		for k, ss := range st {
			se := len(toks)
			if k+1 < len(st) {
				se = st[k+1]
			}
			for qi := ss; qi < se; qi++ {
				if toks[qi].kind == tQuote {
					d.quoteTok(pi, qi)
				}
			}
			d.indirect(pi, ss, se)
		}
	}
	d.post()
}
