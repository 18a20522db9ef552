package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of the attribute key of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n carries the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// classID returns the lower-cased class and id of n joined by a space; the
// "unlikely" and "positive" patterns are matched against it.
func classID(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}

// isElement reports whether n is an element with the given atom.
func isElement(n *html.Node, a atom.Atom) bool {
	return n != nil && n.Type == html.ElementNode && n.DataAtom == a
}

// walk calls fn for n and its descendants in document order, without
// recursion (pages may be deeply nested). When fn returns false the
// children of that node are skipped.
func walk(n *html.Node, fn func(*html.Node) bool) {
	if n == nil {
		return
	}
	stack := []*html.Node{n}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(cur) {
			continue
		}
		// push children in reverse so the first child is visited first
		for c := cur.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// findAll returns the elements under n (n included) for which match is true.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
		return true
	})
	return out
}

// blockAtoms are the elements whose boundaries separate runs of text.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Title: true, atom.Body: true, atom.Html: true, atom.Option: true,
}

// skipAtoms never contribute visible text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Head: true, atom.Iframe: true, atom.Object: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true,
}

// textOf returns the visible text of n with white space collapsed; block
// boundaries become a single space.
func textOf(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return collapseSpace(b.String())
}

// appendText writes the text of n into b, a space at block boundaries.
func appendText(b *strings.Builder, n *html.Node) {
	walkText(n, func(t string) { b.WriteString(t) }, func() { b.WriteByte(' ') })
}

// walkText calls text with each visible text under root, in document
// order, and boundary where a block element starts and ends; scripts,
// styles and the like under root are skipped. It walks iteratively, so
// deeply nested pages cannot exhaust the stack.
func walkText(root *html.Node, text func(string), boundary func()) {
	if root == nil {
		return
	}
	type item struct {
		n    *html.Node
		exit bool
	}
	stack := []item{{n: root}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c := it.n
		if it.exit {
			boundary()
			continue
		}
		switch c.Type {
		case html.TextNode:
			text(c.Data)
			continue
		case html.ElementNode:
			if skipAtoms[c.DataAtom] && c != root {
				continue
			}
			if blockAtoms[c.DataAtom] {
				boundary()
				stack = append(stack, item{n: c, exit: true})
			}
		case html.DocumentNode:
		default:
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, item{n: k})
		}
	}
}

// collapseSpace trims s and turns every run of white space (including
// no-break and zero-width spaces) into one ASCII space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\u2009' || r == '\u202f' || r == '\ufeff' {
			space = true
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

// removeNode detaches n from its parent.
func removeNode(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// ancestors returns the element ancestors of n, nearest first, up to max.
func ancestors(n *html.Node, max int) []*html.Node {
	var out []*html.Node
	for p := n.Parent; p != nil && p.Type == html.ElementNode && len(out) < max; p = p.Parent {
		out = append(out, p)
	}
	return out
}

// hasAncestor reports whether one of n's ancestors satisfies match.
func hasAncestor(n *html.Node, match func(*html.Node) bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && match(p) {
			return true
		}
	}
	return false
}

// firstElement returns the first element under n with atom a, or nil.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == a {
			found = c
			return false
		}
		return true
	})
	return found
}

// blockLines returns the visible text under root split at block
// boundaries, one collapsed line per run of inline text.
func blockLines(root *html.Node) []string {
	var lines []string
	var cur strings.Builder
	flush := func() {
		if t := collapseSpace(cur.String()); t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	walkText(root, func(t string) { cur.WriteString(t) }, flush)
	flush()
	return lines
}
