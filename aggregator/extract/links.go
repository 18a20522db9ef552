package extract

import (
	"errors"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/syndic/syndic/news"
)

// Links returns the absolute http(s) URLs of the elements matching selector
// on a listing page (an <a> itself or the first <a> inside it), in page
// order, without repeats. It fails, with an error wrapping ErrTooDeep, on a
// page nested deeper than maxDepth (0: no limit); a page nested deeper than
// the HTML parser accepts gives no links.
func Links(page []byte, selector, base string, maxDepth int) ([]string, error) {
	root, err := parseTree(page, maxDepth)
	if errors.Is(err, ErrTooDeep) {
		return nil, err
	}
	if err != nil {
		return nil, nil
	}
	doc := goquery.NewDocumentFromNode(root)
	b, err := url.Parse(base)
	if err != nil || base == "" {
		b = nil
	}
	var out []string
	seen := map[string]bool{}
	doc.Find(selector).Each(func(_ int, s *goquery.Selection) {
		if !s.Is("a[href]") {
			s = s.Find("a[href]").First()
		}
		href, ok := s.Attr("href")
		if !ok {
			return
		}
		u := news.AbsoluteHTTP(b, href)
		if i := strings.IndexByte(u, '#'); i >= 0 {
			u = u[:i]
		}
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	})
	return out, nil
}
