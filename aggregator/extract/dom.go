package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
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

// textOf returns the visible text of n with white space collapsed; block
// boundaries become a single space.
func textOf(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return news.CollapseSpace(b.String())
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
			if news.HiddenElement(c.DataAtom) && c != root {
				continue
			}
			if news.BlockElement(c.DataAtom) {
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
		if t := news.CollapseSpace(cur.String()); t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	walkText(root, func(t string) { cur.WriteString(t) }, flush)
	flush()
	return lines
}
