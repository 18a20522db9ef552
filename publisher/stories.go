package publisher

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// StoryReader tells which story each item reports and who else reported
// it (store.Store does); a Store that is also a StoryReader gets every
// item's story credited in its feeds.
type StoryReader interface {
	// StoriesOf returns, for those of the items that report a story of
	// more than one report, the story, and each story's reports in order
	// of publication.
	StoriesOf(ctx context.Context, itemIDs []int64) (map[int64]int64, map[int64][]store.StoryReport, error)
}

// credit is an outlet credited for a report of an entry's story.
type credit struct {
	name string // plain text
	link string // its original, absolute http(s)
}

// storyCredits are the stories of a page's items.
type storyCredits struct {
	storyOf map[int64]int64
	reports map[int64][]store.StoryReport
}

// readStories reads the stories of items; a failure leaves them uncredited
// (the page is still served) and is logged.
func (p *Publisher) readStories(ctx context.Context, items []news.Item) storyCredits {
	sr, ok := p.st.(StoryReader)
	if !ok || len(items) == 0 {
		return storyCredits{}
	}
	ids := make([]int64, len(items))
	for i := range items {
		ids[i] = items[i].ID
	}
	storyOf, reports, err := sr.StoriesOf(ctx, ids)
	if err != nil {
		p.log.Warn("read stories", "err", err)
		return storyCredits{}
	}
	return storyCredits{storyOf, reports}
}

// standsFor says whether it is the report that shows its story in the
// section: of the story's reports in the section (that can be linked), the
// one of the most preferred source, else the first published.
func (sc storyCredits) standsFor(it *news.Item, section string, prefer []string) bool {
	story, ok := sc.storyOf[it.ID]
	if !ok {
		return true
	}
	var in []store.StoryReport
	for _, r := range sc.reports[story] {
		if r.ItemID == it.ID || slices.Contains(r.Sections, section) && news.IsAbsoluteHTTP(r.Link) {
			in = append(in, r)
		}
	}
	for _, src := range prefer {
		for _, r := range in {
			if r.SourceID == src {
				return r.ItemID == it.ID
			}
		}
	}
	return len(in) == 0 || in[0].ItemID == it.ID
}

// others returns the story of it, when other outlets reported it too: the
// report published first, and the other outlets (each once, its first
// report linked). ok is false for an item no other outlet reported.
func (p *Publisher) others(it *news.Item, sc storyCredits) (story int64, first *credit, also []credit, ok bool) {
	story, ok = sc.storyOf[it.ID]
	if !ok {
		return 0, nil, nil, false
	}
	seen := map[string]bool{it.SourceID: true}
	for i, r := range sc.reports[story] {
		c := credit{name: p.sourceName(r.SourceID), link: news.AbsoluteHTTP(nil, stripIllegal(r.Link))}
		if c.link == "" {
			continue // never credited without a link to its original
		}
		if i == 0 {
			first = &c
		}
		if !seen[r.SourceID] {
			seen[r.SourceID] = true
			also = append(also, c)
		}
	}
	return story, first, also, len(also) > 0
}

// creditStory names the entry's story, the outlet that reported it first and
// the other outlets that reported it, and ends the entry's content with a
// line "Also reported by: A, B" linking their originals. It leaves an entry
// whose story has no other outlet alone.
func (p *Publisher) creditStory(e *entry, it *news.Item, sc storyCredits) {
	story, first, also, ok := p.others(it, sc)
	if !ok {
		return
	}
	e.story, e.firstBy, e.alsoBy = story, first, also
	var b strings.Builder
	b.WriteString("<p>Also reported by: ")
	for i, c := range also {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`<a href="` + html.EscapeString(c.link) + `">` + textEscaper.Replace(c.name) + "</a>")
	}
	b.WriteString("</p>")
	e.summary += b.String()
	if e.content != "" {
		e.content += b.String()
	}
}

// sourceName is the name a source is credited by.
func (p *Publisher) sourceName(id string) string {
	if n := plainText(p.sources[id].Name); n != "" {
		return n
	}
	return plainText(id)
}

// The story pages: /stories lists the newest stories of more than one
// report, /stories/{id} one story; HTML, or JSON with Accept:
// application/json or ?format=json.
const (
	storiesPath = "/stories"
	storyPrefix = "/stories/"
	// storiesBack is how far back from the newest stored item /stories
	// looks for stories.
	storiesBack = 7 * 24 * time.Hour
	// storiesShown is how many stories /stories shows.
	storiesShown = 50
)

// StoryPages reads stories (store.Store does); a Store that is also a
// StoryPages gets /stories served.
type StoryPages interface {
	RecentStories(ctx context.Context, back time.Duration, limit int) ([]store.Story, error)
	StoryByID(ctx context.Context, id int64) (store.Story, error)
}

