// Package extract turns an article page into its title, authors, date,
// section, body, lead image, via chain and attribution notice, with goquery.
package extract

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"time"

	"github.com/syndic/syndic/news"
)

// Selectors are per-source CSS overrides; each one set wins over the generic
// layers for its field.
type Selectors struct {
	Body    string   `yaml:"body"`
	Title   string   `yaml:"title"`
	Authors string   `yaml:"authors"`
	Date    string   `yaml:"date"`
	Section string   `yaml:"section"`
	Drop    []string `yaml:"drop"` // elements removed before anything is read
}

// Options tell Extract what it cannot read from the page itself.
type Options struct {
	// URL is where the page was fetched from; relative links resolve
	// against it and it is the canonical URL when the page declares none.
	URL string
	// Location is the time zone of dates printed without an offset; nil
	// means guess from the page (Moscow for Russian outlets, else UTC).
	Location *time.Location
	// Selectors override the generic layers.
	Selectors Selectors
}

// Article is what Extract reads from a page. Fields the page does not give
// are empty.
type Article struct {
	URL         string
	Title       string
	Authors     []string
	Published   time.Time // zero when unknown; in the page's own offset
	Section     string
	Lang        string
	Body        string // plain text, paragraphs separated by a blank line
	BodyHTML    string // the body as simple HTML paragraphs (unsanitised)
	Image       string
	Via         []string
	Attribution news.Attribution
	// Notes say why a field is empty or how the page was read ("not an
	// article", "no body found").
	Notes []string
}

// Extract reads an article from page, which must already be UTF-8.
// It never panics on bad input; a page that is not an article gives empty
// fields and a note.
//
// This first version reads only the <title> and the <p> elements; the
// layered extractor replaces it.
func Extract(page []byte, opt Options) (*Article, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse page: %w", err)
	}
	art := &Article{URL: opt.URL, Title: strings.TrimSpace(doc.Find("title").First().Text())}
	var paras []string
	doc.Find("p").Each(func(_ int, p *goquery.Selection) {
		if t := strings.TrimSpace(p.Text()); t != "" {
			paras = append(paras, t)
		}
	})
	art.Body = strings.Join(paras, "\n\n")
	return art, nil
}
