package extract

import (
	"html/template"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

// reCaption marks image captions and credits, which are not the story.
var reCaption = newClassRe(`caption|credit|img-desc|image-desc|photo-desc|wp-caption-text|media-desc|kicker|eyebrow|overline`)

// block is one paragraph of the body: its kind ("p", "h2", "li",
// "blockquote", "pre"), its plain text and its simple HTML.
type block struct {
	kind string
	text string
	html string
	list string // "ul" or "ol" for list items
	link int    // runes of the text that sit inside links
}

// cleanContent removes, inside the chosen content, the containers that
// readability's conditional cleaning would: link lists, image galleries,
// embeds, forms, share bars and headers that score badly.
//
// A container that holds half the content's text or more is never dropped
// as a whole: only its parts are judged.
func cleanContent(content []*html.Node, st map[*html.Node]*stats) {
	var drop []*html.Node
	total := 0
	for _, root := range content {
		if s := st[root]; s != nil {
			total += s.text
		}
	}
	for _, root := range content {
		walk(root, func(n *html.Node) bool {
			if n.Type != html.ElementNode || n == root {
				return true
			}
			if ci := classID(n); ci != "" && (reShare.MatchString(ci) || reCaption.MatchString(ci)) {
				if s := st[n]; s == nil || s.text < 500 {
					drop = append(drop, n)
					return false
				}
			}
			switch n.DataAtom {
			case atom.Address:
				// the dateline and byline, not the story
				drop = append(drop, n)
				return false
			case atom.H1, atom.H2:
				if classWeight(n) < 0 {
					drop = append(drop, n)
					return false
				}
				if s := st[n]; s != nil && s.text > 0 && s.linkDensity() > 0.5 {
					drop = append(drop, n)
					return false
				}
			case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Table, atom.Form, atom.Fieldset, atom.Figure, atom.Aside, atom.Header, atom.Footer, atom.Dl:
				if s := st[n]; s != nil && s.text*2 >= total {
					return true
				}
				if conditionallyDrop(n, st) {
					drop = append(drop, n)
					return false
				}
			}
			return true
		})
	}
	for _, n := range drop {
		removeNode(n)
	}
}

// conditionallyDrop is readability's _cleanConditionally test.
func conditionallyDrop(n *html.Node, st map[*html.Node]*stats) bool {
	s := st[n]
	if s == nil {
		return false
	}
	if hasAncestor(n, func(p *html.Node) bool { return p.DataAtom == atom.Code || p.DataAtom == atom.Pre }) {
		return false
	}
	if n.DataAtom == atom.Table && isDataTable(n) {
		return false
	}
	weight := classWeight(n)
	if weight < 0 {
		return true
	}
	if s.commas >= 10 {
		return false
	}
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	if !isList && s.li > 0 && s.text > 0 {
		liText := 0
		walk(n, func(c *html.Node) bool {
			if isElement(c, atom.Li) {
				if cs := st[c]; cs != nil {
					liText += cs.text
				}
				return false
			}
			return true
		})
		isList = float64(liText)/float64(s.text) > 0.9
	}
	figure := n.DataAtom == atom.Figure || hasAncestor(n, func(p *html.Node) bool { return p.DataAtom == atom.Figure })
	ld := s.linkDensity()
	li := s.li - 100
	headingDensity := 0.0
	if s.text > 0 && s.h > 0 {
		ht := 0
		walk(n, func(c *html.Node) bool {
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				if cs := st[c]; cs != nil {
					ht += cs.text
				}
				return false
			}
			return true
		})
		headingDensity = float64(ht) / float64(s.text)
	}
	switch {
	case !figure && s.img > 1 && float64(s.p)/float64(s.img) < 0.5:
		return true
	case !isList && li > s.p:
		return true
	case s.input > s.p/3:
		return true
	case !isList && !figure && headingDensity < 0.9 && s.text < 25 && (s.img == 0 || s.img > 2) && ld > 0:
		return true
	case !isList && weight < 25 && ld > 0.2:
		return true
	case weight >= 25 && ld > 0.5:
		return true
	case (s.embed == 1 && s.text < 75) || s.embed > 1:
		return true
	case isList && ld > 0.5:
		return true
	}
	return false
}

// isDataTable tells a table of data (kept) from a layout table.
func isDataTable(n *html.Node) bool {
	if attr(n, "role") == "presentation" || attr(n, "datatable") == "0" {
		return false
	}
	if attr(n, "summary") != "" || firstElement(n, atom.Caption) != nil || firstElement(n, atom.Th) != nil || firstElement(n, atom.Thead) != nil {
		return true
	}
	if firstElement(n, atom.Table) != nil && n.FirstChild != nil {
		return false
	}
	rows := len(findAll(n, func(c *html.Node) bool { return c.DataAtom == atom.Tr }))
	return rows >= 10
}

// renderer turns content elements into blocks.
type renderer struct {
	base   *url.URL
	blocks []block
	text   strings.Builder
	html   strings.Builder
	kind   string
	list   string
	quote  int // depth of blockquote
	inLink int // depth of <a>
	link   int // link text runes of the current paragraph
}

// flush ends the current paragraph.
func (r *renderer) flush() {
	t := news.CollapseSpace(r.text.String())
	h := strings.TrimSpace(r.html.String())
	r.text.Reset()
	r.html.Reset()
	link := r.link
	r.link = 0
	kind := r.kind
	if kind == "" {
		kind = "p"
	}
	if r.quote > 0 && kind == "p" {
		kind = "blockquote"
	}
	if t == "" {
		if strings.Contains(h, "<img") {
			r.blocks = append(r.blocks, block{kind: "img", html: h})
		}
		return
	}
	r.blocks = append(r.blocks, block{kind: kind, text: t, html: news.CollapseSpace(h), list: r.list, link: link})
}