type storyJSON struct {
	Story         int64            `json:"story"`
	Title         string           `json:"title"` // the first report's
	Link          string           `json:"url"`   // the first report's original
	FirstReported string           `json:"first_reported"`
	Reports       []storyOutlet    `json:"reports"` // in order of publication
	Quotes        []storyQuoteJSON `json:"quotes"`
}

type storyOutlet struct {
	Source    string `json:"source"`
	Title     string `json:"title"`
	Link      string `json:"url"`
	Published string `json:"published"`
	When      string `json:"-"`
}

// storyQuoteJSON is one quote of a story and the outlets that carried it.
type storyQuoteJSON struct {
	Text      string   `json:"text"` // as the reuse rules of its carriers allow; "" when none allows its words
	Speaker   string   `json:"speaker"`
	Direct    bool     `json:"direct"`
	CarriedBy []string `json:"carried_by"`
}

// storyView builds a story as the pages show it: its publishable reports
// in order of publication, and each quote once, with every outlet that
// carried it; ok is false when no report can be published.
func (p *Publisher) storyView(st store.Story) (v storyJSON, mod time.Time, ok bool) {
	v = storyJSON{Story: st.ID, Reports: []storyOutlet{}, Quotes: []storyQuoteJSON{}}
	quotes := map[string]int{}
	for i := range st.Items {
		it := &st.Items[i]
		if !it.HasOriginalLink() {
			p.withhold(storiesPath, it)
			continue
		}
		e := p.entryHead(it)
		mod = latest(mod, it.FetchedAt, it.Edited)
		when, _ := timeShown(e.date)
		if len(v.Reports) == 0 {
			v.Title, v.Link, v.FirstReported = e.title, e.link, rfc3339(e.date)
		}
		v.Reports = append(v.Reports, storyOutlet{Source: e.sourceName, Title: e.title, Link: e.link, Published: rfc3339(e.date), When: when})
		for _, q := range it.Quotes {
			key := news.Fold(news.CollapseSpace(q.Text))
			j, seen := quotes[key]
			if !seen {
				j = len(v.Quotes)
				quotes[key] = j
				v.Quotes = append(v.Quotes, storyQuoteJSON{Speaker: plainText(q.Speaker), Direct: q.Direct, CarriedBy: []string{}})
			}
			sq := &v.Quotes[j]
			if w := quoteWords(plainText(q.Text), e.level); len(w) > len(sq.Text) {
				sq.Text = w
			}
			if sq.Speaker == "" {
				sq.Speaker = plainText(q.Speaker)
			}
			if !slices.Contains(sq.CarriedBy, e.sourceName) {
				sq.CarriedBy = append(sq.CarriedBy, e.sourceName)
			}
		}
	}
	return v, mod, len(v.Reports) > 0
}

// storiesPage renders /stories (id 0) or /stories/{id}.
func (p *Publisher) storiesPage(ctx context.Context, sp StoryPages, id int64, asJSON bool) ([]byte, string, time.Time, error) {
	var stories []store.Story
	if id == 0 {
		var err error
		if stories, err = sp.RecentStories(ctx, storiesBack, storiesShown); err != nil {
			return nil, "", time.Time{}, err
		}
	} else {
		st, err := sp.StoryByID(ctx, id)
		if err != nil {
			return nil, "", time.Time{}, err
		}
		stories = []store.Story{st}
	}
	var mod time.Time
	views := []storyJSON{}
	for _, st := range stories {
		if v, m, ok := p.storyView(st); ok {
			views = append(views, v)
			mod = latest(mod, m)
		}
	}
	if id != 0 && len(views) == 0 {
		return nil, "", time.Time{}, store.ErrNotFound
	}
	if asJSON {
		var body []byte
		var err error
		if id != 0 {
			body, err = json.MarshalIndent(views[0], "", "  ")
		} else {
			body, err = json.MarshalIndent(struct {
				Stories []storyJSON `json:"stories"`
			}{views}, "", "  ")
		}
		return body, "application/json; charset=utf-8", mod, err
	}
	var b bytes.Buffer
	err := storiesTemplate.Execute(&b, struct {
		Title, Home, Icon string
		One               bool
		Stories           []storyJSON
	}{plainText(p.title), p.base + "/", p.base + iconPath, id != 0, views})
	return b.Bytes(), "text/html; charset=utf-8", mod, err
}

