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
	// Search returns a page of the items matching q, newest first, and
	// whether more follow.
	Search(ctx context.Context, q news.SearchQuery) ([]news.Item, bool, error)
	// Quotes returns the quotes matching q, newest first, with their items.
	Quotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error)
	// Speakers returns every speaker, most quoted first.
	Speakers(ctx context.Context) ([]*news.SpeakerGroup, error)
	// ResolveSpeaker returns the speakers a typed name (any form of it, or
	// a key) means, most quoted first.
	ResolveSpeaker(ctx context.Context, typed string) ([]*news.SpeakerGroup, error)
}

// Query paths: /quotes (HTML, or JSON with Accept: application/json or
// ?format=json), /feeds/quotes/{speaker}.rss|.atom|.json (one entry per
// quote), /search?q= (HTML or JSON) and /feeds/search.rss|.atom|.json?q=.
const (
	quotesPath      = "/quotes"
	speakersPath    = "/speakers"
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
	return path == quotesPath || path == searchPath || path == speakersPath ||
		path == storiesPath || strings.HasPrefix(path, storyPrefix) || strings.HasPrefix(path, storiesFeedStem) ||
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
	for _, name := range []string{"q", "speaker", "author"} {
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
		body, ct, mod, err = p.quotesPage(r.Context(), r.URL, wantsJSON(r))
	case path == speakersPath:
		body, ct, mod, err = p.speakersPage(r.Context(), wantsJSON(r))
	case strings.HasPrefix(path, quoteFeedPrefix):
		name, f, ok := feedName(strings.TrimPrefix(path, quoteFeedPrefix))
		if !ok || strings.TrimSpace(name) == "" || checkQuery("speaker", name) != nil {
			http.NotFound(w, r)
			return
		}
		var gs []*news.SpeakerGroup
		if gs, err = p.search.ResolveSpeaker(r.Context(), name); err == nil {
			// One speaker by another of their names or keys: the canonical feed.
			if len(gs) == 1 && gs[0].Key != name {
				http.Redirect(w, r, p.base+quoteFeedPrefix+url.PathEscape(gs[0].Key)+"."+formats[f].ext, http.StatusMovedPermanently)
				return
			}
			body, ct, mod, err = p.quoteFeed(r.Context(), gs, name, r.URL, f)
		}
	case path == searchPath:
		body, ct, mod, err = p.searchPage(r.Context(), r.URL, wantsJSON(r))
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
		body, ct, mod, err = p.searchFeed(r.Context(), r.URL, f)
	}
	var bad badQuery
	switch {
	case errors.Is(err, store.ErrNotFound):
		http.NotFound(w, r)
	case errors.As(err, &bad):
		http.Error(w, bad.Error(), http.StatusBadRequest)
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

// quoteQuery reads the parameters of quote search: speaker (any form),
// q (words), since and until (a date, 2006-01-02, or days back, 7d), and
// before, the position of the last quote of the page before
// (micros-item-seq). It returns the query and the query string of its
// filters, which every page's links carry.
func quoteQuery(u *url.URL, limit int) (news.QuoteQuery, string, error) {
	v := u.Query()
	qq := news.QuoteQuery{Speaker: v.Get("speaker"), Text: v.Get("q"), Limit: limit}
	for _, d := range []struct {
		name string
		t    *time.Time
	}{{"since", &qq.Since}, {"until", &qq.Until}} {
		if s := v.Get(d.name); s != "" {
			t, err := parseDay(s, time.Now())
			if err != nil {
				return qq, "", badQuery{fmt.Errorf("invalid %s %q (want 2024-10-01 or 7d)", d.name, s)}
			}
			*d.t = t
		}
	}
	if b := v.Get("before"); b != "" {
		var t, item int64
		var seq int
		if n, err := fmt.Sscanf(b, "%d-%d-%d", &t, &item, &seq); n != 3 || err != nil || t < minCursor || t > maxCursor || item < 0 || seq < 0 {
			return qq, "", badQuery{fmt.Errorf("invalid before %q", b)}
		}
		qq.After = news.QuoteCursor{Time: time.UnixMicro(t).UTC(), Item: item, Seq: seq}
	}
	filters := url.Values{}
	for _, k := range []string{"speaker", "q", "since", "until"} {
		if s := v.Get(k); s != "" {
			filters.Set(k, s)
		}
	}
	return qq, filters.Encode(), nil
}

// quotePage reads a page of quotes: the publishable hits, and the query
// string of the next page ("" on the last).
func (p *Publisher) quotePage(ctx context.Context, qq news.QuoteQuery, filters string) ([]news.QuoteHit, string, error) {
	hits, after, err := p.quoteHits(ctx, qq)
	if err != nil || after == nil {
		return hits, "", err
	}
	next := "?" + filters
	if filters != "" {
		next += "&"
	}
	next += fmt.Sprintf("before=%d-%d-%d", after.Time.UnixMicro(), after.Item, after.Seq)
	return hits, next, nil
}

// quoteHits returns the publishable quotes of one page of qq and, when
// there are more, the cursor the next page starts after.
func (p *Publisher) quoteHits(ctx context.Context, qq news.QuoteQuery) ([]news.QuoteHit, *news.QuoteCursor, error) {
	limit := qq.Limit
	qq.Limit++
	hits, err := p.search.Quotes(ctx, qq)
	if err != nil {
		return nil, nil, err
	}
	var after *news.QuoteCursor
	if len(hits) > limit {
		hits = hits[:limit]
		after = &hits[limit-1].Cursor
	}
	return p.publishable(hits), after, nil
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
	Key       string   `json:"speaker_key"`
	Role      string   `json:"role"`
	Verb      string   `json:"verb"`
	Direct    bool     `json:"direct"`
	Title     string   `json:"title"`
	Link      string   `json:"link"`
	Source    string   `json:"source"`
	Via       []string `json:"via"`
	Notice    string   `json:"notice,omitempty"` // the reuse rule the source or article states
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

func (p *Publisher) quotesPage(ctx context.Context, u *url.URL, asJSON bool) ([]byte, string, time.Time, error) {
	if u.Query().Get("format") == "csv" {
		return p.quotesCSV(ctx, u)
	}
	qq, filters, err := quoteQuery(u, queryLimit)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	hits, next, err := p.quotePage(ctx, qq, filters)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	if next != "" {
		next = p.base + quotesPath + next
	}
	var mod time.Time
	for _, h := range hits {
		mod = latest(mod, h.Item.FetchedAt, h.Item.Edited)
	}
	hits, carriers := p.mergeQuotes(ctx, hits)
	if asJSON {
		out := make([]quoteJSON, 0, len(hits))
		for i, h := range hits {
			e := p.entryHead(&h.Item)
			q := quoteJSON{Text: quoteWords(plainText(h.Quote.Text), e.level), Speaker: plainText(h.Quote.Speaker),
				Key: h.SpeakerKey, Role: plainText(h.Quote.Role), Verb: plainText(h.Quote.Verb), Direct: h.Quote.Direct,
				Title: e.title, Link: e.link, Source: e.sourceName, Via: nonNilStrings(e.via), Notice: p.plainNotice(&h.Item, &e),
				Published: rfc3339(e.date)}
			for _, c := range carriers[i] {
				q.CarriedBy = append(q.CarriedBy, jsonCredit{Name: c.name, URL: c.link})
			}
			out = append(out, q)
		}
		body, err := json.MarshalIndent(struct {
			Speaker string      `json:"speaker"`
			Q       string      `json:"q"`
			Quotes  []quoteJSON `json:"quotes"`
			NextURL string      `json:"next_url,omitempty"`
		}{qq.Speaker, qq.Text, out, jsonPage(next)}, "", "  ")
		return body, "application/json; charset=utf-8", mod, err
	}
	groups, err := p.search.Speakers(ctx)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	data := queryPageData{Title: plainText(p.title), Speaker: qq.Speaker, Q: qq.Text, Since: u.Query().Get("since"),
		Until: u.Query().Get("until"), Home: p.base + "/", Icon: p.base + faviconPath, Next: next}
	if filters != "" {
		data.CSV = p.base + quotesPath + "?" + filters + "&format=csv"
	}
	for i, g := range groups {
		if i == 30 {
			break
		}
		data.Speakers = append(data.Speakers, p.speakerLink(g))
	}
	if qq.Speaker != "" {
		key := qq.Speaker
		gs, err := p.search.ResolveSpeaker(ctx, qq.Speaker)
		if err != nil {
			return nil, "", time.Time{}, err
		}
		if len(gs) == 1 {
			key = gs[0].Key
		}
		feed := p.base + quoteFeedPrefix + url.PathEscape(key)
		data.Feeds = []feedLink{{"Atom", feed + ".atom"}, {"RSS", feed + ".rss"}, {"JSON Feed", feed + ".json"}}
	}
	for i, h := range hits {
		e := p.entryHead(&h.Item)
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
func (p *Publisher) quoteFeed(ctx context.Context, groups []*news.SpeakerGroup, speaker string, u *url.URL, f format) ([]byte, string, time.Time, error) {
	qq, _, err := quoteQuery(&url.URL{RawQuery: url.Values{"before": {u.Query().Get("before")}}.Encode()}, p.limit)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	qq.Speaker = speaker
	hits, next, err := p.quotePage(ctx, qq, "")
	if err != nil {
		return nil, "", time.Time{}, err
	}
	hits, carriers := p.mergeQuotes(ctx, hits)
	current := p.base + quoteFeedPrefix + url.PathEscape(speaker) + "." + formats[f].ext
	self := current
	if b := u.Query().Get("before"); b != "" {
		self += "?before=" + url.QueryEscape(b)
	}
	name := speaker
	if len(groups) == 1 {
		name = groups[0].Name
	}
	fd := &feedData{title: "Quotes: " + plainText(name) + " — " + plainText(p.title),
		description: "Every quote attributed to " + plainText(name) + ", with the article it came from",
		home:        p.base + "/", self: self, current: current, maxAge: queryMaxAge}
	if next != "" {
		fd.next = current + next
	}
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
	Author, Source, Since, Until  string
	Next                          string // the next page's URL, "" on the last
	CSV                           string // the query as CSV
	Search, List                  bool
	Speakers                      []speakerLink
	Feeds                         []feedLink
	Quotes                        []quoteRow
	Items                         []itemRow
}

type speakerLink struct {
	Key     string     `json:"key"`
	Name    string     `json:"name"`
	Href    string     `json:"quotes_url"`
	Feed    string     `json:"feed_url"`
	Count   int        `json:"quotes"`
	Aliases []string   `json:"aliases"`
	Names   []string   `json:"names"`
	Roles   []roleSeen `json:"roles"`
}

// roleSeen is a role a speaker's quotes give them, with the days (UTC) it
// was first and last given.
type roleSeen struct {
	Role      string `json:"role"`
	Count     int    `json:"quotes"`
	FirstSeen string `json:"first_seen"`
	LastSeen  string `json:"last_seen"`
}

func (p *Publisher) speakerLink(g *news.SpeakerGroup) speakerLink {
	l := speakerLink{Key: g.Key, Name: plainText(g.Name), Count: g.Quotes, Aliases: nonNilStrings(nil), Names: nonNilStrings(nil),
		Href: p.base + quotesPath + "?speaker=" + url.QueryEscape(g.Key),
		Feed: p.base + quoteFeedPrefix + url.PathEscape(g.Key) + ".atom"}
	for _, a := range g.Aliases {
		l.Aliases = append(l.Aliases, plainText(a))
	}
	for _, n := range g.Names {
		l.Names = append(l.Names, plainText(n))
	}
	l.Roles = []roleSeen{}
	for _, r := range g.Roles {
		l.Roles = append(l.Roles, roleSeen{Role: plainText(r.Role), Count: r.Quotes,
			FirstSeen: r.FirstSeen.UTC().Format(time.DateOnly), LastSeen: r.LastSeen.UTC().Format(time.DateOnly)})
	}
	return l
}

// speakersPage lists every speaker of the registry, most quoted first: key,
// name, the names and forms they are found by, how many quotes, and links
// to their quotes and feed.
func (p *Publisher) speakersPage(ctx context.Context, asJSON bool) ([]byte, string, time.Time, error) {
	groups, err := p.search.Speakers(ctx)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	data := queryPageData{Title: plainText(p.title), Home: p.base + "/", Icon: p.base + faviconPath, List: true}
	for _, g := range groups {
		data.Speakers = append(data.Speakers, p.speakerLink(g))
	}
	if asJSON {
		body, err := json.MarshalIndent(struct {
			Speakers []speakerLink `json:"speakers"`
		}{nonNilSpeakers(data.Speakers)}, "", "  ")
		return body, "application/json; charset=utf-8", time.Time{}, err
	}
	var b bytes.Buffer
	err = quotesTemplate.Execute(&b, data)
	return b.Bytes(), "text/html; charset=utf-8", time.Time{}, err
}

func nonNilSpeakers(s []speakerLink) []speakerLink {
	if s == nil {
		return []speakerLink{}
	}
	return s
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
<title>{{if .Search}}Search{{else if .List}}Speakers{{else}}Quotes{{end}} — {{.Title}}</title>
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
<p><a href="{{.Home}}">{{.Title}}</a> · <a href="{{.Home}}quotes">Quotes</a> · <a href="{{.Home}}speakers">Speakers</a> · <a href="{{.Home}}search">Search</a></p>
{{- if .List}}
<h1>Speakers</h1>
<table>
<tr><th>key</th><th>name</th><th>quotes</th><th>also found as</th></tr>
{{- range .Speakers}}
<tr><td><a href="{{.Href}}">{{.Key}}</a></td><td>{{.Name}}{{range .Roles}}<br><span class="meta">{{.Role}}, {{.FirstSeen}}{{if ne .FirstSeen .LastSeen}} – {{.LastSeen}}{{end}}</span>{{end}}</td><td>{{.Count}} (<a href="{{.Feed}}">feed</a>)</td><td class="meta">{{range $i, $a := .Aliases}}{{if $i}}, {{end}}{{$a}}{{end}}</td></tr>
{{- else}}
<tr><td colspan="4">No quotes stored yet.</td></tr>
{{- end}}
</table>
{{- else if .Search}}
<h1>Search</h1>
<form action="search" method="get"><input type="search" name="q" value="{{.Q}}" placeholder="words, any form; &quot;a phrase&quot;"><input name="author" value="{{.Author}}" placeholder="author"><input name="source" value="{{.Source}}" placeholder="source id" size="8"><input name="since" value="{{.Since}}" placeholder="since 2024-10-01" size="12"><input name="until" value="{{.Until}}" placeholder="until" size="12"><button>Search</button></form>
{{- else}}
<h1>Quotes{{if .Speaker}}: {{.Speaker}}{{end}}</h1>
<form action="quotes" method="get"><input name="speaker" value="{{.Speaker}}" placeholder="speaker, e.g. Захарова, Lavrov"><input name="q" value="{{.Q}}" placeholder="words in the quote"><input name="since" value="{{.Since}}" placeholder="since 2024-10-01" size="12"><input name="until" value="{{.Until}}" placeholder="until" size="12"><button>Search</button></form>
{{- end}}
{{- if .Feeds}}
<p class="meta">As a feed: {{range .Feeds}}<a href="{{.Href}}">{{.Name}}</a> {{end}}</p>
{{- end}}
{{- if .List}}
{{- else if .Search}}
<ol>
{{- range .Items}}
<li{{if .Lang}} lang="{{.Lang}}"{{end}}><a href="{{.Link}}">{{.Title}}</a><br><span class="meta">{{.Source}} · <time datetime="{{.DateTime}}">{{.When}}</time>{{if .Authors}} · {{.Authors}}{{end}}</span></li>
{{- else}}
{{if or .Q .Author}}<p>Nothing found.</p>{{end}}
{{- end}}
</ol>
{{- if .Next}}
<p><a rel="next" href="{{.Next}}">Older results →</a></p>
{{- end}}
{{- else}}
<ol>
{{- range .Quotes}}
<li{{if .Lang}} lang="{{.Lang}}"{{end}}>{{if .Text}}<blockquote>{{if .Direct}}«{{.Text}}»{{else}}[{{.Text}}]{{end}}</blockquote>{{end}}
<span class="meta">— {{.Speaker}}{{if .Role}}, {{.Role}}{{end}}{{if .Verb}} ({{.Verb}}){{end}} · <a href="{{.Link}}">{{.Title}}</a> · {{.Source}}{{if .Via}}, via {{.Via}}{{end}} · <time datetime="{{.DateTime}}">{{.When}}</time>{{if .CarriedBy}} · carried by {{range $i, $s := .CarriedBy}}{{if $i}}, {{end}}{{$s}}{{end}}{{end}}</span></li>
{{- else}}
<p>No quotes found.</p>
{{- end}}
</ol>
{{- if .Next}}
<p><a rel="next" href="{{.Next}}">Older quotes →</a></p>
{{- end}}
{{- if .CSV}}
<p class="meta"><a href="{{.CSV}}">Download as CSV</a></p>
{{- end}}
{{- if .Speakers}}
<h2>Most quoted</h2>
<p>{{range .Speakers}}<a href="{{.Href}}">{{.Name}}</a> ({{.Count}}) {{end}}</p>
{{- end}}
{{- end}}
</body>
</html>
`))
