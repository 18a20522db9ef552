package publisher

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// Searcher is what quote search and full-text search read. The SQLite and
// PostgreSQL stores satisfy it; without one those endpoints answer 404.
type Searcher interface {
	// SearchItems returns the items matching every word of query, newest first.
	SearchItems(ctx context.Context, query string, limit int) ([]news.Item, error)
	// Quotes returns the quotes matching q, newest first, with their items.
	Quotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error)
	// Speakers returns the most quoted speakers.
	Speakers(ctx context.Context, limit int) ([]news.SpeakerCount, error)
}

// Query paths: /quotes (HTML, or JSON with Accept: application/json or
// ?format=json), /feeds/quotes/{speaker}.rss|.atom|.json (one entry per
// quote), /search?q= (HTML or JSON) and /feeds/search.rss|.atom|.json?q=.
const (
	quotesPath      = "/quotes"
	quoteFeedPrefix = "/feeds/quotes/"
	searchPath      = "/search"
	searchFeedStem  = "/feeds/search."
	queryLimit      = 50
	queryMaxAge     = time.Minute // Cache-Control max-age of query answers, RSS <ttl> of their feeds
)

// What one query may ask of the store (see Options.MaxSearches and
// SearchTimeout).
const (
	DefaultMaxSearches   = 2
	DefaultSearchTimeout = 5 * time.Second
	maxQueryBytes        = 256 // of each of q and speaker
	maxQueryWords        = 8   // words of two letters or more
)

// checkQuery refuses what a person would never type and the store would
// pay for: a parameter over maxQueryBytes, more than maxQueryWords words,
// or words of one letter only (they match nearly everything).
func checkQuery(name, v string) error {
	if len(v) > maxQueryBytes {
		return fmt.Errorf("%s is too long: at most %d bytes", name, maxQueryBytes)
	}
	n, short := 0, 0
	for w := range news.EachWord(v) {
		if utf8.RuneCountInString(w.Text) < 2 {
			short++
			continue
		}
		n++
	}
	if n > maxQueryWords {
		return fmt.Errorf("%s has too many words: at most %d", name, maxQueryWords)
	}
	if n == 0 && short > 0 {
		return fmt.Errorf("%s needs a word of two letters or more", name)
	}
	return nil
}

// isQueryPath reports whether path is one of the query endpoints.
func isQueryPath(path string) bool {
	return path == quotesPath || path == searchPath || path == storiesPath || strings.HasPrefix(path, storyPrefix) || strings.HasPrefix(path, storiesFeedStem) ||
		strings.HasPrefix(path, quoteFeedPrefix) || strings.HasPrefix(path, searchFeedStem)
}

