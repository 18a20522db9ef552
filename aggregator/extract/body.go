package extract

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodyInput is what body extraction needs besides the tree.
type bodyInput struct {
	base     *url.URL
	selector string   // per-source body selector, "" for scoring
	title    string   // dropped when the body repeats it
	bylines  []string // byline lines, dropped from the body
	dc       *dateCtx
	strict   bool // drop "unlikely" elements before scoring
}

// extractBody finds the article's body under doc and returns its
// paragraphs. It changes the tree.
func extractBody(doc *html.Node, in bodyInput) []block {
	root := firstElement(doc, atom.Body)
	if root == nil {
		root = doc
	}
	var content []*html.Node
	if in.selector != "" {
		goquery.NewDocumentFromNode(doc).Find(in.selector).Each(func(_ int, s *goquery.Selection) {
			for _, n := range s.Nodes {
				// a match inside an earlier match is already in
				inside := false
				for _, c := range content {
					if isAncestor(c, n) {
						inside = true
					}
				}
				if !inside {
					content = append(content, n)
				}
			}
		})
		for _, n := range content {
			prune(n, false)
		}
		if len(content) > 0 {
			return filterBlocks(render(content, in.base), in)
		}
	}
	prune(root, in.strict)
	st := computeStats(root)
	content = findContent(root, st)
	if len(content) == 0 {
		content = []*html.Node{root}
	}
	cleanContent(content, st)
	return filterBlocks(render(content, in.base), in)
}

// filterBlocks drops furniture from rendered paragraphs: share prompts,
// counters, the repeated title, bylines, datelines and photo credits.
func filterBlocks(bs []block, in bodyInput) []block {
	out := bs[:0]
	title := foldTitle(in.title)
	bylines := map[string]bool{}
	for _, b := range in.bylines {
		bylines[foldTitle(b)] = true
	}
	for _, b := range bs {
		if b.kind == "img" {
			out = append(out, b)
			continue
		}
		t := b.text
		ft := foldTitle(cleanTitle(t))
		switch {
		case title != "" && ft == title && len(out) < 3:
			continue
		case bylines[ft]:
			continue
		case isBoilerplate(t), isCaptionCredit(t):
			continue
		case b.kind != "p" && b.kind != "li" && b.kind != "blockquote" && b.kind != "pre" && utf8.RuneCountInString(t) > 300:
			// a "heading" this long is a paragraph set in bold
			b.kind = "p"
		}
		if in.dc != nil && utf8.RuneCountInString(t) <= 60 {
			if _, ok := isDateline(t, in.dc); ok {
				continue
			}
		}
		if reBylineStart.MatchString(t) && utf8.RuneCountInString(t) <= 80 {
			continue
		}
		out = append(out, b)
	}
	// trailing headings with nothing under them are section furniture
	for len(out) > 0 && strings.HasPrefix(out[len(out)-1].kind, "h") {
		out = out[:len(out)-1]
	}
	return out
}

// blocksText joins the text of blocks with blank lines.
func blocksText(bs []block) string {
	var b strings.Builder
	for _, bl := range bs {
		if bl.text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}
