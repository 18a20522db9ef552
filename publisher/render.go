package publisher

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"time"

	"github.com/gorilla/feeds"
)

// The documents are gorilla/feeds' own XML and JSON structs, embedded in
// structs that add what feeds lacks: namespaces, atom:link rel="self",
// dc:creator, RSS <source url>, Atom <source>, several authors and
// categories, and a JSON Feed extension. A field of the outer struct
// replaces the embedded field of the same element name.

const (
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsAtom    = "http://www.w3.org/2005/Atom"
	generator = "syndic"
)

type rssDoc struct {
	XMLName   xml.Name    `xml:"rss"`
	Version   string      `xml:"version,attr"`
	NSContent string      `xml:"xmlns:content,attr"`
	NSDC      string      `xml:"xmlns:dc,attr"`
	NSAtom    string      `xml:"xmlns:atom,attr"`
	Channel   *rssChannel `xml:"channel"`
}

type rssChannel struct {
	feeds.RssFeed
	AtomLink rssAtomLink `xml:"atom:link"`
	Items    []*rssItem  `xml:"item"`
}

type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	feeds.RssItem
	Creators   []string   `xml:"dc:creator"`
	Categories []string   `xml:"category"`
	Source     *rssSource `xml:"source"`
}

type rssSource struct {
	URL  string `xml:"url,attr"`
	Name string `xml:",chardata"`
}

// renderRSS renders fd as RSS 2.0 with the content, dc and atom namespaces.
func (p *Publisher) renderRSS(fd *feedData, f format) ([]byte, error) {
	ch := &rssChannel{
		RssFeed: feeds.RssFeed{
			Title:         fd.title,
			Link:          fd.home,
			Description:   fd.description,
			LastBuildDate: rfc822(fd.updated),
			Generator:     generator,
		},
		AtomLink: rssAtomLink{Href: p.base + feedPath(fd.section.ID, f), Rel: "self", Type: "application/rss+xml"},
		Items:    make([]*rssItem, len(fd.entries)),
	}
	for i := range fd.entries {
		e := &fd.entries[i]
		it := &rssItem{
			RssItem: feeds.RssItem{
				Title:       e.title,
				Link:        e.link,
				Description: e.summary,
				Guid:        &feeds.RssGuid{Id: e.id, IsPermaLink: fmt.Sprint(e.permalink)},
				PubDate:     rfc822(e.date),
			},
			Creators:   e.authors,
			Categories: e.categories,
			Source:     &rssSource{URL: e.sourceFeed, Name: e.sourceName},
		}
		if e.content != "" {
			it.Content = &feeds.RssContent{Content: e.content}
		}
		ch.Items[i] = it
	}
	return marshalXML(&rssDoc{Version: "2.0", NSContent: nsContent, NSDC: nsDC, NSAtom: nsAtom, Channel: ch})
}

type atomFeed struct {
	feeds.AtomFeed
	Generator string           `xml:"generator"`
	Links     []feeds.AtomLink `xml:"link"`
	Entries   []*atomEntry     `xml:"entry"`
}

