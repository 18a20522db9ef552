package publisher

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

// excerptRunes is the soft limit, in characters of text, of an excerpt.
const excerptRunes = 500

// textEscaper escapes HTML text content (not attribute values).
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// stripIllegal returns s without the characters XML 1.0 forbids (C0 controls
// other than tab, newline and carriage return, U+FFFE, U+FFFF, surrogates)
// and without invalid UTF-8. It returns s itself when nothing is removed.
func stripIllegal(s string) string {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r, n) {
			return stripFrom(s, i)
		}
		i += n
	}
	return s
}

func stripFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if xmlChar(r, n) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// xmlChar reports whether the rune r, decoded from n bytes, may appear in XML 1.0.
func xmlChar(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return false // invalid UTF-8
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	default:
		return r >= 0x10000 && r <= 0x10FFFF
	}
}

// plainText cleans a one-line plain-text field (title, byline, name,
// category) with news.PlainLine: markup removed (the content of scripts,
// styles and the like too), entities decoded, XML-illegal characters
// removed, white space collapsed. Markup is removed rather than escaped
// because many feed readers render RSS titles as HTML: the result, read as
// HTML, holds no element at all.
func plainText(s string) string {
	return news.PlainLine(s)
}

// cleanLine cleans one line of text that is only ever written escaped,
// inside HTML (the via chain, a reuse notice): XML-illegal characters
// removed, white space collapsed; "<AZ>" stays, to be escaped.
func cleanLine(s string) string {
	return news.CollapseSpace(s)
}

// Elements whose content is dropped along with them.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Noscript: true, atom.Template: true, atom.Form: true,
	atom.Input: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Svg: true, atom.Math: true, atom.Head: true, atom.Title: true,
	atom.Meta: true, atom.Link: true, atom.Base: true, atom.Frame: true,
	atom.Frameset: true, atom.Applet: true, atom.Source: true, atom.Track: true,
	atom.Canvas: true, atom.Dialog: true,
}

// Elements kept, with the attributes each may keep. Any other element is
// unwrapped: its children are kept, the tag is not.
var allowed = map[atom.Atom][]string{
	atom.A: {"href", "title"}, atom.Abbr: {"title"}, atom.B: nil,
	atom.Blockquote: {"cite"}, atom.Br: nil, atom.Caption: nil, atom.Cite: nil,
	atom.Code: nil, atom.Dd: nil, atom.Del: {"cite"}, atom.Dfn: nil, atom.Div: nil,
	atom.Dl: nil, atom.Dt: nil, atom.Em: nil, atom.Figcaption: nil, atom.Figure: nil,
	atom.H1: nil, atom.H2: nil, atom.H3: nil, atom.H4: nil, atom.H5: nil, atom.H6: nil,
	atom.Hr: nil, atom.I: nil, atom.Img: {"src", "srcset", "sizes", "alt", "title", "width", "height"},
	atom.Ins: {"cite"}, atom.Kbd: nil, atom.Li: nil, atom.Mark: nil, atom.Ol: nil,
	atom.P: nil, atom.Pre: nil, atom.Q: {"cite"}, atom.S: nil, atom.Samp: nil,
	atom.Small: nil, atom.Span: nil, atom.Strike: nil, atom.Strong: nil, atom.Sub: nil,
	atom.Sup: nil, atom.Table: nil, atom.Tbody: nil, atom.Td: {"colspan", "rowspan"},
	atom.Tfoot: nil, atom.Th: {"colspan", "rowspan"}, atom.Thead: nil,
	atom.Time: {"datetime"}, atom.Tr: nil, atom.U: nil, atom.Ul: nil, atom.Wbr: nil,
	atom.Video: {"src", "poster", "width", "height"}, atom.Audio: {"src"},
}

var voidElements = map[atom.Atom]bool{atom.Br: true, atom.Hr: true, atom.Img: true, atom.Wbr: true}

var urlAttrs = map[string]bool{"href": true, "src": true, "cite": true, "poster": true}

// parseBody parses an HTML fragment as the content of a <div>.
func parseBody(body string) []*html.Node {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(stripIllegal(body)), ctx)
	if err != nil { // only reader errors, which a strings.Reader never gives
		return nil
	}
	return nodes
}

// sanitizeHTML is syndic's one HTML policy: every piece of upstream HTML
// that is republished goes through it. It returns body as balanced,
// allow-listed HTML: text structure (paragraphs, headings, lists, quotes,
// tables, emphasis), links, images and video/audio kept; scripts, styles,
// frames, forms, SVG, MathML and every attribute not on the list (event
// handlers, style, class) removed with them; unknown tags unwrapped. Every
// URL (href, src, cite, poster and each srcset candidate) is resolved
// against base and kept only when it is absolute http(s), which drops
// javascript:, vbscript: and data: URLs whatever their case or escaping.
// Links get rel="noopener noreferrer". The result never contains an
// XML-illegal character or a "]]>".
//
// It is an x/net/html allow-list rather than bluemonday because bluemonday
// does not check the URLs inside srcset or poster, and the output must be
// resolved against the article's URL and safe inside CDATA.
func sanitizeHTML(body string, base *url.URL) string {
	return sanitizeNodes(parseBody(body), base, len(body))
}

// sanitizeNodes is sanitizeHTML of an already parsed fragment; size is a
// capacity hint.
func sanitizeNodes(nodes []*html.Node, base *url.URL, size int) string {
	var b strings.Builder
	b.Grow(size)
	for _, n := range nodes {
		renderClean(&b, n, base)
	}
	return strings.TrimSpace(stripIllegal(b.String()))
}

