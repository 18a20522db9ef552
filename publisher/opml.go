package publisher

import (
	"encoding/xml"

	"github.com/syndic/syndic/news"
)

type opmlDoc struct {
	XMLName xml.Name    `xml:"opml"`
	Version string      `xml:"version,attr"`
	Title   string      `xml:"head>title"`
	Owner   string      `xml:"head>ownerName,omitempty"`
	Docs    string      `xml:"head>docs"`
	Body    []opmlGroup `xml:"body>outline"`
}

type opmlGroup struct {
	Text     string        `xml:"text,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

type opmlOutline struct {
	Text    string `xml:"text,attr"`
	Title   string `xml:"title,attr"`
	Type    string `xml:"type,attr"`
	XMLURL  string `xml:"xmlUrl,attr"`
	HTMLURL string `xml:"htmlUrl,attr"`
}

// renderOPML lists every feed that can have items once, as OPML 2.0, in
// two groups: the sections, then the sources (those that some section can
// take items of). Each is offered in Atom, the format that carries all of
// an item (every enclosure, its language, its last update): the other
// formats hold the same items under the same ids, so a reader subscribing
// to one feed in several formats would only see every article twice.
// OPML has no type for JSON Feed; the index page offers it, typed.
func (p *Publisher) renderOPML() []byte {
	home := p.base + "/"
	doc := opmlDoc{Version: "2.0", Title: plainText(p.title) + " feeds", Docs: "http://opml.org/spec2.opml"}
	outline := func(title, path string) opmlOutline {
		// type="rss" is what OPML 2.0 says for any feed a reader subscribes to.
		return opmlOutline{Text: title, Title: title, Type: "rss", XMLURL: p.base + path, HTMLURL: home}
	}
	secs := opmlGroup{Text: "Sections"}
	for _, s := range p.sections {
		title := plainText(s.Title)
		if title == "" {
			title = s.ID
		}
		secs.Outlines = append(secs.Outlines, outline(title, feedPath(s.ID, opmlFormat)))
	}
	srcs := opmlGroup{Text: "Sources"}
	for _, s := range p.offeredSources() {
		title := plainText(s.Name)
		if title == "" {
			title = s.ID
		}
		srcs.Outlines = append(srcs.Outlines, outline(title, sourceFeedPath(s.ID, opmlFormat)))
	}
	doc.Body = []opmlGroup{secs, srcs}
	body, err := marshalXML(doc)
	if err != nil {
		// The document and its data are ours: a failure is a bug.
		panic("publisher: render opml: " + err.Error())
	}
	return body
}

// opmlFormat is the format the OPML offers each feed in.
const opmlFormat = formatAtom

// offeredSources are the sources whose feeds are offered (the OPML, the
// index): those some section can take items of.
func (p *Publisher) offeredSources() []news.Source {
	var out []news.Source
	for _, s := range p.srcOrder {
		if !s.Unrouted {
			out = append(out, s)
		}
	}
	return out
}
