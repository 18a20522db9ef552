package publisher

import "encoding/xml"

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
	Version string `xml:"version,attr,omitempty"`
	XMLURL  string `xml:"xmlUrl,attr"`
	HTMLURL string `xml:"htmlUrl,attr"`
}

// renderOPML lists every feed (each section's and source's, in each format)
// as OPML 2.0, grouped into sections and sources.
func (p *Publisher) renderOPML() []byte {
	home := p.base + "/"
	doc := opmlDoc{Version: "2.0", Title: plainText(p.title) + " feeds", Docs: "http://opml.org/spec2.opml"}
	outline := func(title, path string, f format) opmlOutline {
		o := opmlOutline{Text: title + " (" + f.info().name + ")", Title: title, Type: "rss",
			XMLURL: p.base + path, HTMLURL: home}
		if f == formatRSS {
			o.Version = "RSS2"
		}
		return o
	}
	secs := opmlGroup{Text: "Sections"}
	for _, s := range p.sections {
		title := plainText(s.Title)
		if title == "" {
			title = s.ID
		}
		for f := formatRSS; f <= formatJSON; f++ {
			secs.Outlines = append(secs.Outlines, outline(title, feedPath(s.ID, f), f))
		}
	}
	srcs := opmlGroup{Text: "Sources"}
	for _, s := range p.srcOrder {
		title := plainText(s.Name)
		if title == "" {
			title = s.ID
		}
		for f := formatRSS; f <= formatJSON; f++ {
			srcs.Outlines = append(srcs.Outlines, outline(title, sourceFeedPath(s.ID, f), f))
		}
	}
	doc.Body = []opmlGroup{secs, srcs}
	body, err := marshalXML(doc)
	if err != nil {
		// The document and its data are ours: a failure is a bug.
		panic("publisher: render opml: " + err.Error())
	}
	return body
}
