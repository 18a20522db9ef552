package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedKeys are <meta> names and properties that carry the
// publication date, best first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "article:published", "published_time",
	"og:published_time", "datepublished", "article.published", "parsely-pub-date", "sailthru.date",
	"pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "date_published",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
	"citation_publication_date", "citation_date", "cxenseparse:recs:publishtime", "article_date_original",
	"original-publish-date", "og:pubdate", "bt:pubdate", "rnews:datepublished", "pub_date", "date",
	"displaydate", "creation_date", "datecreated", "article:post_date", "article_date", "dc.created",
	"timestamp", "ga_date", "content_date", "published",
}

// modifiedKeys are the last resort when a page gives only its update time.
var modifiedKeys = []string{"article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified", "dcterms.modified"}

var (
	// reDateClass marks elements whose text is likely the publication date.
	reDateClass = newClassRe(`(?i)date|time|publish|posted|created|dateline|timestamp|pubdate|meta|byline|info|article-header|article__header|post-detail|datum|fecha|data|дата|время`)
	// reNotPubClass marks dates that are not the publication date.
	reNotPubClass = newClassRe(`(?i)modif|update|comment|related|sidebar|footer|copyright|expire|event|weather|sport-?score|birth|recommend|popular|teaser|card`)
	// reURLDate finds a date in a URL path: /2019/07/25/, /2019-07-25-, /20190725/.
	reURLDate      = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)
	reURLDateMonth = regexp.MustCompile(`(?i)/((?:19|20)\d{2})/([a-z]{3,9})/(3[01]|[12]\d|0?[1-9])/`)
	reURLDateSep   = regexp.MustCompile(`/((?:19|20)\d{2})/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/`)
	// rePublishedWord is the label before a publication date in text.
	rePublishedWord = regexp.MustCompile(`(?i)(?:published|posted|created|опубликовано|публикация|дата публикации|publicado|publié|veröffentlicht|pubblicato|gepubliceerd|yayınlanma|opublikowano)\s*(?:on|at|:)?\s*`)
)

// dateSourceNames say, for the notes, where each kind of date was read.
var dateSourceNames = map[string]string{
	"selector":      "the source's date selector",
	"json-ld":       "JSON-LD datePublished",
	"meta":          "a <meta> tag",
	"microdata":     "microdata datePublished",
	"time":          "a <time> element",
	"hatom":         "an hAtom published element",
	"data-attr":     "a date attribute",
	"headline":      "the dateline under the headline",
	"text":          "a date printed near the top of the page",
	"url":           "the URL",
	"modified":      "the last-modified date (no publication date given)",
	"wiki-revision": "the wiki revision shown",
}

// dateFound is the chosen publication date and where it came from.
type dateFound struct {
	hit dateHit
	src string
}

// source names where the date was read, for the notes.
func (f dateFound) source() string {
	if name, ok := dateSourceNames[f.src]; ok {
		return name
	}
	return f.src
}

// chooseDate finds the publication date: per-source selector, JSON-LD,
// <meta>, microdata, <time> elements, the URL, date-like elements, then
// the visible text near the top of the page.
func chooseDate(m *pageMeta, root *html.Node, pageURL, title string, dc *dateCtx, selected string) (dateFound, bool) {
	if selected != "" {
		if h, ok := parseDateValue(selected, dc); ok {
			return dateFound{h, "selector"}, true
		}
	}
	if isWiki(m) {
		if f, ok := wikiRevisionDate(m, root, dc); ok {
			return f, true
		}
	}
	var urlHit dateHit
	urlOK := false
	if u := pageURL; u != "" {
		urlHit, urlOK = urlDate(u, dc)
	}
	try := func(vals []string, src string) (dateFound, bool) {
		for _, v := range vals {
			if h, ok := parseDateValue(v, dc); ok {
				return dateFound{h, src}, true
			}
		}
		return dateFound{}, false
	}
	if m.ld != nil {
		if f, ok := try([]string{m.ld.Published, m.ld.Created}, "json-ld"); ok {
			return f, true
		}
	}
	if f, ok := try(m.all(publishedKeys...), "meta"); ok {
		return f, true
	}
	if f, ok := try(m.itemDates, "microdata"); ok {
		return f, true
	}
	if f, ok := timeElements(m.timeTags, dc); ok {
		return f, true
	}
	if f, ok := dataTime(root, dc); ok {
		return f, true
	}
	// a dateline right under the headline ("News24 13 Jan 2020, 22:11
	// GMT+10") says when the article was published, whatever date the page
	// header shows
	if f, ok := headlineDate(root, title, dc); ok && (!urlOK || sameDay(f.hit.t, urlHit.t)) {
		return f, true
	}
	// a date printed in a date-like element near the top beats the URL when
	// both give the same day (it has the time)
	if f, ok := textDate(root, dc); ok {
		if !urlOK || sameDay(f.hit.t, urlHit.t) {
			return f, true
		}
	}
	if urlOK {
		return dateFound{urlHit, "url"}, true
	}
	if f, ok := try(m.all(modifiedKeys...), "modified"); ok {
		return f, true
	}
	if m.ld != nil {
		if f, ok := try([]string{m.ld.Modified}, "modified"); ok {
			return f, true
		}
	}
	return dateFound{}, false
}

