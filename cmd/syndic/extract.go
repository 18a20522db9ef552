package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/aggregator/quote"
	"github.com/syndic/syndic/news"
)

// extractJSON is the output contract of `syndic extract --json`
// (shared/eval/SCHEMA.md): every field present, empty rather than missing.
type extractJSON struct {
	URL         string           `json:"url"`
	Title       string           `json:"title"`
	Authors     []string         `json:"authors"`
	Published   string           `json:"published"`
	Section     string           `json:"section"`
	Lang        string           `json:"lang"`
	Body        string           `json:"body"`
	Quotes      []news.Quote     `json:"quotes"`
	Via         []string         `json:"via"`
	Attribution news.Attribution `json:"attribution"`
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the JSON of SCHEMA.md")
	pageURL := fs.String("url", "", "the page's URL (for relative links and as the default canonical URL)")
	tz := fs.String("timezone", "", "IANA time zone of dates printed without an offset")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: syndic extract [--json] [--url URL] [--timezone TZ] FILE|-|URL")
		return exitError{2}
	}
	arg := fs.Arg(0)

	var raw []byte
	var contentType string
	var err error
	switch {
	case arg == "-":
		raw, err = io.ReadAll(stdin)
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		raw, contentType, err = fetchPage(ctx, arg, false)
		if *pageURL == "" {
			*pageURL = arg
		}
	default:
		raw, err = os.ReadFile(arg)
	}
	if err != nil {
		return fmt.Errorf("read page: %w", err)
	}
	page, _ := fetch.ToUTF8(raw, contentType)

	opt := extract.Options{URL: *pageURL, Now: time.Now()}
	if *tz != "" {
		loc, err := time.LoadLocation(*tz)
		if err != nil {
			return fmt.Errorf("load time zone: %w", err)
		}
		opt.Location = loc
	}
	art, err := extract.Extract(page, opt)
	if err != nil {
		return fmt.Errorf("extract %s: %w", arg, err)
	}
	out := extractJSON{
		URL:         art.URL,
		Title:       art.Title,
		Authors:     nonNil(art.Authors),
		Section:     art.Section,
		Lang:        art.Lang,
		Body:        art.Body,
		Quotes:      quote.Find(art.Body, art.Lang, art.Publisher...),
		Via:         nonNil(art.Via),
		Attribution: art.Attribution,
	}
	if out.Quotes == nil {
		out.Quotes = []news.Quote{}
	}
	if !art.Published.IsZero() {
		out.Published = art.Published.Format(time.RFC3339)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	printArticle(stdout, out, art.Notes)
	return nil
}

func printArticle(w io.Writer, a extractJSON, notes []string) {
	fmt.Fprintf(w, "URL:         %s\n", a.URL)
	fmt.Fprintf(w, "Title:       %s\n", a.Title)
	fmt.Fprintf(w, "Authors:     %s\n", strings.Join(a.Authors, "; "))
	fmt.Fprintf(w, "Published:   %s\n", a.Published)
	fmt.Fprintf(w, "Section:     %s\n", a.Section)
	fmt.Fprintf(w, "Language:    %s\n", a.Lang)
	fmt.Fprintf(w, "Via:         %s\n", strings.Join(a.Via, ", "))
	if a.Attribution.Notice != "" || a.Attribution.Link != "" {
		fmt.Fprintf(w, "Attribution: %s (link: %s)\n", a.Attribution.Notice, a.Attribution.Link)
	}
	for _, n := range notes {
		fmt.Fprintf(w, "Note:        %s\n", n)
	}
	fmt.Fprintf(w, "Quotes:      %d\n", len(a.Quotes))
	for _, q := range a.Quotes {
		kind := "direct"
		if !q.Direct {
			kind = "indirect"
		}
		fmt.Fprintf(w, "  - %s (%s; %s, %s): %q\n", q.Speaker, q.Role, q.Verb, kind, q.Text)
	}
	fmt.Fprintf(w, "\n%s\n", a.Body)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// fetchPage gets a page through the crawler's own fetcher. It returns the
// raw bytes (already UTF-8) and their content type.
func fetchPage(ctx context.Context, url string, allowPrivate bool) ([]byte, string, error) {
	resp, err := fetch.New(fetch.Options{}).Get(ctx, fetch.Request{URL: url, AllowPrivate: allowPrivate})
	if err != nil {
		return nil, "", err
	}
	return resp.Body, "text/html; charset=utf-8", nil
}
