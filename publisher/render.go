package publisher

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/syndic/syndic/news"
)

// renderFeed renders the page of rt's feed at cur in rt's format, from the
// page built for version of rt's dependency, last changed at mod. It
// returns the time the page last changed.
func (p *Publisher) renderFeed(ctx context.Context, rt *route, cur cursor, version int64, mod time.Time) ([]byte, time.Time, error) {
	bp, err := p.built(ctx, rt, cur, version, mod)
	if err != nil {
		return nil, mod, err
	}
	fd := bp.fd
	fd.current = p.base + rt.path
	fd.self = fd.current
	if !cur.zero() {
		fd.self += cur.query()
		mod = fd.updated // an older page's own, see buildPage
	}
	if bp.more {
		fd.next = fd.current + bp.last.query()
	}
	fd.maxAge = p.maxAgeOf(cur)
	body, _, err := p.renderFormat(&fd, rt.format)
	return body, mod, err
}

// buildPage reads the page of rt's section or source at cur from the store
// and builds its entries, everything but the links of a format.
func (p *Publisher) buildPage(ctx context.Context, rt *route, cur cursor, mod time.Time) (*builtPage, error) {
	// Ask for a few more than needed so that withheld items do not shorten the page.
	asked := p.limit + p.limit/4 + 1
	var items []news.Item
	var err error
	bp := &builtPage{mod: mod}
	fd := &bp.fd
	switch rt.kind {
	case kindSection:
		items, err = p.st.SectionItemsBefore(ctx, rt.id, cur.time0(), cur.id, asked)
		sec := p.section(rt.id)
		fd.title, fd.description = plainText(sec.Title), plainText(sec.Description)
		if fd.title == "" {
			fd.title = plainText(sec.ID)
		}
		if p.hub != "" && cur.zero() {
			fd.hub = p.hub
		}
		if sec.OnePerStory {
			fd.onePerStory, fd.prefer = sec.ID, sec.Prefer
		}
	case kindSource:
		items, err = p.st.SourceItems(ctx, rt.id, cur.time0(), cur.id, asked)
		src := p.sources[rt.id]
		name := plainText(src.Name)
		if name == "" {
			name = plainText(src.ID)
		}
		fd.title = name + " — " + plainText(p.title)
		fd.description = "Items of " + name + " republished by " + plainText(p.title)
	default:
		return nil, errors.New("build feed page: not a feed")
	}
	if err != nil {
		return nil, err
	}
	p.pagesBuilt.Add(1)
	if fd.description == "" {
		fd.description = fd.title
	}
	fd.home, fd.updated = p.base+"/", mod
	bp.last, bp.more = p.fill(ctx, fd, rt.path, items, asked)
	if !cur.zero() {
		// An older page changes only when its own items do.
		fd.updated = time.Time{}
		for _, e := range fd.entries {
			if e.updated.After(fd.updated) {
				fd.updated = e.updated
			}
		}
		if fd.updated.IsZero() {
			fd.updated = cur.time()
		}
	}
	return bp, nil
}

func (p *Publisher) section(id string) news.Section {
	for _, s := range p.sections {
		if s.ID == id {
			return s
		}
	}
	return news.Section{ID: id}
}

// renderFormat renders fd in format f and returns it with its content type.
func (p *Publisher) renderFormat(fd *feedData, f format) ([]byte, string, error) {
	var body []byte
	var err error
	switch f {
	case formatRSS:
		body, err = p.renderRSS(fd)
	case formatAtom:
		body, err = p.renderAtom(fd)
	default:
		body, err = p.renderJSON(fd)
	}
	return body, formats[f].contentType, err
}

// The documents are gorilla/feeds' own XML and JSON structs, embedded in
// structs that add what feeds lacks: namespaces, atom:link rel="self",
// dc:creator, RSS <source url>, Atom <source>, several authors and
// categories, media, languages, and a JSON Feed extension. A field of the
// outer struct replaces the embedded field of the same element name.
//
// Every format carries the same item id (itemID), the item's media (see
// enclosure), its language where it differs from the feed's, and the time
// of its last update where there was one: Atom <updated>, JSON Feed
// date_modified, RSS dcterms:modified.

const (
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsDCTerms = "http://purl.org/dc/terms/"
	nsMedia   = "http://search.yahoo.com/mrss/"
	nsAtom    = "http://www.w3.org/2005/Atom"
	generator = "syndic"
)

type rssDoc struct {
	XMLName   xml.Name    `xml:"rss"`
	Version   string      `xml:"version,attr"`
	NSContent string      `xml:"xmlns:content,attr"`
	NSDC      string      `xml:"xmlns:dc,attr"`
	NSDCTerms string      `xml:"xmlns:dcterms,attr"`
	NSMedia   string      `xml:"xmlns:media,attr"`
	NSAtom    string      `xml:"xmlns:atom,attr"`
	Channel   *rssChannel `xml:"channel"`
}

