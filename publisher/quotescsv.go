package publisher

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// csvPage is how many quotes the CSV export reads at a time (a variable
// so that a test can make an export span pages).
var csvPage = 500

// quotesCSV answers /quotes?format=csv: every quote the query selects (all
// its pages, as far as the query's time allows; none is left out
// silently: a query that takes too long is refused, "narrow the query"),
// one row each, newest first, with what the source's reuse rule allows of
// its words (as every quote answer), the article's title and link, the
// source, the via chain and the reuse notice.
func (p *Publisher) quotesCSV(ctx context.Context, u *url.URL) ([]byte, string, time.Time, error) {
	qq, _, err := quoteQuery(u, csvPage)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	var b bytes.Buffer
	b.WriteString("\uFEFF") // so that spreadsheets read UTF-8
	w := csv.NewWriter(&b)
	w.Write([]string{"published", "speaker", "speaker_key", "role", "verb", "direct", "text", "title", "link", "source", "via", "notice"})
	var mod time.Time
	for {
		hits, after, err := p.quoteHits(ctx, qq)
		if err != nil {
			return nil, "", time.Time{}, err
		}
		for _, h := range hits {
			e := p.entryHead(&h.Item)
			mod = latest(mod, h.Item.FetchedAt, h.Item.Edited)
			row := []string{rfc3339(e.date), plainText(h.Quote.Speaker), h.SpeakerKey, plainText(h.Quote.Role),
				plainText(h.Quote.Verb), strconv.FormatBool(h.Quote.Direct), quoteWords(plainText(h.Quote.Text), e.level),
				e.title, e.link, e.sourceName, strings.Join(e.via, ", "), p.plainNotice(&h.Item, &e)}
			for i, c := range row {
				row[i] = inertCell(c)
			}
			w.Write(row)
		}
		if after == nil {
			break
		}
		qq.After = *after // the same query, its dates read once
	}
	w.Flush()
	return b.Bytes(), "text/csv; charset=utf-8", mod, w.Error()
}

// plainNotice is the reuse rule an item's entry shows, as plain text.
func (p *Publisher) plainNotice(it *news.Item, e *entry) string {
	src := p.sources[it.SourceID]
	base, _ := url.Parse(e.link)
	return plainText(p.notice(it, e, &src, base))
}

// inertCell keeps a spreadsheet from reading a cell as a formula: text
// that starts with = + - @ (or a tab or carriage return) gets a leading
// apostrophe, which spreadsheets hide.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