var storiesTemplate = template.Must(template.New("stories").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stories — {{.Title}}</title>
<link rel="icon" type="image/png" href="{{.Icon}}">
<style>
body{font:16px/1.45 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#222;background:#fff}
blockquote{margin:.2em 0 .1em;padding-left:.8em;border-left:3px solid #ccc}.meta{color:#666;font-size:.85em}
section{margin:1.5em 0}
</style>
</head>
<body>
<p><a href="{{.Home}}">{{.Title}}</a> · <a href="{{.Home}}stories">Stories</a> · <a href="{{.Home}}quotes">Quotes</a></p>
<h1>Stories across outlets</h1>
{{- range .Stories}}
<section>
<h2><a href="{{.Link}}">{{.Title}}</a></h2>
<p class="meta">First reported <time datetime="{{.FirstReported}}">{{(index .Reports 0).When}}</time> by {{(index .Reports 0).Source}} · <a href="{{$.Home}}stories/{{.Story}}">story {{.Story}}</a></p>
<ol>
{{- range .Reports}}
<li><a href="{{.Link}}">{{.Title}}</a> <span class="meta">{{.Source}} · <time datetime="{{.Published}}">{{.When}}</time></span></li>
{{- end}}
</ol>
{{- range .Quotes}}
{{- if .Text}}<blockquote>{{if .Direct}}«{{.Text}}»{{else}}[{{.Text}}]{{end}}</blockquote>{{end}}
<p class="meta">— {{if .Speaker}}{{.Speaker}}{{else}}unnamed{{end}}; carried by {{range $i, $s := .CarriedBy}}{{if $i}}, {{end}}{{$s}}{{end}}</p>
{{- end}}
</section>
{{- else}}
<p>No story reported by more than one outlet yet.</p>
{{- end}}
</body>
</html>
`))

// storiesFeedStem is the stories feed: /feeds/stories.rss, .atom, .json.
const storiesFeedStem = "/feeds/stories."

// storiesFeed renders the stories of /stories as a feed: one entry per
// story, its first publishable report (as that report's source allows),
// crediting every other outlet that reported it.
func (p *Publisher) storiesFeed(ctx context.Context, sp StoryPages, f format) ([]byte, string, time.Time, error) {
	stories, err := sp.RecentStories(ctx, storiesBack, p.limit)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	var items []news.Item
	for _, st := range stories {
		for _, it := range st.Items {
			if it.HasOriginalLink() {
				items = append(items, it)
				break
			}
		}
	}
	self := p.base + storiesFeedStem + formats[f].ext
	fd := &feedData{title: "Stories — " + plainText(p.title),
		description: "Stories reported by more than one outlet, each by its first report", home: p.base + "/",
		self: self, current: self, maxAge: queryMaxAge}
	p.fill(ctx, fd, storiesPath, items, p.limit+1)
	p.dateEmpty(ctx, fd)
	body, ct, err := p.renderFormat(fd, f)
	return body, ct, fd.stored(), err
}

// mergeQuotes makes one quote of the hits that are the same words of one
// story carried by several outlets: it stands in the place of the newest
// of them and is the earliest outlet's (the first to report it), and
// carriers[i] lists every outlet that carried hit i, earliest first, when
// there are more than one. Hits come newest first.
func (p *Publisher) mergeQuotes(ctx context.Context, hits []news.QuoteHit) ([]news.QuoteHit, [][]credit) {
	items := make([]news.Item, len(hits))
	for i := range hits {
		items[i] = hits[i].Item
	}
	sc := p.readStories(ctx, items)
	if len(sc.storyOf) == 0 {
		return hits, make([][]credit, len(hits))
	}
	type key struct {
		story int64
		text  string
	}
	first := map[key]int{} // index in out
	var out []news.QuoteHit
	var carriers [][]credit
	for _, h := range hits {
		c := credit{name: p.sourceName(h.Item.SourceID), link: stripIllegal(h.Item.Link)}
		story, ok := sc.storyOf[h.Item.ID]
		k := key{story, news.Fold(news.CollapseSpace(h.Quote.Text))}
		if j, seen := first[k]; ok && seen {
			out[j] = h // an earlier report of it
			carriers[j] = slices.DeleteFunc(carriers[j], func(x credit) bool { return x.name == c.name })
			carriers[j] = slices.Insert(carriers[j], 0, c)
			continue
		}
		if ok {
			first[k] = len(out)
		}
		out = append(out, h)
		carriers = append(carriers, []credit{c})
	}
	for i := range carriers {
		if len(carriers[i]) < 2 {
			carriers[i] = nil
		}
	}
	return out, carriers
}

// carriedBy is the HTML line naming the outlets that carried a quote, each
// linking its original.
func carriedBy(cs []credit) string {
	if len(cs) < 2 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<p>Carried by: ")
	for i, c := range cs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`<a href="` + html.EscapeString(c.link) + `">` + textEscaper.Replace(c.name) + "</a>")
	}
	b.WriteString("</p>")
	return b.String()
}
