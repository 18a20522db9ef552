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

// How Find (quote.go) reads an article, and where each step lives:
//
//	text.go        paragraphs, white space and dashes, the language
//	marks.go       the pairs of quotation marks of a paragraph
//	tokens.go      words, punctuation, dashes and whole quotations; sentences
//	entities.go    the people and bodies the article names, found before any quote
//	names.go       person names in tokens; names_ru.go: Russian case and the nominative,
//	               read with the lexicon of lexicon_names_ru.go (lexicon/, from gen.js)
//	bodies.go      names of bodies; roles.go: role words and descriptions
//	direct.go      quotations in marks and Russian dash speech
//	things.go      quoted names of things, which are no quotes
//	indirect.go    reported speech ("X said that …", "по словам X")
//	attrib.go      the attribution clause around a quotation
//	phrase.go      who a speaker phrase names
//	resolve.go     a mention to the person or body it means; the last speaker
//	output.go      the quotes found, and the passes over the whole article
//	gender.go      what a word agrees with (gender, number, verb form)
//	lexicon_*.go   the word lists