// serveQuery answers the query endpoints. Their answers depend on the
// query, so they are rendered per request (a strong ETag from the body,
// 304 on a match, one minute of caching), dated by the latest time syndic
// stored one of the items they show (Last-Modified). Feeds and JSON
// answers may be read by pages of any site.
func (p *Publisher) serveQuery(w http.ResponseWriter, r *http.Request) {
	sp, storyPages := p.st.(StoryPages)
	if isStory := r.URL.Path == storiesPath || strings.HasPrefix(r.URL.Path, storyPrefix) || strings.HasPrefix(r.URL.Path, storiesFeedStem); isStory && !storyPages || !isStory && p.search == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header()["Allow"] = allowGetHead
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	for _, name := range []string{"q", "speaker"} {
		if err := checkQuery(name, q.Get(name)); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
	}
	select {
	case p.searches <- struct{}{}:
		defer func() { <-p.searches }()
	default:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "too many searches at once; try again in a second", http.StatusServiceUnavailable)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), p.searchTimeout)
	defer cancel()
	r = r.WithContext(ctx)
	var (
		body []byte
		ct   string
		mod  time.Time
		err  error
	)
	path := r.URL.Path
	switch {
	case path == quotesPath:
		qq, perr := quoteQuery(q.Get("speaker"), q.Get("q"), q.Get("since"))
		if perr != nil {
			http.Error(w, perr.Error(), http.StatusBadRequest)
			return
		}
		body, ct, mod, err = p.quotesPage(r.Context(), qq, wantsJSON(r))
	case strings.HasPrefix(path, quoteFeedPrefix):
		name, f, ok := feedName(strings.TrimPrefix(path, quoteFeedPrefix))
		if !ok || strings.TrimSpace(name) == "" {
			http.NotFound(w, r)
			return
		}
		body, ct, mod, err = p.quoteFeed(r.Context(), name, f)
	case path == searchPath:
		body, ct, mod, err = p.searchPage(r.Context(), q.Get("q"), wantsJSON(r))
	case path == storiesPath:
		body, ct, mod, err = p.storiesPage(r.Context(), sp, 0, wantsJSON(r))
	case strings.HasPrefix(path, storyPrefix):
		id, perr := strconv.ParseInt(strings.TrimPrefix(path, storyPrefix), 10, 64)
		if perr != nil || id <= 0 {
			http.NotFound(w, r)
			return
		}
		body, ct, mod, err = p.storiesPage(r.Context(), sp, id, wantsJSON(r))
	case strings.HasPrefix(path, storiesFeedStem):
		f, ok := formatByExt(strings.TrimPrefix(path, storiesFeedStem))
		if !ok {
			http.NotFound(w, r)
			return
		}
		body, ct, mod, err = p.storiesFeed(r.Context(), sp, f)
	default:
		f, ok := formatByExt(strings.TrimPrefix(path, searchFeedStem))
		if !ok {
			http.NotFound(w, r)
			return
		}
		body, ct, mod, err = p.searchFeed(r.Context(), q.Get("q"), f)
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		http.NotFound(w, r)
		return
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		w.Header().Set("Retry-After", "5")
		http.Error(w, "search took too long; narrow the query", http.StatusServiceUnavailable)
		return
	case err != nil:
		if ctx.Err() == nil {
			p.log.Error("answer query", "path", path, "err", err)
		}
		http.Error(w, "search unavailable", http.StatusInternalServerError)
		return
	}
	// Rendered for this request only: compressed only in the coding it
	// will be sent in (brotli, else gzip), and varying with Accept, which
	// chooses between HTML and JSON.
	d := &doc{contentType: []string{ct}, cacheControl: cacheControl(queryMaxAge), vary: queryVary, mod: mod}
	if !mod.IsZero() {
		d.lastModified = []string{mod.UTC().Format(http.TimeFormat)}
	}
	if !strings.HasPrefix(ct, "text/html") {
		d.allowOrigin = anyOrigin
	}
	br, gz := accepted(r.Header["Accept-Encoding"])
	d.setVariants(body, gz && !br, br)
	p.serveDoc(w, r, d)
}

var queryVary = []string{"Accept, Accept-Encoding"}

func wantsJSON(r *http.Request) bool {
	return r.URL.Query().Get("format") == "json" || strings.Contains(r.Header.Get("Accept"), "application/json")
}

// quoteQuery reads the query parameters of quote search; since is a date
// (2006-01-02) or a number of days back ("7d").
func quoteQuery(speaker, text, since string) (news.QuoteQuery, error) {
	qq := news.QuoteQuery{Speaker: speaker, Text: text, Limit: queryLimit}
	if since == "" {
		return qq, nil
	}
	if t, err := time.Parse("2006-01-02", since); err == nil {
		qq.Since = t
		return qq, nil
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(since, "d")); err == nil && n >= 0 && strings.HasSuffix(since, "d") {
		qq.Since = time.Now().AddDate(0, 0, -n)
		return qq, nil
	}
	return qq, fmt.Errorf("invalid since %q (want 2024-10-01 or 7d)", since)
}

// feedName splits "Alexander%20Bortnikov.atom" into the speaker and format.
func feedName(rest string) (string, format, bool) {
	i := strings.LastIndexByte(rest, '.')
	if i < 0 {
		return "", 0, false
	}
	f, ok := formatByExt(rest[i+1:])
	if !ok {
		return "", 0, false
	}
	name, err := url.PathUnescape(rest[:i])
	return name, f, err == nil
}

func formatByExt(ext string) (format, bool) {
	for f := formatRSS; f <= formatJSON; f++ {
		if formats[f].ext == ext {
			return f, true
		}
	}
	return 0, false
}

// quoteJSON is one quote in the JSON answer of /quotes.
type quoteJSON struct {
	Text      string   `json:"text"`
	Speaker   string   `json:"speaker"`
	Role      string   `json:"role"`
	Verb      string   `json:"verb"`
	Direct    bool     `json:"direct"`
	Title     string   `json:"title"`
	Link      string   `json:"link"`
	Source    string   `json:"source"`
	Via       []string `json:"via"`
	Published string   `json:"published"`
	// CarriedBy lists every outlet that carried the quote, when the
	// story it belongs to was reported by several.
	CarriedBy []jsonCredit `json:"carried_by,omitempty"`
}