// isWiki reports a page generated by MediaWiki.
func isWiki(m *pageMeta) bool {
	return strings.HasPrefix(strings.ToLower(m.first("generator")), "mediawiki")
}

// wikiRevisionDate is the date of the revision a wiki page shows: its
// JSON-LD dateModified, else the "last edited on" footer. A wiki page's
// datePublished is the creation of its first revision, whose text may
// share nothing with the text extracted from the current one.
func wikiRevisionDate(m *pageMeta, root *html.Node, dc *dateCtx) (dateFound, bool) {
	if m.ld != nil {
		if h, ok := parseDateValue(m.ld.Modified, dc); ok {
			return dateFound{h, "wiki-revision"}, true
		}
	}
	foot := findAll(root, func(n *html.Node) bool { return attr(n, "id") == "footer-info-lastmod" })
	for _, n := range foot {
		if hits := findDates(textOf(n), dc); len(hits) > 0 {
			return dateFound{hits[0], "wiki-revision"}, true
		}
	}
	return dateFound{}, false
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// urlDate reads a date from a URL path.
func urlDate(u string, dc *dateCtx) (dateHit, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			return dateHit{}, false
		}
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	for _, re := range []*regexp.Regexp{reURLDateSep, reURLDate} {
		if m := re.FindStringSubmatch(u); m != nil {
			if h, ok := dc.date(atoi(m[1]), atoi(m[2]), atoi(m[3])); ok {
				return h, true
			}
		}
	}
	// /2020/jan/20/ (The Guardian, PolitiFact)
	if m := reURLDateMonth.FindStringSubmatch(u); m != nil {
		if mo := monthOf(m[2]); mo > 0 {
			if h, ok := dc.date(atoi(m[1]), mo, atoi(m[3])); ok {
				return h, true
			}
		}
	}
	return dateHit{}, false
}

// timeElements reads <time> elements: one marked as the publication date
// first (pubdate, itemprop, class), else the first one with a datetime
// that is not in a comment, a related-links block or the footer.
func timeElements(tags []*html.Node, dc *dateCtx) (dateFound, bool) {
	var first *dateFound
	for _, t := range tags {
		v := attr(t, "datetime")
		if v == "" {
			v = textOf(t)
		}
		h, ok := parseDateValue(v, dc)
		if !ok {
			continue
		}
		ci := strings.ToLower(attr(t, "class") + " " + attr(t, "itemprop") + " " + attr(t, "id"))
		if hasAttr(t, "pubdate") || strings.Contains(ci, "publish") || strings.Contains(ci, "datecreated") || strings.Contains(ci, "posted") {
			return dateFound{h, "time"}, true
		}
		if reNotPubClass.MatchString(ci) || inNonArticle(t) {
			continue
		}
		if first == nil {
			first = &dateFound{h, "time"}
		}
	}
	if first != nil {
		return *first, true
	}
	return dateFound{}, false
}

// inNonArticle reports whether n sits in a comment, related-links, sidebar
// or footer block.
func inNonArticle(n *html.Node) bool {
	return hasAncestor(n, func(p *html.Node) bool {
		if p.DataAtom == atom.Footer || p.DataAtom == atom.Aside || p.DataAtom == atom.Nav {
			return true
		}
		ci := classID(p)
		return ci != "" && reNotPubClass.MatchString(ci)
	})
}

