package news

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText returns the text a reader sees in an HTML fragment (a feed's
// title or full text, an article body, a stored item): entities decoded;
// paragraphs, split where a block element (BlockElement) starts or ends
// and at <br>, joined by a blank line, each with its white space collapsed
// to single spaces; the content of scripts, styles and the other elements
// that show no text (HiddenElement) left out; control characters, U+FFFE,
// U+FFFF and invalid UTF-8 removed. Inline elements do not separate words
// ("Сло<b>во</b>" is "Слово"). Text without markup is one paragraph.
//
// Markup that appears only once entities are decoded (a doubly escaped
// "&lt;b&gt;x&lt;/b&gt;") is removed as well, pass after pass, so the
// result read as HTML holds no element and no comment: after
// maxMarkupPasses passes, a paragraph that still holds markup has its '<'
// written '‹'. Entities are decoded once, in the first pass only.
func PlainText(fragment string) string { return plain(fragment, "\n\n") }

// PlainLine is PlainText on one line, for titles, names and categories: its
// paragraphs joined by a space.
func PlainLine(fragment string) string { return plain(fragment, " ") }

// maxMarkupPasses bounds the passes that remove markup left after decoding
// ("<<<<b>b>b>" loses one tag a pass).
const maxMarkupPasses = 8

// Paragraphs yields the paragraphs of PlainText(fragment) one at a time,
// reading the fragment only as far as they are asked for: an excerpt reads
// no further than the paragraphs it shows. No paragraph is empty.
func Paragraphs(fragment string) iter.Seq[string] {
	return func(yield func(string) bool) {
		if !strings.ContainsAny(fragment, "<&") {
			if t := CollapseSpace(fragment); t != "" {
				yield(t)
			}
			return
		}
		textPass(fragment, true, func(p string) bool {
			if !strings.Contains(p, "<") {
				return yield(p)
			}
			for _, q := range stripMarkup(p) {
				if !yield(q) {
					return false
				}
			}
			return true
		})
	}
}

func plain(s, sep string) string {
	if !strings.ContainsAny(s, "<&") {
		return CollapseSpace(s)
	}
	var out []string
	for p := range Paragraphs(s) {
		out = append(out, p)
	}
	return strings.Join(out, sep)
}

// stripMarkup returns the paragraphs of p with its markup removed, pass
// after pass, without decoding entities again.
func stripMarkup(p string) []string {
	ps := []string{p}
	for range maxMarkupPasses - 1 {
		var next []string
		changed := false
		for _, q := range ps {
			if !strings.Contains(q, "<") {
				next = append(next, q)
				continue
			}
			r := textParas(q)
			changed = changed || len(r) != 1 || r[0] != q
			next = append(next, r...)
		}
		ps = next
		if !changed {
			return ps
		}
	}
	out := ps[:0]
	for _, q := range ps {
		if r := textParas(q); strings.Contains(q, "<") && (len(r) != 1 || r[0] != q) {
			q = strings.ReplaceAll(q, "<", "‹")
		}
		out = append(out, q)
	}
	return out
}

// textParas returns the paragraphs of s read as HTML, its text kept as
// written (entities not decoded).
func textParas(s string) []string {
	var paras []string
	textPass(s, false, func(p string) bool {
		paras = append(paras, p)
		return true
	})
	return paras
}

// textPass hands emit the paragraphs of s read as HTML, decoding entities
// when decode is set (else text is kept as written), until emit returns
// false.
func textPass(s string, decode bool, emit func(string) bool) {
	z := html.NewTokenizer(strings.NewReader(s))
	var cur strings.Builder
	flush := func() bool {
		t := CollapseSpace(cur.String())
		cur.Reset()
		return t == "" || emit(t)
	}
	hidden := 0     // depth inside elements that show no text
	inHead := false // inside <head>, whose end tag may be left out
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return
		case html.TextToken:
			if hidden > 0 || inHead {
				continue
			}
			if decode {
				cur.Write(z.Text())
			} else {
				cur.Write(z.Raw())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Head {
				inHead = tt == html.StartTagToken
				continue
			}
			if inHead && tt == html.StartTagToken && !headElements[a] {
				inHead = false // as the parser does: the body has begun
			}
			if hiddenElements[a] {
				if tt == html.StartTagToken {
					hidden++
				} else if tt == html.EndTagToken && hidden > 0 {
					hidden--
				}
			}
			if blockElements[a] && !flush() {
				return
			}
		}
	}
}

// headElements may stand in <head>; any other start tag ends it.
var headElements = map[atom.Atom]bool{
	atom.Title: true, atom.Meta: true, atom.Link: true, atom.Base: true, atom.Style: true,
	atom.Script: true, atom.Noscript: true, atom.Template: true, atom.Basefont: true, atom.Bgsound: true,
}

// CollapseSpace trims plain text s, turns every run of white space
// (no-break, zero-width and narrow spaces and the BOM included) into one
// ASCII space, and drops control characters, soft hyphens, U+FFFE, U+FFFF
// and invalid UTF-8, so that the result is one line, valid in XML.
func CollapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = true
			continue
		case r == utf8.RuneError && n == 1, unicode.IsControl(r), r == '\uFFFE', r == '\uFFFF', r == '\u00ad':
			// A soft hyphen only says where a word may break: kept, it
			// splits the word for search, routing and quotes.
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// BlockElement reports whether the element a ends a paragraph of text where
// it starts and where it ends (p, div, li, headings, table cells, br …).
func BlockElement(a atom.Atom) bool { return blockElements[a] }

// HiddenElement reports whether the element a shows none of its content as
// text (script, style, noscript, template, svg, math, head, iframe, object,
// select, textarea, button).
func HiddenElement(a atom.Atom) bool { return hiddenElements[a] }

var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Title: true, atom.Body: true, atom.Html: true, atom.Option: true,
}

var hiddenElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Head: true, atom.Iframe: true, atom.Object: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true,
}