// publishable returns the hits whose item can be linked to its origin.
func (p *Publisher) publishable(hits []news.QuoteHit) []news.QuoteHit {
	out := hits[:0]
	for _, h := range hits {
		if h.Item.HasOriginalLink() {
			out = append(out, h)
		} else {
			p.withhold(quotesPath, &h.Item)
		}
	}
	return out
}

func (p *Publisher) quotesPage(ctx context.Context, qq news.QuoteQuery, asJSON bool) ([]byte, string, time.Time, error) {
	hits, err := p.search.Quotes(ctx, qq)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	hits = p.publishable(hits)
	var mod time.Time
	for _, h := range hits {
		mod = latest(mod, h.Item.FetchedAt, h.Item.Edited)
	}
	hits, carriers := p.mergeQuotes(ctx, hits)
	if asJSON {
		out := make([]quoteJSON, 0, len(hits))
		for i, h := range hits {
			e := p.entry(&h.Item)
			q := quoteJSON{Text: quoteWords(plainText(h.Quote.Text), e.level), Speaker: plainText(h.Quote.Speaker),
				Role: plainText(h.Quote.Role), Verb: plainText(h.Quote.Verb), Direct: h.Quote.Direct,
				Title: e.title, Link: e.link, Source: e.sourceName, Via: nonNilStrings(e.via), Published: rfc3339(e.date)}
			for _, c := range carriers[i] {
				q.CarriedBy = append(q.CarriedBy, jsonCredit{Name: c.name, URL: c.link})
			}
			out = append(out, q)
		}
		body, err := json.MarshalIndent(struct {
			Speaker string      `json:"speaker"`
			Q       string      `json:"q"`
			Quotes  []quoteJSON `json:"quotes"`
		}{qq.Speaker, qq.Text, out}, "", "  ")
		return body, "application/json; charset=utf-8", mod, err
	}
	speakers, err := p.search.Speakers(ctx, 30)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	data := queryPageData{Title: plainText(p.title), Speaker: qq.Speaker, Q: qq.Text, Home: p.base + "/", Icon: p.base + faviconPath}
	for _, s := range speakers {
		data.Speakers = append(data.Speakers, speakerLink{Name: s.Speaker, Count: s.Quotes,
			Href: p.base + quotesPath + "?speaker=" + url.QueryEscape(s.Speaker)})
	}
	if qq.Speaker != "" {
		feed := p.base + quoteFeedPrefix + url.PathEscape(qq.Speaker)
		data.Feeds = []feedLink{{"Atom", feed + ".atom"}, {"RSS", feed + ".rss"}, {"JSON Feed", feed + ".json"}}
	}
	for i, h := range hits {
		e := p.entry(&h.Item)
		row := quoteRow{Text: quoteWords(plainText(h.Quote.Text), e.level), Speaker: plainText(h.Quote.Speaker),
			Role: plainText(h.Quote.Role), Verb: plainText(h.Quote.Verb), Direct: h.Quote.Direct, Title: e.title,
			Link: e.link, Source: e.sourceName, Via: strings.Join(e.via, ", "), Lang: e.lang}
		for _, c := range carriers[i] {
			row.CarriedBy = append(row.CarriedBy, c.name)
		}
		row.When, row.DateTime = timeShown(e.date)
		data.Quotes = append(data.Quotes, row)
	}
	var b bytes.Buffer
	err = quotesTemplate.Execute(&b, data)
	return b.Bytes(), "text/html; charset=utf-8", mod, err
}