type rssChannel struct {
	feeds.RssFeed
	AtomLinks []rssAtomLink `xml:"atom:link"`
	Items     []*rssItem    `xml:"item"`
}

type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

// pageLinks are the links every format carries: self, the hub, the newest
// page and the next older one (RFC 5005 paged and archived feeds).
func (fd *feedData) pageLinks(mime string) []rssAtomLink {
	links := []rssAtomLink{{Href: fd.self, Rel: "self", Type: mime}}
	if fd.hub != "" {
		links = append(links, rssAtomLink{Href: fd.hub, Rel: "hub"})
	}
	if fd.self != fd.current {
		links = append(links, rssAtomLink{Href: fd.current, Rel: "current", Type: mime},
			rssAtomLink{Href: fd.current, Rel: "first", Type: mime})
	}
	if fd.next != "" {
		links = append(links, rssAtomLink{Href: fd.next, Rel: "next", Type: mime},
			rssAtomLink{Href: fd.next, Rel: "prev-archive", Type: mime})
	}
	return links
}

type rssItem struct {
	feeds.RssItem
	Creators   []string        `xml:"dc:creator"`
	Language   string          `xml:"dc:language,omitempty"`
	Modified   string          `xml:"dcterms:modified,omitempty"`
	Categories []string        `xml:"category"`
	Source     *rssSource      `xml:"source"`
	Media      []mediaContent  `xml:"media:content"`
	Thumbnail  *mediaThumbnail `xml:"media:thumbnail"`
}

// mediaContent is a Media RSS media:content: one of the item's media files.
type mediaContent struct {
	URL      string `xml:"url,attr"`
	Type     string `xml:"type,attr"`
	Medium   string `xml:"medium,attr,omitempty"`
	FileSize int64  `xml:"fileSize,attr,omitempty"`
}

// mediaThumbnail is a Media RSS media:thumbnail: the item's lead image.
type mediaThumbnail struct {
	URL string `xml:"url,attr"`
}

// medium is the Media RSS medium of a MIME type, "" when none fits.
func medium(typ string) string {
	kind, _, _ := strings.Cut(typ, "/")
	switch kind {
	case "image", "audio", "video":
		return kind
	}
	return ""
}

type rssSource struct {
	URL  string `xml:"url,attr"`
	Name string `xml:",chardata"`
}

// renderRSS renders fd as RSS 2.0 with the content, dc and atom namespaces.
func (p *Publisher) renderRSS(fd *feedData) ([]byte, error) {
	ch := &rssChannel{
		RssFeed: feeds.RssFeed{
			Title:         fd.title,
			Link:          fd.home,
			Description:   fd.description,
			Language:      fd.lang,
			LastBuildDate: rfc822(fd.updated),
			Generator:     generator,
			Ttl:           ttl(fd.maxAge),
			Image: &feeds.RssImage{Url: p.base + logoPath, Title: fd.title, Link: fd.home,
				Width: logoWidth, Height: logoHeight},
		},
		AtomLinks: fd.pageLinks(formatRSS.mime()),
		Items:     make([]*rssItem, len(fd.entries)),
	}
	for i := range fd.entries {
		e := &fd.entries[i]
		it := &rssItem{
			RssItem: feeds.RssItem{
				Title:       e.title,
				Link:        e.link,
				Description: e.summary,
				Guid:        &feeds.RssGuid{Id: e.id, IsPermaLink: "false"},
				PubDate:     rfc822(e.date),
			},
			Creators:   e.authors,
			Language:   fd.entryLang(e),
			Categories: e.categories,
			Source:     &rssSource{URL: e.sourceFeed, Name: e.sourceName},
		}
		if e.content != "" {
			it.Content = &feeds.RssContent{Content: e.content}
		}
		if e.updated.After(e.date) {
			it.Modified = rfc3339(e.updated)
		}
		// RSS has room for one enclosure: the upstream's first, else the
		// lead image; every media file is a media:content as well.
		enc := e.imageEnclosure()
		if len(e.enclosures) > 0 {
			enc = &e.enclosures[0]
		}
		if enc != nil {
			it.Enclosure = &feeds.RssEnclosure{Url: enc.url, Length: strconv.FormatInt(enc.length, 10), Type: enc.typ}
		}
		for _, x := range e.enclosures {
			it.Media = append(it.Media, mediaContent{URL: x.url, Type: x.typ, Medium: medium(x.typ), FileSize: x.length})
		}
		if e.image != "" {
			it.Thumbnail = &mediaThumbnail{URL: e.image}
		}
		ch.Items[i] = it
	}
	return marshalXML(&rssDoc{Version: "2.0", NSContent: nsContent, NSDC: nsDC, NSDCTerms: nsDCTerms, NSMedia: nsMedia,
		NSAtom: nsAtom, Channel: ch})
}

type atomFeed struct {
	feeds.AtomFeed
	Lang      string           `xml:"xml:lang,attr,omitempty"`
	Generator string           `xml:"generator"`
	Links     []feeds.AtomLink `xml:"link"`
	Entries   []*atomEntry     `xml:"entry"`
}

