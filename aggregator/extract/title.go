package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	reTitleSep      = regexp.MustCompile(` [|\-\\/>»–—·•] `)
	reTitleHierSep  = regexp.MustCompile(` [\\/>»] `)
	reTitleSepChars = regexp.MustCompile(`[|\-\\/>»–—·•]+`)
	reTitleLead     = regexp.MustCompile(`^[#*\s]+`)
)

// cleanTitle strips stray markup marks ("# ") and white space.
func cleanTitle(s string) string {
	s = collapseSpace(s)
	return strings.TrimSpace(reTitleLead.ReplaceAllString(s, ""))
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// docTitle is readability's reading of <title>: the part before a site
// name separated by " | ", " - ", " » " …, or after a "Site: " prefix.
func docTitle(orig string, headings []string) string {
	orig = collapseSpace(orig)
	cur := orig
	hier := false
	switch {
	case reTitleSep.MatchString(cur):
		hier = reTitleHierSep.MatchString(cur)
		locs := reTitleSep.FindAllStringIndex(cur, -1)
		cur = orig[:locs[len(locs)-1][0]]
		if wordCount(cur) < 3 {
			cur = orig[locs[0][1]:]
		}
	case strings.Contains(cur, ": "):
		match := false
		for _, h := range headings {
			if h == cur {
				match = true
				break
			}
		}
		if !match {
			cur = orig[strings.LastIndex(orig, ":")+1:]
			if wordCount(cur) < 3 {
				cur = orig[strings.Index(orig, ":")+1:]
			} else if wordCount(orig[:strings.Index(orig, ":")]) > 5 {
				cur = orig
			}
		}
	case utf8.RuneCountInString(cur) > 150 || utf8.RuneCountInString(cur) < 15:
		if len(headings) == 1 {
			cur = headings[0]
		}
	}
	cur = collapseSpace(cur)
	n := wordCount(cur)
	if n <= 4 && (!hier || n != wordCount(reTitleSepChars.ReplaceAllString(orig, ""))-1) {
		cur = orig
	}
	return cur
}

// h1Texts returns the texts of the page's <h1> elements.
func h1Texts(root *html.Node) []string {
	var out []string
	walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && skipAtoms[n.DataAtom] {
			return false
		}
		if isElement(n, atom.H1) {
			if t := cleanTitle(textOf(n)); t != "" {
				out = append(out, t)
			}
			return false
		}
		return true
	})
	return out
}

// chooseTitle picks the article's title: JSON-LD headline, OpenGraph,
// Twitter and <meta> titles, then <title> read as readability does, then
// the <h1>. A metadata title carrying the site's name ("Headline | Site")
// gives way to the <h1> or the <title> part that is the bare headline.
func chooseTitle(m *pageMeta, h1s []string, siteNames []string) string {
	var cands []string
	if m.ld != nil {
		cands = append(cands, m.ld.Headline)
	}
	cands = append(cands, m.first("og:title", "twitter:title", "dc.title", "dcterms.title", "title", "headline", "sailthru.title", "parsely-title", "itemprop:headline"))
	title := ""
	for _, c := range cands {
		if c = cleanTitle(c); c != "" {
			title = c
			break
		}
	}
	dt := ""
	if m.docTitle != "" {
		dt = cleanTitle(docTitle(m.docTitle, h1s))
	}
	if title == "" {
		title = dt
	}
	if title == "" && len(h1s) > 0 {
		title = h1s[0]
	}
	if title == "" {
		return ""
	}
	// "Headline | Site": prefer a shorter reading that is the bare headline
	for _, h := range h1s {
		if h != title && len(h) >= len(title)/2 && strings.HasPrefix(foldTitle(title), foldTitle(h)) && hasSiteTail(title[len(h):], siteNames) {
			return h
		}
	}
	if dt != "" && dt != title && strings.HasPrefix(title, dt) && hasSiteTail(title[len(dt):], siteNames) {
		return dt
	}
	return stripSiteTail(title, siteNames)
}

func foldTitle(s string) string { return strings.ToLower(collapseSpace(s)) }

// hasSiteTail reports whether rest (what follows a headline) is a
// separator and a site name.
func hasSiteTail(rest string, siteNames []string) bool {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !strings.ContainsRune("|-–—:»·•/", r) {
		return false
	}
	return true
}

// stripSiteTail removes a " | Site Name" tail when Site Name is the page's
// own name.
func stripSiteTail(t string, siteNames []string) string {
	locs := reTitleSep.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return t
	}
	last := locs[len(locs)-1]
	tail := foldName(t[last[1]:])
	head := t[:last[0]]
	if wordCount(head) < 2 {
		return t
	}
	for _, s := range siteNames {
		if s = foldName(s); s != "" && (tail == s || strings.HasPrefix(tail, s) || strings.HasPrefix(s, tail)) {
			return strings.TrimSpace(head)
		}
	}
	return t
}
