package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

// stats are the counts content scoring needs for one element, computed in
// one bottom-up pass over the tree.
type stats struct {
	text   int // runes of text, white space runs counted once
	link   int // runes of that text inside <a>
	commas int
	p      int
	img    int
	li     int
	input  int
	embed  int
	h      int
}

// computeStats fills st for every element under root.
func computeStats(root *html.Node) map[*html.Node]*stats {
	st := make(map[*html.Node]*stats, 1024)
	type item struct {
		n    *html.Node
		exit bool
	}
	stack := []item{{n: root}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.n
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			continue
		}
		if !it.exit {
			stack = append(stack, item{n: n, exit: true})
			for c := n.LastChild; c != nil; c = c.PrevSibling {
				if c.Type == html.ElementNode {
					stack = append(stack, item{n: c})
				}
			}
			continue
		}
		s := &stats{}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				t, commas := textRunes(c.Data)
				s.text += t
				s.commas += commas
			case html.ElementNode:
				if cs := st[c]; cs != nil {
					s.text += cs.text
					s.link += cs.link
					s.commas += cs.commas
					s.p += cs.p
					s.img += cs.img
					s.li += cs.li
					s.input += cs.input
					s.embed += cs.embed
					s.h += cs.h
				}
			}
		}
		switch n.DataAtom {
		case atom.A:
			s.link = s.text
		case atom.P:
			s.p++
		case atom.Img, atom.Picture:
			s.img++
		case atom.Li:
			s.li++
		case atom.Input, atom.Select, atom.Textarea, atom.Button:
			s.input++
		case atom.Embed, atom.Object, atom.Iframe, atom.Video, atom.Audio:
			s.embed++
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			s.h++
		}
		st[n] = s
	}
	return st
}

// textRunes counts the runes of s with each run of white space counted
// once, and its commas (Latin, CJK and Arabic).
func textRunes(s string) (n, commas int) {
	space := true
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			if !space {
				n++
			}
			space = true
			continue
		case r == ',' || r == '，' || r == '、' || r == '،':
			commas++
		}
		space = false
		n++
	}
	return n, commas
}

func (s *stats) linkDensity() float64 {
	if s == nil || s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// scoreable reports whether n is a paragraph-like element whose text is
// scored: p, pre, td, blockquote, and divs (or sections) without block
// children.
func scoreable(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Dd:
		return true
	case atom.Div, atom.Section, atom.Article, atom.Span, atom.Font, atom.Center:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (news.BlockElement(c.DataAtom) && c.DataAtom != atom.Br) {
				return false
			}
		}
		if n.DataAtom == atom.Span {
			// a span is a paragraph only when it stands alone in a block
			return n.Parent != nil && n.Parent.DataAtom != atom.P && onlyChildElement(n)
		}
		return true
	}
	return false
}

func onlyChildElement(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && (c.Type == html.ElementNode || (c.Type == html.TextNode && strings.TrimSpace(c.Data) != "")) {
			return false
		}
	}
	return true
}

// candidate is an ancestor of scored paragraphs.
type candidate struct {
	n     *html.Node
	score float64
}

// initScore is readability's starting score of a candidate: its tag and
// its class weight.
func initScore(n *html.Node) float64 {
	s := 0.0
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main, atom.Section:
		s = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		s = 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		s = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s = -5
	}
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		s += 10
	}
	if strings.Contains(strings.ToLower(attr(n, "itemprop")), "articlebody") {
		s += 30
	}
	return s + float64(classWeight(n))
}

