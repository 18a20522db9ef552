package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

// homeWords name a breadcrumb's first, home item.
var homeWords = map[string]bool{
	"home": true, "главная": true, "главная страница": true, "новости": true, "news": true,
	"ana səhifə": true, "головна": true, "startseite": true, "accueil": true, "inicio": true, "início": true,
}

// breadcrumbSection returns the section a page's breadcrumb names: its
// last item that is neither the home link nor the article itself.
func breadcrumbSection(root *html.Node, title string) string {
	var crumb *html.Node
	walk(root, func(n *html.Node) bool {
		if crumb != nil {
			return false
		}
		if n.Type == html.ElementNode {
			if news.HiddenElement(n.DataAtom) {
				return false
			}
			ci := classID(n) + " " + strings.ToLower(attr(n, "itemtype")) + " " + strings.ToLower(attr(n, "aria-label"))
			if strings.Contains(ci, "breadcrumb") {
				crumb = n
				return false
			}
		}
		return true
	})
	if crumb == nil {
		return ""
	}
	var items []string
	walk(crumb, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n.DataAtom == atom.Li || n.DataAtom == atom.A {
			if t := textOf(n); t != "" {
				items = append(items, t)
			}
			return false
		}
		return true
	})
	ft := foldTitle(title)
	sec := ""
	for i, it := range items {
		f := foldTitle(it)
		if (i == 0 && (homeWords[f] || len(items) > 1)) || f == ft || utf8.RuneCountInString(it) > 40 {
			continue
		}
		sec = it
	}
	return sec
}
