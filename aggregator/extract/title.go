package extract

import (
	stdhtml "html"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

var (
	reTitleSep      = regexp.MustCompile(` [|\-\\/>»–—·•] `)
	reTitleHierSep  = regexp.MustCompile(` [\\/>»] `)
	reTitleSepChars = regexp.MustCompile(`[|\-\\/>»–—·•]+`)
	reTitleLead     = regexp.MustCompile(`^[#*\s]+`)
)

// cleanTitle strips stray markup marks ("# ") and white space.
func cleanTitle(s string) string {
	if reEntity.MatchString(s) {
		// escaped twice upstream ("&amp;#039;" in a meta tag)
		s = stdhtml.UnescapeString(s)
	}
	s = news.CollapseSpace(s)
	return strings.TrimSpace(reTitleLead.ReplaceAllString(s, ""))
}

var reEntity = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});`)

func wordCount(s string) int { return len(strings.Fields(s)) }

// docTitle is readability's reading of <title>: the part before a site
// name separated by " | ", " - ", " » " …, or after a "Site: " prefix.
func docTitle(orig string, headings []string) string {
	orig = news.CollapseSpace(orig)
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
	cur = news.CollapseSpace(cur)
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
		if n.Type == html.ElementNode && news.HiddenElement(n.DataAtom) {
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

// chooseTitle picks the article's title by agreement between the page's
// readings of it: the JSON-LD headline, og:title (or twitter:title and
// other <meta> titles), <title> read as readability does, and the <h1>s.
// The reading most sources share wins; a tie goes to the one the <h1> is
// in, then to the JSON-LD headline's, and when nothing agrees og:title
// comes first. from names the readings that gave the title.
func chooseTitle(m *pageMeta, h1s []string, siteNames []string) (title, from string) {
	type cand struct {
		text     string
		priority int // lower wins when nothing agrees
		ld       bool
	}
	var cands []cand
	og := cleanTitle(m.first("og:title", "twitter:title", "dc.title", "dcterms.title", "title", "headline", "sailthru.title", "parsely-title", "itemprop:headline"))
	if og != "" {
		cands = append(cands, cand{og, 0, false})
	}
	if m.ld != nil {
		if t := cleanTitle(m.ld.Headline); t != "" {
			cands = append(cands, cand{t, 1, true})
		}
	}
	if m.docTitle != "" {
		if t := cleanTitle(docTitle(m.docTitle, h1s)); t != "" {
			cands = append(cands, cand{stripSiteTail(t, siteNames), 2, false})
		}
	}
	for i, h := range h1s {
		if i >= 3 {
			break
		}
		cands = append(cands, cand{h, 3 + i, false})
	}
	if len(cands) == 0 {
		return "", ""
	}
	type group struct {
		best int // index of the candidate that speaks for the group
		ld   bool
		seen map[int]bool
	}
	groups := map[string]*group{}
	var keys []string
	for i, c := range cands {
		k := titleKey(c.text)
		g := groups[k]
		if g == nil {
			g = &group{best: i, seen: map[int]bool{}}
			groups[k] = g
			keys = append(keys, k)
		}
		src := c.priority
		if src > 3 {
			src = 3 // the h1s count once together
		}
		if !g.seen[src] {
			g.seen[src] = true
		}
		g.ld = g.ld || c.ld
		if c.priority < cands[g.best].priority {
			g.best = i
		}
	}
	var win *group
	better := func(g, w *group) bool {
		if len(g.seen) != len(w.seen) {
			return len(g.seen) > len(w.seen)
		}
		// a tie goes to the headline the reader sees, then to JSON-LD's
		if g.seen[3] != w.seen[3] && len(g.seen) > 1 {
			return g.seen[3]
		}
		if g.ld != w.ld && len(g.seen) > 1 {
			return g.ld
		}
		return cands[g.best].priority < cands[w.best].priority
	}
	for _, k := range keys {
		if g := groups[k]; win == nil || better(g, win) {
			win = g
		}
	}
	var names []string
	for src, name := range []string{"og:title", "the JSON-LD headline", "<title>", "<h1>"} {
		if win.seen[src] {
			names = append(names, name)
		}
	}
	return cands[win.best].text, strings.Join(names, ", ")
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "«", `"`, "»", `"`, "–", "-", "—", "-")

// titleKey folds a title for comparison: case, white space and
// typographic quotes.
func titleKey(s string) string {
	s = quoteFolder.Replace(s)
	return foldTitle(strings.TrimRight(s, ". "))
}

func foldTitle(s string) string { return strings.ToLower(news.CollapseSpace(s)) }

// stripSiteTail removes a " | Site Name" tail when Site Name is the page's
// own name.
func stripSiteTail(t string, siteNames []string) string {
	if segs := strings.Split(t, ": "); len(segs) > 2 && isSiteName(segs[len(segs)-1], siteNames) {
		// "Headline: Rubric: Section: Site.ru"
		segs = segs[:len(segs)-1]
		for len(segs) > 1 && wordCount(segs[len(segs)-1]) <= 2 && wordCount(strings.Join(segs[:len(segs)-1], ": ")) >= 3 {
			segs = segs[:len(segs)-1]
		}
		return strings.Join(segs, ": ")
	}
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

// isSiteName reports whether s is one of the page's own names.
func isSiteName(s string, siteNames []string) bool {
	f := foldName(s)
	for _, n := range siteNames {
		if n = foldName(n); n != "" && (f == n || strings.HasPrefix(f, n+" ")) {
			return true
		}
	}
	return false
}
