package publisher

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// badQuery is a query parameter a person got wrong: a 400 saying which.
type badQuery struct{ error }

// searchFilters are the parameters of a search besides its position,
// carried to the next page's link.
var searchFilters = []string{"q", "author", "source", "since", "until"}

// searchQuery reads a search's parameters: q (words, "phrases"), author,
// source, since and until (a date, 2006-01-02, or a number of days back,
// 7d) and before (the cursor of the page). It returns the query and the
// query string of its filters.
func (p *Publisher) searchQuery(u *url.URL, limit int) (news.SearchQuery, string, error) {
	v := u.Query()
	q := news.SearchQuery{Text: v.Get("q"), Author: v.Get("author"), Source: v.Get("source"), Limit: limit}
	for _, d := range []struct {
		name string
		t    *time.Time
	}{{"since", &q.Since}, {"until", &q.Until}} {
		if s := v.Get(d.name); s != "" {
			t, err := parseDay(s, time.Now())
			if err != nil {
				return q, "", badQuery{fmt.Errorf("invalid %s %q (want 2024-10-01 or 7d)", d.name, s)}
			}
			*d.t = t
		}
	}
	c, ok := parseCursorQuery(u.RawQuery)
	if !ok {
		return q, "", badQuery{fmt.Errorf("invalid before %q", v.Get("before"))}
	}
	q.Before, q.BeforeID = c.time0(), c.id
	filters := url.Values{}
	for _, k := range searchFilters {
		if s := v.Get(k); s != "" {
			filters.Set(k, s)
		}
	}
	return q, filters.Encode(), nil
}

// parseDay reads a date (2006-01-02, UTC) or a number of days back ("7d").
func parseDay(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && n >= 0 && strings.HasSuffix(s, "d") {
		return now.AddDate(0, 0, -n), nil
	}
	return time.Time{}, fmt.Errorf("invalid date %q", s)
}

// searchResults runs a search and fills fd with a page of its results:
// self is this page's URL, next the next one's ("" on the last).
func (p *Publisher) searchResults(ctx context.Context, fd *feedData, u *url.URL, path string) error {
	q, filters, err := p.searchQuery(u, p.limit)
	if err != nil {
		return err
	}
	var items []news.Item
	var more bool
	if strings.TrimSpace(q.Text+q.Author) != "" {
		if items, more, err = p.search.Search(ctx, q); err != nil {
			return err
		}
	}
	fd.current = p.base + path + "?" + filters
	fd.self = fd.current
	if !q.Before.IsZero() {
		fd.self += "&" + strings.TrimPrefix(cursor{t: q.Before.UnixMicro(), id: q.BeforeID}.query(), "?")
	}
	p.fill(ctx, fd, searchPath, items, len(items)+1)
	if more && len(items) > 0 {
		fd.next = fd.current + "&" + strings.TrimPrefix(cursorOf(&items[len(items)-1]).query(), "?")
	}
	return nil
}

func (p *Publisher) searchPage(ctx context.Context, u *url.URL, asJSON bool) ([]byte, string, time.Time, error) {
	fd := &feedData{home: p.base + "/"}
	if err := p.searchResults(ctx, fd, u, searchPath); err != nil {
		return nil, "", time.Time{}, err
	}
	v := u.Query()
	mod := fd.stored()
	if asJSON {
		type hit struct {
			Title     string   `json:"title"`
			Link      string   `json:"link"`
			Source    string   `json:"source"`
			Authors   []string `json:"authors"`
			Published string   `json:"published"`
		}
		out := make([]hit, 0, len(fd.entries))
		for _, e := range fd.entries {
			out = append(out, hit{e.title, e.link, e.sourceName, nonNilStrings(e.authors), rfc3339(e.date)})
		}
		body, err := json.MarshalIndent(struct {
			Q       string `json:"q"`
			Items   []hit  `json:"items"`
			NextURL string `json:"next_url,omitempty"`
		}{v.Get("q"), out, jsonPage(fd.next)}, "", "  ")
		return body, "application/json; charset=utf-8", mod, err
	}
	data := queryPageData{Title: plainText(p.title), Q: v.Get("q"), Author: v.Get("author"), Source: v.Get("source"),
		Since: v.Get("since"), Until: v.Get("until"), Home: p.base + "/", Icon: p.base + faviconPath, Search: true, Next: fd.next}
	if _, filters, _ := p.searchQuery(u, 0); filters != "" {
		feed := p.base + searchFeedStem
		qs := "?" + filters
		data.Feeds = []feedLink{{"Atom", feed + "atom" + qs}, {"RSS", feed + "rss" + qs}, {"JSON Feed", feed + "json" + qs}}
	}
	for _, e := range fd.entries {
		row := itemRow{Title: e.title, Link: e.link, Source: e.sourceName,
			Authors: strings.Join(e.authors, ", "), Lang: e.lang}
		row.When, row.DateTime = timeShown(e.date)
		data.Items = append(data.Items, row)
	}
	var b bytes.Buffer
	err := quotesTemplate.Execute(&b, data)
	return b.Bytes(), "text/html; charset=utf-8", mod, err
}

// jsonPage is the URL of a next page as the JSON answer gives it: with
// format=json, so that following it gets JSON again.
func jsonPage(next string) string {
	if next == "" {
		return ""
	}
	return next + "&format=json"
}

// searchFeed renders a page of the items matching the query as a feed,
// each item as in the section feeds (same republication rights and
// attribution), linking the next page (RFC 5005, JSON Feed next_url).
func (p *Publisher) searchFeed(ctx context.Context, u *url.URL, f format) ([]byte, string, time.Time, error) {
	v := u.Query()
	what := strings.TrimSpace(v.Get("q") + " " + v.Get("author"))
	fd := &feedData{title: "Search: " + plainText(what) + " — " + plainText(p.title),
		description: "Items matching " + plainText(what), home: p.base + "/", maxAge: queryMaxAge}
	if err := p.searchResults(ctx, fd, u, searchFeedStem+formats[f].ext); err != nil {
		return nil, "", time.Time{}, err
	}
	p.dateEmpty(ctx, fd)
	body, ct, err := p.renderFormat(fd, f)
	return body, ct, fd.stored(), err
}
