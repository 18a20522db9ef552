// Package quote finds attributed quotes and their speakers in article text,
// English and Russian.
package quote

import "github.com/syndic/syndic/news"

// Find returns the attributed quotes of an article body given as plain text
// with paragraphs separated by blank lines. lang is "en", "ru" or "" (guess).
func Find(text, lang string) []news.Quote {
	return nil
}
