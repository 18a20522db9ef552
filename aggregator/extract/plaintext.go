package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// PlainText turns an HTML fragment (a feed's full text, a stored body) into
// plain text with paragraphs separated by a blank line: the form quote
// finding reads. Block elements and <br> break paragraphs.
func PlainText(fragment string) string {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
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
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br":
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && plainTextBlocks[n.Data]
		if block {
			flush()
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
		if block {
			flush()
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

var plainTextBlocks = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "table": true, "tr": true, "pre": true,
	"figure": true, "figcaption": true, "header": true, "footer": true, "aside": true,
	"dd": true, "dt": true, "dl": true, "hr": true,
}