// quoteFeed renders the quotes of one speaker as a feed: each entry is one
// quote, with the speaker, the words, and the attribution to the article
// it came from (the original link, as for every item).
func (p *Publisher) quoteFeed(ctx context.Context, speaker string, f format) ([]byte, string, time.Time, error) {
	hits, err := p.search.Quotes(ctx, news.QuoteQuery{Speaker: speaker, Limit: p.limit})
	if err != nil {
		return nil, "", time.Time{}, err
	}
	hits = p.publishable(hits)
	hits, carriers := p.mergeQuotes(ctx, hits)
	self := p.base + quoteFeedPrefix + url.PathEscape(speaker) + "." + formats[f].ext
	fd := &feedData{title: "Quotes: " + plainText(speaker) + " — " + plainText(p.title),
		description: "Every quote attributed to " + plainText(speaker) + ", with the article it came from",
		home:        p.base + "/", self: self, current: self, maxAge: queryMaxAge}
	var mod time.Time
	for i, h := range hits {
		e := p.entry(&h.Item)
		it := h.Item
		src := p.sources[it.SourceID]
		base, _ := url.Parse(e.link)
		who := plainText(h.Quote.Speaker)
		if h.Quote.Role != "" {
			who += ", " + plainText(h.Quote.Role)
		}
		words := quoteWords(plainText(h.Quote.Text), e.level)
		quote := ""
		if words == "" {
			// The source allows its titles only: who spoke, and where.
			e.title = who + ", in «" + e.title0() + "»"
		} else {
			if !h.Quote.Direct {
				words = "[" + words + "]"
			}
			e.title = who + ": «" + shorten(words, 140) + "»"
			quote = "<blockquote><p>" + template.HTMLEscapeString(words) + "</p></blockquote>\n"
		}
		quote += "<p>— " + template.HTMLEscapeString(who) + " (" + template.HTMLEscapeString(plainText(h.Quote.Verb)) + "), in <a href=\"" +
			template.HTMLEscapeString(e.link) + "\">" + template.HTMLEscapeString(e.title0()) + "</a></p>\n"
		e.summary = quote + carriedBy(carriers[i]) + p.attribution(&it, &e, &src, base)
		e.content = ""
		e.authors = []string{plainText(h.Quote.Speaker)}
		e.id = uuidURN(fmt.Sprintf("%s\n%s\nquote %d", it.SourceID, itemKey(&it), h.Seq))
		fd.entries = append(fd.entries, e)
		fd.updated = latest(fd.updated, e.updated)
		mod = latest(mod, e.stored)
	}
	fd.setLang()
	p.dateEmpty(ctx, fd)
	body, ct, err := p.renderFormat(fd, f)
	return body, ct, mod, err
}

// dateEmpty dates a query feed without entries by the store's last change
// (or its creation), never by the clock.
func (p *Publisher) dateEmpty(ctx context.Context, fd *feedData) {
	if len(fd.entries) > 0 {
		return
	}
	fd.updated = undated
	if st, err := p.freshen(ctx, p.all); err == nil && !st.mod.IsZero() {
		fd.updated = st.mod
	}
}