// findContent scores the paragraphs under root and returns the element
// that holds the article, with the siblings that belong to it (in order).
func findContent(root *html.Node, st map[*html.Node]*stats) []*html.Node {
	cands := map[*html.Node]*candidate{}
	var order []*candidate
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || !scoreable(n) {
			return true
		}
		s := st[n]
		if s == nil || s.text < 25 {
			return true
		}
		score := 1.0 + float64(s.commas) + min(float64(s.text)/100, 3)
		anc := ancestors(n, 5)
		for level, a := range anc {
			if a.DataAtom == atom.Html {
				break
			}
			c := cands[a]
			if c == nil {
				c = &candidate{n: a, score: initScore(a)}
				cands[a] = c
				order = append(order, c)
			}
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level) * 3
			}
			c.score += score / div
		}
		return n.DataAtom != atom.P && n.DataAtom != atom.Pre
	})
	if len(order) == 0 {
		return nil
	}
	var top *candidate
	var tops []*candidate
	for _, c := range order {
		c.score *= 1 - st[c.n].linkDensity()
		if top == nil || c.score > top.score {
			top = c
		}
	}
	for _, c := range order {
		if c != top && c.score >= top.score*0.75 {
			tops = append(tops, c)
		}
	}
	node := top.n
	// several near-best candidates under one ancestor: the article is that ancestor
	if len(tops) >= 2 {
		for p := node.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
			shared := 0
			for _, c := range tops {
				if isAncestor(p, c.n) {
					shared++
				}
			}
			if shared >= 2 && shared*2 > len(tops) {
				node = p
				break
			}
		}
	}
	// climb while the parent scores nearly as well (the article spans it)
	score := top.score
	if c := cands[node]; c != nil {
		score = c.score
	}
	threshold := score / 3
	last := score
	for p := node.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
		c := cands[p]
		if c == nil {
			continue
		}
		if c.score < threshold {
			break
		}
		if c.score > last {
			node = p
			break
		}
		last = c.score
	}
	// a lone child: take its parent
	for node.Parent != nil && node.Parent.Type == html.ElementNode && node.Parent.DataAtom != atom.Body && elementChildren(node.Parent) == 1 {
		node = node.Parent
	}
	if c := cands[node]; c != nil {
		score = c.score
	}
	content := withSiblings(node, score, cands, st)
	return widen(content, st)
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

func elementChildren(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			k++
		}
	}
	return k
}

// withSiblings returns top and those of its siblings that belong to the
// article: well-scored ones, ones with the same class, and plain
// paragraphs.
func withSiblings(top *html.Node, score float64, cands map[*html.Node]*candidate, st map[*html.Node]*stats) []*html.Node {
	if top.Parent == nil {
		return []*html.Node{top}
	}
	threshold := max(10, score*0.2)
	class := attr(top, "class")
	var out []*html.Node
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == top {
			out = append(out, s)
			continue
		}
		if s.Type != html.ElementNode {
			continue
		}
		bonus := 0.0
		if class != "" && attr(s, "class") == class {
			bonus = score * 0.2
		}
		if c := cands[s]; c != nil && c.score+bonus >= threshold {
			out = append(out, s)
			continue
		}
		if s.DataAtom == atom.P {
			ss := st[s]
			if ss == nil {
				continue
			}
			ld := ss.linkDensity()
			txt := textOf(s)
			n := utf8.RuneCountInString(txt)
			if n > 80 && ld < 0.25 {
				out = append(out, s)
			} else if n > 0 && n <= 80 && ld == 0 && strings.ContainsAny(lastRunes(txt, 2), ".!?") {
				out = append(out, s)
			}
		}
	}
	return out
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

// paraText returns the length of the text under n that stands in <p>
// elements with few links.
func paraText(n *html.Node, st map[*html.Node]*stats) int {
	total := 0
	walk(n, func(c *html.Node) bool {
		if isElement(c, atom.P) {
			if s := st[c]; s != nil && s.linkDensity() < 0.5 {
				total += s.text
			}
			return false
		}
		return true
	})
	return total
}

// widen takes a higher ancestor of the content when the article is split
// over sibling wrappers that scoring took only part of: an ancestor up to
// three levels up that holds far more paragraph text, with few links, is
// the article.
func widen(content []*html.Node, st map[*html.Node]*stats) []*html.Node {
	if len(content) == 0 {
		return content
	}
	have := 0
	for _, c := range content {
		have += paraText(c, st)
	}
	if have == 0 {
		return content
	}
	p := content[0].Parent
	for level := 0; level < 3 && p != nil && p.Type == html.ElementNode; level++ {
		if p.DataAtom == atom.Body || p.DataAtom == atom.Html {
			break
		}
		s := st[p]
		if s == nil || s.linkDensity() > 0.15 {
			break
		}
		if pt := paraText(p, st); pt*10 >= have*13 && pt-have >= 500 {
			return []*html.Node{p}
		}
		p = p.Parent
	}
	return content
}