// render walks the content and returns its paragraphs.
func render(content []*html.Node, base *url.URL) []block {
	r := &renderer{base: base}
	for _, n := range content {
		r.node(n)
		r.flush()
	}
	return r.blocks
}

func (r *renderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text.WriteString(n.Data)
		r.html.WriteString(template.HTMLEscapeString(n.Data))
		if r.inLink > 0 {
			r.link += utf8.RuneCountInString(strings.TrimSpace(n.Data))
		}
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	if news.HiddenElement(n.DataAtom) || alwaysDrop[n.DataAtom] {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		if r.kind == "pre" {
			r.text.WriteString("\n")
			r.html.WriteString("\n")
			return
		}
		r.flush()
		return
	case atom.Img:
		if src := r.abs(imgSrc(n)); src != "" {
			r.html.WriteString(`<img src="` + template.HTMLEscapeString(src) + `"`)
			if alt := attr(n, "alt"); alt != "" {
				r.html.WriteString(` alt="` + template.HTMLEscapeString(alt) + `"`)
			}
			r.html.WriteString(">")
		}
		return
	case atom.A:
		href := r.abs(attr(n, "href"))
		if href != "" && !strings.HasPrefix(strings.ToLower(href), "javascript:") {
			r.html.WriteString(`<a href="` + template.HTMLEscapeString(href) + `">`)
		}
		r.inLink++
		r.children(n)
		r.inLink--
		if href != "" && !strings.HasPrefix(strings.ToLower(href), "javascript:") {
			r.html.WriteString("</a>")
		}
		return
	case atom.Figcaption:
		return
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		// a table row is one paragraph, its cells separated by spaces
		if !hasBlockChild(n) {
			r.text.WriteByte(' ')
			r.html.WriteByte(' ')
			r.children(n)
			r.text.WriteByte(' ')
			r.html.WriteByte(' ')
			return
		}
	}
	if !news.BlockElement(n.DataAtom) {
		switch n.DataAtom {
		case atom.B, atom.Strong, atom.I, atom.Em, atom.Sub, atom.Sup, atom.Code:
			tag := n.Data
			r.html.WriteString("<" + tag + ">")
			r.children(n)
			r.html.WriteString("</" + tag + ">")
		default:
			r.children(n)
		}
		return
	}
	r.flush()
	prevKind, prevList := r.kind, r.list
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.kind = n.Data
	case atom.Li:
		r.kind = "li"
	case atom.Ul, atom.Ol:
		r.list = n.Data
	case atom.Pre:
		r.kind = "pre"
	case atom.Blockquote:
		r.quote++
	case atom.Tr:
		if r.kind == "" {
			r.kind = "tr" // a row of a data table, rendered as a paragraph
		}
	case atom.Td, atom.Th, atom.Dd, atom.Dt:
		if r.kind == "" {
			r.kind = "p"
		}
	}
	r.children(n)
	r.flush()
	if n.DataAtom == atom.Blockquote {
		r.quote--
	}
	r.kind, r.list = prevKind, prevList
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
}

// abs resolves ref against the page URL; "" for a ref that cannot be read.
func (r *renderer) abs(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "data:") {
		return ""
	}
	if r.base == nil {
		return ref
	}
	u, err := r.base.Parse(ref)
	if err != nil {
		return ""
	}
	return u.String()
}

// imgSrc returns the real source of an image, lazy-loading attributes
// first.
func imgSrc(n *html.Node) string {
	for _, k := range []string{"data-src", "data-original", "data-lazy-src", "data-full-src", "src"} {
		if v := strings.TrimSpace(attr(n, k)); v != "" && !strings.HasPrefix(v, "data:") {
			return v
		}
	}
	if ss := attr(n, "srcset"); ss != "" {
		first := strings.Fields(strings.Split(ss, ",")[0])
		if len(first) > 0 {
			return first[0]
		}
	}
	return ""
}

// blocksHTML renders blocks as simple HTML.
func blocksHTML(bs []block) string {
	var b strings.Builder
	list := ""
	for _, bl := range bs {
		if bl.kind != "li" && list != "" {
			b.WriteString("</" + list + ">\n")
			list = ""
		}
		switch bl.kind {
		case "li":
			l := bl.list
			if l == "" {
				l = "ul"
			}
			if list != l {
				if list != "" {
					b.WriteString("</" + list + ">\n")
				}
				b.WriteString("<" + l + ">\n")
				list = l
			}
			b.WriteString("<li>" + bl.html + "</li>\n")
		case "h1", "h2", "h3", "h4", "h5", "h6":
			b.WriteString("<" + bl.kind + ">" + bl.html + "</" + bl.kind + ">\n")
		case "blockquote":
			b.WriteString("<blockquote><p>" + bl.html + "</p></blockquote>\n")
		case "pre":
			b.WriteString("<pre>" + bl.html + "</pre>\n")
		case "img":
			b.WriteString("<p>" + bl.html + "</p>\n")
		default:
			b.WriteString("<p>" + bl.html + "</p>\n")
		}
	}
	if list != "" {
		b.WriteString("</" + list + ">\n")
	}
	return b.String()
}

// hasBlockChild reports whether an element holds block elements (a layout
// table cell) rather than inline text (a data cell).
func hasBlockChild(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if found {
			return false
		}
		if c != n && c.Type == html.ElementNode && news.BlockElement(c.DataAtom) && c.DataAtom != atom.Br {
			found = true
			return false
		}
		return true
	})
	return found
}
