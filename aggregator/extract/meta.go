package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeText is a text read from an element, kept with the element so that
// bylines can be told apart by where they stand.
type nodeText struct {
	n    *html.Node
	text string
}

// pageMeta is what the page declares about itself: <meta> tags by name or
// property, <link rel>, <title>, the lang attribute, JSON-LD and microdata.
type pageMeta struct {
	meta      map[string][]string // lower-cased name/property/itemprop → contents, in page order
	canonical string
	docTitle  string // the text of <title>
	htmlLang  string
	ld        *ldArticle
	// microdata: itemprop values read from elements (not <meta>)
	itemAuthors []nodeText
	itemDates   []string   // datetime/content of itemprop=datePublished elements
	relAuthors  []nodeText // text of <a rel=author> / <link rel=author title>
	timeTags    []*html.Node
}

// first returns the first non-empty value among the meta keys, in the order
// the keys are given.
func (m *pageMeta) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range m.meta[k] {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// all returns the non-empty values of the meta keys.
func (m *pageMeta) all(keys ...string) []string {
	var out []string
	for _, k := range keys {
		for _, v := range m.meta[k] {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// readMeta collects pageMeta in one walk over the document.
func readMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: map[string][]string{}}
	var scripts []string
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			if m.htmlLang == "" {
				m.htmlLang = strings.TrimSpace(attr(n, "lang"))
				if m.htmlLang == "" {
					m.htmlLang = strings.TrimSpace(attr(n, "xml:lang"))
				}
			}
		case atom.Meta:
			content := attr(n, "content")
			if content == "" {
				content = attr(n, "value")
			}
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
					for _, kk := range strings.Fields(key) {
						m.meta[kk] = append(m.meta[kk], content)
					}
				}
			}
			if dt := attr(n, "datetime"); dt != "" && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				m.itemDates = append(m.itemDates, dt)
			}
			return false
		case atom.Link:
			rel := strings.ToLower(attr(n, "rel"))
			switch {
			case rel == "canonical" && m.canonical == "":
				m.canonical = strings.TrimSpace(attr(n, "href"))
			case rel == "author":
				if t := attr(n, "title"); t != "" {
					m.relAuthors = append(m.relAuthors, nodeText{n, t})
				}
			}
			if ip := strings.ToLower(attr(n, "itemprop")); ip != "" && attr(n, "href") != "" {
				m.meta[ip] = append(m.meta[ip], attr(n, "href"))
			}
			return false
		case atom.Title:
			if m.docTitle == "" && !hasAncestor(n, func(p *html.Node) bool { return p.DataAtom == atom.Svg }) {
				m.docTitle = textOf(n)
			}
			return false
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.TextNode {
						b.WriteString(c.Data)
					}
				}
				scripts = append(scripts, b.String())
			}
			return false
		case atom.Style, atom.Noscript, atom.Template:
			return false
		case atom.Time:
			m.timeTags = append(m.timeTags, n)
		case atom.A:
			if strings.Contains(" "+strings.ToLower(attr(n, "rel"))+" ", " author ") {
				if t := textOf(n); t != "" {
					m.relAuthors = append(m.relAuthors, nodeText{n, t})
				}
			}
		}
		if ip := strings.ToLower(attr(n, "itemprop")); ip != "" {
			m.readItemprop(n, ip)
		}
		return true
	})
	m.ld = parseJSONLD(scripts)
	return m
}

// readItemprop records the microdata properties the extractor uses.
func (m *pageMeta) readItemprop(n *html.Node, ip string) {
	for _, p := range strings.Fields(ip) {
		switch p {
		case "author", "creator":
			// <span itemprop="author" itemscope><span itemprop="name">…
			name := ""
			if hasAttr(n, "itemscope") {
				for _, c := range findAll(n, func(c *html.Node) bool { return strings.EqualFold(attr(c, "itemprop"), "name") }) {
					if v := attr(c, "content"); v != "" {
						name = v
					} else {
						name = textOf(c)
					}
					break
				}
				if name == "" && strings.Contains(strings.ToLower(attr(n, "itemtype")), "organization") {
					continue
				}
			}
			if name == "" {
				if v := attr(n, "content"); v != "" {
					name = v
				} else {
					name = textOf(n)
				}
			}
			if strings.Contains(strings.ToLower(attr(n, "itemtype")), "organization") {
				continue
			}
			if name != "" {
				m.itemAuthors = append(m.itemAuthors, nodeText{n, name})
			}
		case "datepublished", "datecreated":
			v := attr(n, "datetime")
			if v == "" {
				v = attr(n, "content")
			}
			if v == "" {
				v = textOf(n)
			}
			if v != "" {
				m.itemDates = append(m.itemDates, v)
			}
		case "headline":
			if _, ok := m.meta["headline"]; !ok {
				m.meta["itemprop:headline"] = append(m.meta["itemprop:headline"], textOf(n))
			}
		case "articlesection":
			if v := textOf(n); v != "" {
				m.meta["articlesection"] = append(m.meta["articlesection"], v)
			}
		}
	}
}