func renderClean(b *strings.Builder, n *html.Node, base *url.URL) {
	switch n.Type {
	case html.TextNode:
		textEscaper.WriteString(b, n.Data)
		return
	case html.ElementNode:
	default: // comments, doctypes
		return
	}
	if dropped[n.DataAtom] {
		return
	}
	attrs, ok := allowed[n.DataAtom]
	if !ok || n.DataAtom == 0 {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			renderClean(b, c, base)
		}
		return
	}
	b.WriteByte('<')
	b.WriteString(n.Data)
	hasHref := false
	for _, a := range n.Attr {
		if a.Namespace != "" || !contains(attrs, a.Key) {
			continue
		}
		v := a.Val
		switch {
		case urlAttrs[a.Key]:
			v = absoluteHTTP(v, base)
		case a.Key == "srcset":
			v = cleanSrcset(v, base)
		case a.Key == "sizes":
			if strings.ContainsAny(v, "<>\"'`;{}") || len(v) > 500 {
				v = ""
			}
		case a.Key == "width" || a.Key == "height" || a.Key == "colspan" || a.Key == "rowspan":
			if !digits(v) {
				v = ""
			}
		}
		if v == "" {
			continue
		}
		hasHref = hasHref || a.Key == "href"
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(v))
		b.WriteByte('"')
	}
	switch n.DataAtom {
	case atom.A:
		if hasHref {
			b.WriteString(` rel="noopener noreferrer"`)
		}
	case atom.Video, atom.Audio:
		b.WriteString(` controls`)
	}
	b.WriteByte('>')
	if voidElements[n.DataAtom] {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renderClean(b, c, base)
	}
	b.WriteString("</")
	b.WriteString(n.Data)
	b.WriteByte('>')
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func digits(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cleanSrcset returns a srcset with every candidate's URL resolved against
// base and checked like any other URL; candidates whose URL is not http(s)
// or whose descriptor is not a width ("640w") or density ("2x") are left
// out.
func cleanSrcset(v string, base *url.URL) string {
	var out []string
	for _, c := range splitSrcset(v) {
		u := absoluteHTTP(c.url, base)
		if u == "" || strings.ContainsAny(u, " ,") {
			continue
		}
		if c.desc != "" && !validDescriptor(c.desc) {
			continue
		}
		if c.desc != "" {
			u += " " + c.desc
		}
		out = append(out, u)
	}
	return strings.Join(out, ", ")
}

type srcCandidate struct{ url, desc string }

// splitSrcset splits a srcset into candidates as the HTML standard does:
// a URL runs to the next white space (trailing commas end the candidate),
// then a descriptor runs to the next comma.
func splitSrcset(v string) []srcCandidate {
	var out []srcCandidate
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	i := 0
	for i < len(v) {
		for i < len(v) && (isSpace(v[i]) || v[i] == ',') {
			i++
		}
		start := i
		for i < len(v) && !isSpace(v[i]) {
			i++
		}
		u := v[start:i]
		if u == "" {
			break
		}
		if strings.HasSuffix(u, ",") {
			out = append(out, srcCandidate{url: strings.TrimRight(u, ",")})
			continue
		}
		start = i
		for i < len(v) && v[i] != ',' {
			i++
		}
		out = append(out, srcCandidate{url: u, desc: strings.TrimSpace(v[start:i])})
	}
	return out
}

func validDescriptor(d string) bool {
	if len(d) < 2 || len(d) > 12 {
		return false
	}
	num, unit := d[:len(d)-1], d[len(d)-1]
	if unit != 'w' && unit != 'x' {
		return false
	}
	dot := false
	for i := 0; i < len(num); i++ {
		switch c := num[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && unit == 'x':
			dot = true
		default:
			return false
		}
	}
	return true
}

// absoluteHTTP resolves ref against base and returns it when the result is
// an absolute http(s) URL with a host, "" otherwise.
func absoluteHTTP(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// excerptHTML returns the first paragraphs of body as plain-text <p>
// elements: whole paragraphs while they fit in about excerptRunes characters,
// at least one, the first cut at a word boundary when it alone is too long.
// It returns "" when body has no text.
func excerptHTML(body string) string {
	return excerptNodes(parseBody(body))
}

// excerptNodes is excerptHTML of an already parsed fragment.
func excerptNodes(nodes []*html.Node) string {
	paras := paragraphs(nodes)
	var b strings.Builder
	total := 0
	for i, p := range paras {
		n := utf8.RuneCountInString(p)
		if i > 0 && total+n > excerptRunes {
			break
		}
		if i == 0 && n > excerptRunes+excerptRunes/5 {
			p, n = cutWords(p, excerptRunes), excerptRunes
		}
		total += n
		b.WriteString("<p>")
		textEscaper.WriteString(&b, p)
		b.WriteString("</p>")
	}
	return stripIllegal(b.String())
}

// cutWords shortens s to at most max runes, at the last space when there is
// one in the second half, and appends an ellipsis.
func cutWords(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	end, n := 0, 0
	for end = range s {
		if n == max {
			break
		}
		n++
	}
	cut := s[:end]
	if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)/2 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ,;:.-—–") + "…"
}

// paragraphs returns the text of the block-level paragraphs of a fragment,
// white space collapsed, empty ones left out. Text outside any block (a body
// without <p>) counts as one paragraph per run between blocks.
func paragraphs(nodes []*html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
		default:
			return
		}
		if dropped[n.DataAtom] {
			return
		}
		block := isBlock(n.DataAtom)
		if block {
			flush()
		}
		if n.DataAtom == atom.Br {
			cur.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	flush()
	return out
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Blockquote, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Table, atom.Tr, atom.Figure,
		atom.Figcaption, atom.Dl, atom.Dt, atom.Dd, atom.Hr, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Aside:
		return true
	}
	return false
}