// textDate looks for a printed date in elements whose class or id says
// date/time/meta, and in short blocks labelled "Published".
// headlineDate reads a short line with a date and a time among the three
// elements after the heading that holds the title.
func headlineDate(root *html.Node, title string, dc *dateCtx) (dateFound, bool) {
	want := foldTitle(title)
	if want == "" {
		return dateFound{}, false
	}
	var head *html.Node
	walk(root, func(n *html.Node) bool {
		if head != nil {
			return false
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.H1 || n.DataAtom == atom.H2) && foldTitle(textOf(n)) == want {
			head = n
			return false
		}
		return true
	})
	if head == nil {
		return dateFound{}, false
	}
	seen := 0
	for n := head.NextSibling; n != nil && seen < 3; n = n.NextSibling {
		if n.Type != html.ElementNode {
			continue
		}
		seen++
		t := textOf(n)
		if t == "" || utf8.RuneCountInString(t) > 80 || !reClock.MatchString(t) {
			continue
		}
		if h, ok := publishedHit(t, dc); ok {
			return dateFound{h, "headline"}, true
		}
	}
	return dateFound{}, false
}

// reClock finds a time of day such as 22:11.
var reClock = regexp.MustCompile(`\b[0-2]?\d:[0-5]\d\b`)

func textDate(root *html.Node, dc *dateCtx) (dateFound, bool) {
	var first, afterH1 *dateFound
	seenH1 := false
	budget := 400 // elements examined
	walk(root, func(n *html.Node) bool {
		if afterH1 != nil || budget <= 0 {
			return false
		}
		if n.Type != html.ElementNode {
			return true
		}
		if skipAtoms[n.DataAtom] || n.DataAtom == atom.Nav || n.DataAtom == atom.Footer || n.DataAtom == atom.Aside {
			return false
		}
		if n.DataAtom == atom.H1 {
			seenH1 = true
		}
		ci := classID(n)
		if ci != "" && reNotPubClass.MatchString(ci) {
			return false
		}
		if ci == "" || !reDateClass.MatchString(ci) {
			return true
		}
		budget--
		t := textOf(n)
		if t == "" || utf8.RuneCountInString(t) > 200 {
			return true
		}
		if h, ok := publishedHit(t, dc); ok {
			f := &dateFound{h, "text"}
			if first == nil {
				first = f
			}
			if seenH1 {
				afterH1 = f
			}
			return false
		}
		return true
	})
	// a date under the headline beats one in the page header (often
	// today's date or a clock)
	switch {
	case afterH1 != nil && first != nil && !sameDay(afterH1.hit.t, first.hit.t) && seenH1:
		return *afterH1, true
	case first != nil:
		return *first, true
	}
	return dateFound{}, false
}

// reUpdatedWord precedes a modification date.
var reUpdatedWord = regexp.MustCompile(`(?i)(?:updated|update|modified|last\s+edited|обновлено|обновлен|изменено|оновлено|aktualisiert|actualizado|atualizado|mis\s+à\s+jour|aggiornato|bijgewerkt)\s*:?\s*(?:on|at|в)?\s*$`)

// publishedHit returns the first date of t that is not labelled as an
// update ("Updated: …").
func publishedHit(t string, dc *dateCtx) (dateHit, bool) {
	hits := findDates(t, dc)
	if len(hits) == 0 {
		return dateHit{}, false
	}
	norm := normDateText(t)
	for _, h := range hits {
		from := h.pos - 40
		if from < 0 {
			from = 0
		}
		if h.pos <= len(norm) && reUpdatedWord.MatchString(norm[from:h.pos]) {
			continue
		}
		return h, true
	}
	return hits[0], true
}

// isDateline reports whether t is a dateline: a short paragraph that is a
// date and little else.
func isDateline(t string, dc *dateCtx) (dateHit, bool) {
	if utf8.RuneCountInString(t) > 60 {
		return dateHit{}, false
	}
	hits := findDates(t, dc)
	if len(hits) == 0 {
		return dateHit{}, false
	}
	norm := normDateText(t)
	rest := strings.TrimSpace(norm[:hits[0].pos] + norm[hits[0].end:])
	rest = strings.Trim(rest, " ,.|/-–—·•:")
	if utf8.RuneCountInString(rest) > 20 {
		return dateHit{}, false
	}
	return hits[0], true
}

