package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

// MaxPageBytes is the size of the page prefix Extract reads; the rest is
// ignored (with a note), which bounds time and memory on huge pages.
const MaxPageBytes = 8 << 20

// errNotHTML marks input that is not text at all.
var errNotHTML = errors.New("not an HTML page")

// ErrTooDeep: a page nests elements deeper than Options.MaxDepth.
var ErrTooDeep = errors.New("nested too deep")

// maxParserDepth is how deep the HTML parser nests elements: it fails on a
// page nested deeper.
const maxParserDepth = 512

// parses counts the pages parsed into a tree (see Parses).
var parses atomic.Int64

// Parses returns how many times this process has parsed a page into a tree
// (Extract, and its second pass on a page whose first gave little text;
// Links): the crawler's tests count them to check that a page it fetches
// is parsed once.
func Parses() int64 { return parses.Load() }

// looksBinary reports whether page is not text: NUL bytes or many control
// characters or invalid UTF-8 in its first kilobytes.
func looksBinary(page []byte) bool {
	head := page
	if len(head) > 4096 {
		head = head[:4096]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad, n := 0, 0
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		head = head[size:]
		n++
		switch {
		case r == utf8.RuneError && size == 1:
			if len(head) > 3 { // not a rune cut at the 4 KB edge
				bad++
			}
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			bad++
		}
	}
	return n > 0 && bad*10 > n
}

// parsePage parses page into a tree. It fails with an error wrapping
// ErrTooDeep when the page nests elements deeper than maxDepth (0: no
// limit); HTML nested deeper than the parser accepts is otherwise read
// again flattened (text kept, structure dropped), and the returned note
// says so.
func parsePage(page []byte, maxDepth int) (*html.Node, string, error) {
	if looksBinary(page) {
		return nil, "", errNotHTML
	}
	page = closeRawTextTags(page)
	doc, err := parseTree(page, maxDepth)
	if err == nil || errors.Is(err, ErrTooDeep) {
		return doc, "", err
	}
	doc, err2 := html.Parse(strings.NewReader(flatten(page)))
	if err2 != nil {
		return nil, "", err
	}
	return doc, "page nested too deeply; read as flat text", nil
}

// parseTree parses page, failing with an error wrapping ErrTooDeep when it
// nests elements deeper than maxDepth. With maxDepth 0 or over the
// parser's own limit, a page nested deeper than that limit fails with
// another error.
func parseTree(page []byte, maxDepth int) (*html.Node, error) {
	parses.Add(1)
	doc, err := html.Parse(bytes.NewReader(page))
	limited := maxDepth > 0 && maxDepth <= maxParserDepth
	switch {
	case err != nil && limited:
		// The parser fails on nothing else: its reader cannot.
		return nil, tooDeep(maxDepth)
	case err != nil:
		return nil, err
	case limited && maxDepth < maxParserDepth && treeDepth(doc) > maxDepth:
		return nil, tooDeep(maxDepth)
	}
	return doc, nil
}

func tooDeep(maxDepth int) error {
	return fmt.Errorf("%w: elements nested over %d deep (fetch.max_depth)", ErrTooDeep, maxDepth)
}

// treeDepth is how deep elements nest under doc (<html> is 1).
func treeDepth(doc *html.Node) int {
	type at struct {
		n     *html.Node
		depth int
	}
	deepest := 0
	stack := []at{{doc, 0}}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		d := cur.depth
		if cur.n.Type == html.ElementNode {
			d++
			deepest = max(deepest, d)
		}
		for c := cur.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, at{c, d})
		}
	}
	return deepest
}

// reSelfClosedRaw is an XHTML-style self-closed element whose content HTML
// reads as raw text: "<iframe …/>" would swallow the rest of the page.
var reSelfClosedRaw = regexp.MustCompile(`(?i)<(iframe|script|style|textarea|noscript|noembed|noframes|xmp|title)(\s[^<>]*?)?/>`)

// closeRawTextTags rewrites self-closed raw-text elements as empty ones.
func closeRawTextTags(page []byte) []byte {
	if !bytes.Contains(page, []byte("/>")) {
		return page
	}
	return reSelfClosedRaw.ReplaceAll(page, []byte("<$1$2></$1>"))
}

// flatten rewrites page as a flat sequence of paragraphs: text and inline
// links are kept, every block boundary starts a new <p>, and head metadata
// (<title>, <meta>, <link>, JSON-LD) is copied as it is.
func flatten(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var b strings.Builder
	b.WriteString("<html><head>")
	var body strings.Builder
	skip := 0
	inTitle, inLD := false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() == io.EOF || z.Err() != nil {
				break
			}
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.DataAtom {
			case atom.Meta, atom.Link:
				b.WriteString(tok.String())
			case atom.Title:
				inTitle = true
				b.WriteString("<title>")
			case atom.Script:
				if strings.Contains(strings.ToLower(attrOf(tok, "type")), "ld+json") {
					inLD = true
					b.WriteString(`<script type="application/ld+json">`)
				} else {
					skip++
				}
			case atom.Style, atom.Noscript, atom.Template, atom.Svg:
				if tt == html.StartTagToken {
					skip++
				}
			case atom.A:
				if skip == 0 {
					body.WriteString(`<a href="` + html.EscapeString(attrOf(tok, "href")) + `">`)
				}
			default:
				if news.BlockElement(tok.DataAtom) && skip == 0 {
					body.WriteString("</p><p>")
				}
			}
		case html.EndTagToken:
			switch tok.DataAtom {
			case atom.Title:
				if inTitle {
					b.WriteString("</title>")
					inTitle = false
				}
			case atom.Script:
				if inLD {
					b.WriteString("</script>")
					inLD = false
				} else if skip > 0 {
					skip--
				}
			case atom.Style, atom.Noscript, atom.Template, atom.Svg:
				if skip > 0 {
					skip--
				}
			case atom.A:
				if skip == 0 {
					body.WriteString("</a>")
				}
			default:
				if news.BlockElement(tok.DataAtom) && skip == 0 {
					body.WriteString("</p><p>")
				}
			}
		case html.TextToken:
			switch {
			case inTitle:
				b.WriteString(html.EscapeString(tok.Data))
			case inLD:
				b.WriteString(tok.Data)
			case skip == 0:
				body.WriteString(html.EscapeString(tok.Data))
			}
		}
	}
	if inTitle {
		b.WriteString("</title>")
	}
	if inLD {
		b.WriteString("</script>")
	}
	b.WriteString("</head><body><p>")
	b.WriteString(body.String())
	b.WriteString("</p></body></html>")
	return b.String()
}

func attrOf(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
