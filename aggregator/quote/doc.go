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