var (
	// reCopyright marks a line whose date is the site's copyright year.
	reCopyright = regexp.MustCompile(`(?i)©|copyright|all rights reserved|все права`)
	// reRawDate is a machine-written date in the page source (scripts,
	// attributes): 2020-04-17, 2020/04/17 01:43.
	reRawDate = regexp.MustCompile(`\b((?:19|20)\d{2})[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])(?:[T _]([01]\d|2[0-3]):([0-5]\d))?`)
)

// lastResortDate is used when no layer gives a date: the first date
// printed in the visible text after the headline (before it when there is
// none after), else the most frequent date written in the page source.
func lastResortDate(doc *html.Node, page []byte, dc *dateCtx) (dateHit, bool) {
	var before *dateHit
	seenH1 := firstElement(doc, atom.H1) == nil
	found := (*dateHit)(nil)
	budget := 300
	walk(doc, func(n *html.Node) bool {
		if found != nil || budget <= 0 {
			return false
		}
		if n.Type == html.ElementNode {
			if skipAtoms[n.DataAtom] || n.DataAtom == atom.Footer || n.DataAtom == atom.Nav {
				return false
			}
			if ci := classID(n); ci != "" && reNotPubClass.MatchString(ci) {
				return false
			}
			if n.DataAtom == atom.H1 {
				seenH1 = true
			}
			return true
		}
		if n.Type != html.TextNode {
			return true
		}
		t := strings.TrimSpace(n.Data)
		if len(t) < 6 || len(t) > 300 || reCopyright.MatchString(t) || !strings.ContainsAny(t, "0123456789") {
			return true
		}
		budget--
		hits := findDates(t, dc)
		if len(hits) == 0 {
			return true
		}
		if seenH1 {
			found = &hits[0]
		} else if before == nil {
			before = &hits[0]
		}
		return true
	})
	if found != nil {
		return *found, true
	}
	if before != nil {
		return *before, true
	}
	return rawDate(page, dc)
}

// rawDate returns the date written most often in the page source.
func rawDate(page []byte, dc *dateCtx) (dateHit, bool) {
	if len(page) > 2<<20 {
		page = page[:2<<20]
	}
	count := map[string]int{}
	first := map[string]dateHit{}
	var keys []string
	for _, m := range reRawDate.FindAllSubmatch(page, 200) {
		h, ok := dc.date(atoi(string(m[1])), atoi(string(m[2])), atoi(string(m[3])))
		if !ok {
			continue
		}
		k := string(m[1]) + string(m[2]) + string(m[3])
		if _, seen := first[k]; !seen {
			if len(m[4]) > 0 {
				h = dc.withTime(h, atoi(string(m[4])), atoi(string(m[5])), 0, "", "")
			}
			first[k] = h
			keys = append(keys, k)
		}
		count[k]++
	}
	best := ""
	for _, k := range keys {
		if best == "" || count[k] > count[best] {
			best = k
		}
	}
	if best == "" {
		return dateHit{}, false
	}
	return first[best], true
}

// dataTime reads the first data-time / data-timestamp / data-published
// attribute (a Unix time or an ISO date), which scripts render as a date.
func dataTime(root *html.Node, dc *dateCtx) (dateFound, bool) {
	var found *dateFound
	walk(root, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if n.Type != html.ElementNode {
			return true
		}
		if n.DataAtom == atom.Abbr || n.DataAtom == atom.Span {
			// hAtom: <abbr class="published" title="2020-01-02T10:00:00+01:00">
			if ci := classID(n); strings.Contains(ci, "published") || strings.Contains(ci, "dtstart") {
				if h, ok := parseDateValue(attr(n, "title"), dc); ok && !inNonArticle(n) {
					found = &dateFound{h, "hatom"}
					return false
				}
			}
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "data-time", "data-timestamp", "data-published", "data-publish-date", "data-date", "data-pubdate":
				if h, ok := parseDateValue(a.Val, dc); ok && !inNonArticle(n) {
					found = &dateFound{h, "data-attr"}
					return false
				}
			}
		}
		return true
	})
	if found != nil {
		return *found, true
	}
	return dateFound{}, false
}