func (p *Publisher) searchPage(ctx context.Context, query string, asJSON bool) ([]byte, string, time.Time, error) {
	var items []news.Item
	if strings.TrimSpace(query) != "" {
		var err error
		if items, err = p.search.SearchItems(ctx, query, queryLimit); err != nil {
			return nil, "", time.Time{}, err
		}
	}
	self := p.base + searchPath + "?q=" + url.QueryEscape(query)
	fd := &feedData{home: p.base + "/", self: self, current: self}
	p.fill(ctx, fd, searchPath, items, queryLimit+1)
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
			Q     string `json:"q"`
			Items []hit  `json:"items"`
		}{query, out}, "", "  ")
		return body, "application/json; charset=utf-8", mod, err
	}
	data := queryPageData{Title: plainText(p.title), Q: query, Home: p.base + "/", Icon: p.base + faviconPath, Search: true}
	if query != "" {
		feed := p.base + searchFeedStem
		qs := "?q=" + url.QueryEscape(query)
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

// searchFeed renders the items matching query as a feed, each item as in
// the section feeds (same republication rights and attribution).
func (p *Publisher) searchFeed(ctx context.Context, query string, f format) ([]byte, string, time.Time, error) {
	var items []news.Item
	if strings.TrimSpace(query) != "" {
		var err error
		if items, err = p.search.SearchItems(ctx, query, p.limit); err != nil {
			return nil, "", time.Time{}, err
		}
	}
	self := p.base + searchFeedStem + formats[f].ext + "?q=" + url.QueryEscape(query)
	fd := &feedData{title: "Search: " + plainText(query) + " — " + plainText(p.title),
		description: "Items matching " + plainText(query), home: p.base + "/", self: self, current: self,
		maxAge: queryMaxAge}
	p.fill(ctx, fd, searchPath, items, p.limit+1)
	p.dateEmpty(ctx, fd)
	body, ct, err := p.renderFormat(fd, f)
	return body, ct, fd.stored(), err
}

// stored is the latest time syndic wrote one of fd's items (zero without items).
func (fd *feedData) stored() time.Time {
	var t time.Time
	for _, e := range fd.entries {
		t = latest(t, e.stored)
	}
	return t
}

// title0 is the article's title as the entry had it before a quote feed
// retitled it: recomputed from the link when it was replaced.
func (e *entry) title0() string { return e.articleTitle }

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type queryPageData struct {
	Title, Home, Icon, Speaker, Q string
	Search                        bool
	Speakers                      []speakerLink
	Feeds                         []feedLink
	Quotes                        []quoteRow
	Items                         []itemRow
}

type speakerLink struct {
	Name, Href string
	Count      int
}

type feedLink struct{ Name, Href string }

type quoteRow struct {
	CarriedBy                                           []string // when several outlets carried it
	Text, Speaker, Role, Verb, Title, Link, Source, Via string
	Lang, When, DateTime                                string
	Direct                                              bool
}

type itemRow struct{ Title, Link, Source, Authors, Lang, When, DateTime string }

// quotesTemplate is the HTML of quote search and full-text search: a form
// that works without JavaScript, the results with their original links,
// and the matching feeds.
var quotesTemplate = template.Must(template.New("quotes").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Search}}Search{{else}}Quotes{{end}} — {{.Title}}</title>
<link rel="icon" type="image/png" href="{{.Icon}}">
{{- range .Feeds}}
<link rel="alternate" type="{{if eq .Name "Atom"}}application/atom+xml{{else if eq .Name "RSS"}}application/rss+xml{{else}}application/feed+json{{end}}" title="{{.Name}}" href="{{.Href}}">
{{- end}}
<style>
body{font:16px/1.45 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#222;background:#fff}
blockquote{margin:.2em 0 .1em;padding-left:.8em;border-left:3px solid #ccc}.meta{color:#666;font-size:.85em}
li{margin:.8em 0}form input{font-size:1em;margin-right:.5em}
</style>
</head>
<body>
<p><a href="{{.Home}}">{{.Title}}</a> · <a href="{{.Home}}quotes">Quotes</a> · <a href="{{.Home}}search">Search</a></p>
{{- if .Search}}
<h1>Search</h1>
<form action="search" method="get"><input type="search" name="q" value="{{.Q}}" placeholder="words, any form"><button>Search</button></form>
{{- else}}
<h1>Quotes{{if .Speaker}}: {{.Speaker}}{{end}}</h1>
<form action="quotes" method="get"><input name="speaker" value="{{.Speaker}}" placeholder="speaker, e.g. Захарова"><input name="q" value="{{.Q}}" placeholder="words in the quote"><button>Search</button></form>
{{- end}}
{{- if .Feeds}}
<p class="meta">As a feed: {{range .Feeds}}<a href="{{.Href}}">{{.Name}}</a> {{end}}</p>
{{- end}}
{{- if .Search}}
<ol>
{{- range .Items}}
<li{{if .Lang}} lang="{{.Lang}}"{{end}}><a href="{{.Link}}">{{.Title}}</a><br><span class="meta">{{.Source}} · <time datetime="{{.DateTime}}">{{.When}}</time>{{if .Authors}} · {{.Authors}}{{end}}</span></li>
{{- else}}
{{if .Q}}<p>Nothing found.</p>{{end}}
{{- end}}
</ol>
{{- else}}
<ol>
{{- range .Quotes}}
<li{{if .Lang}} lang="{{.Lang}}"{{end}}>{{if .Text}}<blockquote>{{if .Direct}}«{{.Text}}»{{else}}[{{.Text}}]{{end}}</blockquote>{{end}}
<span class="meta">— {{.Speaker}}{{if .Role}}, {{.Role}}{{end}}{{if .Verb}} ({{.Verb}}){{end}} · <a href="{{.Link}}">{{.Title}}</a> · {{.Source}}{{if .Via}}, via {{.Via}}{{end}} · <time datetime="{{.DateTime}}">{{.When}}</time>{{if .CarriedBy}} · carried by {{range $i, $s := .CarriedBy}}{{if $i}}, {{end}}{{$s}}{{end}}{{end}}</span></li>
{{- else}}
<p>No quotes found.</p>
{{- end}}
</ol>
{{- if .Speakers}}
<h2>Most quoted</h2>
<p>{{range .Speakers}}<a href="{{.Href}}">{{.Name}}</a> ({{.Count}}) {{end}}</p>
{{- end}}
{{- end}}
</body>
</html>
`))
