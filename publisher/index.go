package publisher

import (
	"bytes"
	"context"
	"html/template"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// indexItems is how many of each section's newest items the index lists.
const indexItems = 8

// indexTemplate is the HTML index: no script, a search form, one block per
// section with its newest items (title linking the original, source, time
// with its offset, byline; each item in its own language) and links to its
// three feeds, then every source's feeds, the OPML and quote search, and a
// <link rel="alternate"> per feed so that readers can discover them. The
// page's own words are English (lang="en").
var indexTemplate = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="icon" type="image/png" href="{{.Icon}}">
{{- range .Sections}}
<link rel="alternate" type="application/rss+xml" title="{{.Title}} (RSS)" href="{{.RSS}}">
<link rel="alternate" type="application/atom+xml" title="{{.Title}} (Atom)" href="{{.Atom}}">
<link rel="alternate" type="application/feed+json" title="{{.Title}} (JSON Feed)" href="{{.JSON}}">
{{- end}}
{{- range .Sources}}
<link rel="alternate" type="application/rss+xml" title="{{.Title}} (RSS)" href="{{.RSS}}">
<link rel="alternate" type="application/atom+xml" title="{{.Title}} (Atom)" href="{{.Atom}}">
<link rel="alternate" type="application/feed+json" title="{{.Title}} (JSON Feed)" href="{{.JSON}}">
{{- end}}
<link rel="alternate" type="text/x-opml" title="All feeds (OPML)" href="{{.OPML}}">
<style>
body{font:16px/1.45 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#222;background:#fff}
h1{margin:.2em 0}h2{margin:1.4em 0 .2em;border-bottom:1px solid #ddd}
nav a,.feeds a{margin-right:.6em}.feeds{font-size:.9em}
ol{padding-left:1.2em}li{margin:.35em 0}.meta{color:#666;font-size:.85em;display:block}
form{margin:.6em 0}form input{font-size:1em;margin-right:.5em}
footer{margin-top:2em;color:#666;font-size:.85em}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p>News by section, republished with attribution: every item links to its original article and credits its source.</p>
<nav><a href="{{.OPML}}">All feeds (OPML)</a> <a href="{{.Quotes}}">Quote search</a>{{if .Speakers}} <a href="{{.Speakers}}">Speakers</a>{{end}}{{range .Sections}} <a href="#{{.ID}}">{{.Title}}</a>{{end}}</nav>
{{- if .Search}}
<form action="{{.Search}}" method="get" role="search"><input type="search" name="q" placeholder="words, any form" aria-label="Search the news"><button>Search</button></form>
{{- end}}
</header>
<main>
{{- range .Sections}}
<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{- if .Description}}
<p>{{.Description}}</p>
{{- end}}
<p class="feeds">Feeds: <a href="{{.RSS}}">RSS</a> · <a href="{{.Atom}}">Atom</a> · <a href="{{.JSON}}">JSON Feed</a></p>
{{- if .Items}}
<ol>
{{- range .Items}}
<li{{if .Lang}} lang="{{.Lang}}"{{end}}><a href="{{.Link}}">{{.Title}}</a>
<span class="meta">{{.Source}}{{if .Via}}, via {{.Via}}{{end}}{{if .Time}} · <time datetime="{{.DateTime}}">{{.Time}}</time>{{end}}{{if .Byline}} · by {{.Byline}}{{end}}{{if .Also}} · also reported by {{range $i, $a := .Also}}{{if $i}}, {{end}}<a href="{{$a.Link}}">{{$a.Name}}</a>{{end}}{{end}}</span></li>
{{- end}}
</ol>
{{- else}}
<p>No items yet.</p>
{{- end}}
</section>
{{- end}}
{{- if .Sources}}
<section id="sources">
<h2>Sources</h2>
<ul>
{{- range .Sources}}
<li>{{.Title}}: <span class="feeds"><a href="{{.RSS}}">RSS</a> · <a href="{{.Atom}}">Atom</a> · <a href="{{.JSON}}">JSON Feed</a></span></li>
{{- end}}
</ul>
</section>
{{- end}}
</main>
<footer>Older items: follow each feed's rel="next" links (RFC 5005). All feeds: <a href="{{.OPML}}">OPML</a>.</footer>
</body>
</html>
`))

type indexFeed struct {
	ID, Title, Description string
	RSS, Atom, JSON        string
	Items                  []indexItem
}

type indexItem struct {
	Title, Link, Source, Via string
	Time, DateTime, Byline   string
	Lang                     string
	Also                     []indexCredit // the other outlets that reported its story
}

type indexCredit struct{ Name, Link string }

// renderIndex renders the index page: the configured sections with their
// newest items, and every feed.
func (p *Publisher) renderIndex(ctx context.Context, _ time.Time) ([]byte, error) {
	data := struct {
		Title, OPML, Quotes, Search, Speakers, Icon string
		Sections, Sources                           []indexFeed
	}{Title: plainText(p.title), OPML: p.base + opmlPath, Quotes: p.quotesURL, Icon: p.base + faviconPath}
	if p.search != nil {
		data.Search = p.base + searchPath
		data.Speakers = p.base + speakersPath
	}
	for _, s := range p.sections {
		title := plainText(s.Title)
		if title == "" {
			title = plainText(s.ID)
		}
		f := indexFeed{
			ID:          s.ID,
			Title:       title,
			Description: plainText(s.Description),
			RSS:         p.base + feedPath(s.ID, formatRSS),
			Atom:        p.base + feedPath(s.ID, formatAtom),
			JSON:        p.base + feedPath(s.ID, formatJSON),
		}
		items, err := p.st.SectionItemsBefore(ctx, s.ID, time.Time{}, 0, indexItems+indexItems/2)
		if err != nil {
			return nil, err
		}
		sc := p.readStories(ctx, items)
		for i := range items {
			if len(f.Items) == indexItems {
				break
			}
			if !items[i].HasOriginalLink() {
				p.withhold("/", &items[i])
				continue
			}
			ii := p.indexItem(&items[i])
			if _, _, also, ok := p.others(&items[i], sc); ok {
				for _, c := range also {
					ii.Also = append(ii.Also, indexCredit{c.name, c.link})
				}
			}
			f.Items = append(f.Items, ii)
		}
		data.Sections = append(data.Sections, f)
	}
	for _, s := range p.offeredSources() {
		title := plainText(s.Name)
		if title == "" {
			title = plainText(s.ID)
		}
		data.Sources = append(data.Sources, indexFeed{
			ID:    s.ID,
			Title: title,
			RSS:   p.base + sourceFeedPath(s.ID, formatRSS),
			Atom:  p.base + sourceFeedPath(s.ID, formatAtom),
			JSON:  p.base + sourceFeedPath(s.ID, formatJSON),
		})
	}
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// indexItem is what the index shows of a publishable item.
func (p *Publisher) indexItem(it *news.Item) indexItem {
	src := p.sources[it.SourceID]
	ii := indexItem{
		Title:  plainText(it.Title),
		Link:   stripIllegal(strings.TrimSpace(it.Link)),
		Source: plainText(src.Name),
	}
	if ii.Title == "" {
		ii.Title = ii.Link
	}
	if ii.Source == "" {
		ii.Source = plainText(it.SourceID)
	}
	var via, by []string
	for _, v := range it.Via {
		if v = plainText(v); v != "" {
			via = append(via, v)
		}
	}
	for _, a := range it.Authors {
		if a = plainText(a); a != "" {
			by = append(by, a)
		}
	}
	ii.Via, ii.Byline = strings.Join(via, ", "), strings.Join(by, ", ")
	ii.Lang = itemLang(it, &src)
	t := it.Published
	if t.IsZero() {
		t = it.FetchedAt
	}
	ii.Time, ii.DateTime = timeShown(t)
	return ii
}

// timeShown is how the HTML pages print a time: in the offset it was
// written with, shown ("1 Mar 2025 12:40 +03:00"), and as the value of
// <time datetime>; "" for the zero time.
func timeShown(t time.Time) (text, datetime string) {
	if t.IsZero() {
		return "", ""
	}
	return t.Format("2 Jan 2006 15:04 -07:00"), t.Format(time.RFC3339)
}