type atomEntry struct {
	feeds.AtomEntry
	Lang       string             `xml:"xml:lang,attr,omitempty"`
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
func (p *Publisher) renderAtom(fd *feedData) ([]byte, error) {
	feed := &atomFeed{
		AtomFeed: feeds.AtomFeed{
			Xmlns:    nsAtom,
			Title:    fd.title,
			Id:       fd.current,
			Updated:  rfc3339(fd.updated),
			Subtitle: fd.description,
			Icon:     p.base + faviconPath,
			Logo:     p.base + logoPath,
			Author:   &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: plainText(p.title), Uri: fd.home}},
		},
		Lang:      fd.lang,
		Generator: generator,
		Links:     []feeds.AtomLink{{Href: fd.home, Rel: "alternate", Type: "text/html"}},
		Entries:   make([]*atomEntry, len(fd.entries)),
	}
	for _, l := range fd.pageLinks(formatAtom.mime()) {
		feed.Links = append(feed.Links, feeds.AtomLink{Href: l.Href, Rel: l.Rel, Type: l.Type})
	}
	for i := range fd.entries {
		e := &fd.entries[i]
		en := &atomEntry{
			AtomEntry: feeds.AtomEntry{
				Title:   e.title,
				Updated: rfc3339(e.updated),
				Id:      e.id,
				Links:   []feeds.AtomLink{{Href: e.link, Rel: "alternate", Type: "text/html"}},
				Content: &feeds.AtomContent{Content: e.body(), Type: "html"},
			},
			Lang: fd.entryLang(e),
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
		encs := e.enclosures
		if img := e.imageEnclosure(); img != nil {
			encs = append([]enclosure{*img}, encs...)
		}
		for _, x := range encs {
			l := feeds.AtomLink{Href: x.url, Rel: "enclosure", Type: x.typ}
			if x.length > 0 {
				l.Length = strconv.FormatInt(x.length, 10)
			}
			en.Links = append(en.Links, l)
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
	Language    string           `json:"language,omitempty"`
	Attachments []jsonAttachment `json:"attachments,omitempty"`
	Syndic      *jsonExt         `json:"_syndic"`
}

// jsonAttachment is a JSON Feed 1.1 attachment (gorilla/feeds names its
// size wrongly).
type jsonAttachment struct {
	URL      string `json:"url"`
	MIMEType string `json:"mime_type"`
	Size     int64  `json:"size_in_bytes,omitempty"`
}

// jsonExt is syndic's JSON Feed extension object on every item: who to credit.
type jsonExt struct {
	About  string     `json:"about"`
	Source jsonSource `json:"source"`
	Via    []string   `json:"via,omitempty"`
	// The story the item reports, when other outlets reported it too.
	Story           int64        `json:"story,omitempty"`
	FirstReportedBy *jsonCredit  `json:"first_reported_by,omitempty"`
	AlsoReportedBy  []jsonCredit `json:"also_reported_by,omitempty"`
}

// jsonCredit is an outlet that reported an item's story, and its original.
type jsonCredit struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type jsonSource struct {
	Name    string `json:"name"`
	HomeURL string `json:"home_page_url"`
	FeedURL string `json:"feed_url,omitempty"`
}

// renderJSON renders fd as JSON Feed 1.1.
func (p *Publisher) renderJSON(fd *feedData) ([]byte, error) {
	feed := &jsonFeed{
		JSONFeed: feeds.JSONFeed{
			Version:     "https://jsonfeed.org/version/1.1",
			Title:       fd.title,
			HomePageUrl: fd.home,
			FeedUrl:     fd.self,
			Description: fd.description,
			NextUrl:     fd.next,
			Language:    fd.lang,
			Icon:        p.base + iconPath,
			Favicon:     p.base + faviconPath,
		},
		Items: make([]*jsonItem, len(fd.entries)),
	}
	if fd.hub != "" {
		feed.Hubs = []*feeds.JSONHub{{Type: "WebSub", Url: fd.hub}}
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
				Story:  e.story,
			},
		}
		if e.firstBy != nil {
			it.Syndic.FirstReportedBy = &jsonCredit{Name: e.firstBy.name, URL: e.firstBy.link}
		}
		for _, c := range e.alsoBy {
			it.Syndic.AlsoReportedBy = append(it.Syndic.AlsoReportedBy, jsonCredit{Name: c.name, URL: c.link})
		}
		for _, x := range e.enclosures {
			it.Attachments = append(it.Attachments, jsonAttachment{URL: x.url, MIMEType: x.typ, Size: x.length})
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

// ttl is RSS <ttl>, in minutes: the Cache-Control max-age, rounded up.
func ttl(maxAge time.Duration) int {
	return int((maxAge + time.Minute - 1) / time.Minute)
}

// rfc822 formats t as RSS wants it: RFC 1123 with a numeric zone offset.
func rfc822(t time.Time) string { return t.Format(time.RFC1123Z) }

func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }
