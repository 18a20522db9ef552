package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

func runQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	speaker := fs.String("speaker", "", "the speaker in any form: key, name, surname, any case or script (sergey-lavrov, Лаврова, Lavrov)")
	text := fs.String("q", "", "words of the quote's text, in any form")
	since := fs.String("since", "", "only items since a date (2024-10-01) or for a duration back (24h, 7d)")
	until := fs.String("until", "", "only items before a date (2024-10-01) or a duration back (24h, 7d)")
	limit := fs.Int("n", 50, "at most this many quotes")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	q := news.QuoteQuery{Speaker: *speaker, Text: *text, Limit: *limit}
	if *since != "" {
		t, err := parseSince(*since, time.Now())
		if err != nil {
			fmt.Fprintln(stderr, "syndic quotes:", err)
			return exitError{2}
		}
		q.Since = t
	}
	if *until != "" {
		t, err := parseSince(*until, time.Now())
		if err != nil {
			fmt.Fprintln(stderr, "syndic quotes:", strings.Replace(err.Error(), "--since", "--until", 1))
			return exitError{2}
		}
		q.Until = t
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := fileSpeakers(ctx, cfg, st); err != nil {
		return err
	}
	hits, err := st.Quotes(ctx, q)
	if err != nil {
		return err
	}
	for _, h := range hits {
		speaker := h.Quote.Speaker
		if speaker == "" {
			speaker = "(unnamed)"
		}
		if h.Quote.Role != "" {
			speaker += ", " + h.Quote.Role
		}
		marks := "«»"
		if !h.Quote.Direct {
			marks = "[]"
		}
		when := h.Item.Published
		if when.IsZero() {
			when = h.Item.FetchedAt
		}
		fmt.Fprintf(stdout, "%s  %s %s: %c%s%c\n    %s — %s\n", when.Format("2006-01-02 15:04"), speaker, h.Quote.Verb,
			[]rune(marks)[0], h.Quote.Text, []rune(marks)[1], h.Item.Title, h.Item.Link)
	}
	fmt.Fprintf(stdout, "%d quote(s)\n", len(hits))
	return nil
}

// parseSince reads a date (2006-01-02), an RFC 3339 time, or a span back
// from now such as 24h or 7d.
func parseSince(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t, nil
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n >= 0 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("invalid --since %q (want 2024-10-01, 24h or 7d)", s)
}
