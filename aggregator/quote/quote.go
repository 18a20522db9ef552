// Package quote finds attributed quotes and their speakers in article text,
// English and Russian.
//
// It reads quotations in “…”, "…", «…» and „…“ marks and Russian dash
// speech, tells quoted speech from quoted names of things, splits a
// quotation interrupted by its attribution clause, and names who said each
// one: the person or body in the attribution clause, with pronouns,
// descriptions and bare surnames resolved to the full name used elsewhere
// in the article (Russian names brought back to the nominative).
package quote

import "github.com/syndic/syndic/news"

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