type atomEntry struct {
	feeds.AtomEntry
	Authors    []feeds.AtomAuthor `xml:"author"`
	Categories []atomCategory     `xml:"category"`
	Source     *atomSource        `xml:"source"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomSource is RFC 4287 atom:source: where the entry came from. Its author
// (the outlet) applies to entries that have no byline of their own.
type atomSource struct {
	Title  string            `xml:"title"`
	Links  []feeds.AtomLink  `xml:"link"`
	Author *feeds.AtomAuthor `xml:"author"`
}

// renderAtom renders fd as Atom 1.0.
func (p *Publisher) renderAtom(fd *feedData, f format) ([]byte, error) {
	self := p.base + feedPath(fd.section.ID, f)
	feed := &atomFeed{
		AtomFeed: feeds.AtomFeed{
			Xmlns:    nsAtom,
			Title:    fd.title,
			Id:       self,
			Updated:  rfc3339(fd.updated),
			Subtitle: fd.description,
			Author:   &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: plainText(p.title), Uri: fd.home}},
		},
		Generator: generator,
		Links: []feeds.AtomLink{
			{Href: self, Rel: "self", Type: "application/atom+xml"},
			{Href: fd.home, Rel: "alternate", Type: "text/html"},
		},
		Entries: make([]*atomEntry, len(fd.entries)),
	}
	for i := range fd.entries {
		e := &fd.entries[i]
		en := &atomEntry{
			AtomEntry: feeds.AtomEntry{
				Title:   e.title,
				Updated: rfc3339(e.updated),
				Id:      e.atomID,
				Links:   []feeds.AtomLink{{Href: e.link, Rel: "alternate", Type: "text/html"}},
				Content: &feeds.AtomContent{Content: e.body(), Type: "html"},
			},
			Source: &atomSource{
				Title: e.sourceName,
				Links: []feeds.AtomLink{{Href: e.sourceHome, Rel: "alternate", Type: "text/html"}},
				// The outlet, credited where an entry has no byline.
				Author: &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: e.sourceName, Uri: e.sourceHome}},
			},
		}
		if e.published {
			en.Published = rfc3339(e.date)
		}
		if e.content != "" {
			en.Summary = &feeds.AtomSummary{Content: e.summary, Type: "html"}
		}
		for _, a := range e.authors {
			en.Authors = append(en.Authors, feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: a}})
		}
		for _, c := range e.categories {
			en.Categories = append(en.Categories, atomCategory{Term: c})
		}
		feed.Entries[i] = en
	}
	return marshalXML(feed)
}

type jsonFeed struct {
	feeds.JSONFeed
	Items []*jsonItem `json:"items"` // never omitted: JSON Feed requires it
}

type jsonItem struct {
	feeds.JSONItem
	Language string   `json:"language,omitempty"`
	Syndic   *jsonExt `json:"_syndic"`
}

// jsonExt is syndic's JSON Feed extension object on every item: who to credit.
type jsonExt struct {
	About  string     `json:"about"`
	Source jsonSource `json:"source"`
	Via    []string   `json:"via,omitempty"`
}

type jsonSource struct {
	Name    string `json:"name"`
	HomeURL string `json:"home_page_url"`
	FeedURL string `json:"feed_url,omitempty"`
}

// renderJSON renders fd as JSON Feed 1.1.
func (p *Publisher) renderJSON(fd *feedData, f format) ([]byte, error) {
	feed := &jsonFeed{
		JSONFeed: feeds.JSONFeed{
			Version:     "https://jsonfeed.org/version/1.1",
			Title:       fd.title,
			HomePageUrl: fd.home,
			FeedUrl:     p.base + feedPath(fd.section.ID, f),
			Description: fd.description,
		},
		Items: make([]*jsonItem, len(fd.entries)),
	}
	for i := range fd.entries {
		e := &fd.entries[i]
		it := &jsonItem{
			JSONItem: feeds.JSONItem{
				Id:          e.id,
				Url:         e.link,
				Title:       e.title,
				ContentHTML: e.body(),
				Image:       e.image,
				Tags:        e.categories,
			},
			Language: e.lang,
			Syndic: &jsonExt{
				About:  fd.home,
				Source: jsonSource{Name: e.sourceName, HomeURL: e.sourceHome, FeedURL: e.sourceFeed},
				Via:    e.via,
			},
		}
		published := e.date
		it.PublishedDate = &published
		if e.updated.After(e.date) {
			updated := e.updated
			it.ModifiedDate = &updated
		}
		for _, a := range e.authors {
			it.Authors = append(it.Authors, &feeds.JSONAuthor{Name: a})
		}
		feed.Items[i] = it
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return nil, fmt.Errorf("encode json feed: %w", err)
	}
	return buf.Bytes(), nil
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode xml feed: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// rfc822 formats t as RSS wants it: RFC 1123 with a numeric zone offset.
func rfc822(t time.Time) string { return t.Format(time.RFC1123Z) }

func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }
