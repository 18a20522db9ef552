package extract

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// absLink makes href absolute against base and returns it when it is an
// http(s) URL, else "".
func absLink(base, href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	ref, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		ref = b.ResolveReference(ref)
	}
	if ref.Scheme != "http" && ref.Scheme != "https" || ref.Host == "" {
		return ""
	}
	ref.Fragment = ""
	return ref.String()
}

// Links returns the absolute http(s) URLs of the elements matching selector
// on a listing page (an <a> itself or the first <a> inside it), in page
// order, without repeats.
func Links(page []byte, selector, base string) []string {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(page)))
	if err != nil {
		return nil
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
		u := absLink(base, href)
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	})
	return out
}
