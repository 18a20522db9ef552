// Package feed turns the bytes of an RSS, Atom or JSON feed into news.Items:
// full text from the elements Russian outlets use (yandex:full-text,
// turbo:content, <full-text>, content:encoded), dates with their real
// offsets, plain-text titles, authors as names, absolute links. It parses
// with gofeed, never fetches anything, and caps the items of a document
// before the parser sees them.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/rss"

	"github.com/syndic/syndic/news"
)

// Defaults for zero Options fields.
const (
	DefaultMaxItems = 1000
	DefaultMaxDepth = 512
)

// Errors Parse wraps, for errors.Is.
var (
	// ErrNotFeed: the document is empty, HTML, JSON that is not a JSON
	// Feed, or XML with a root that is not rss, rdf:RDF or feed.
	ErrNotFeed = errors.New("not a feed")
	// ErrMalformed: the document is a feed but cannot be read: truncated
	// or broken beyond what the tolerant parser accepts.
	ErrMalformed = errors.New("malformed feed")
	// ErrTooDeep: the document nests elements deeper than MaxDepth.
	ErrTooDeep = errors.New("nested too deep")
)

// Options tune Parse. Zero values take the defaults.
type Options struct {
	// MaxItems caps the items kept per document (default 1000); the first
	// ones are kept and the rest counted in Feed.Dropped.
	MaxItems int
	// MaxDepth caps the element nesting of an XML document (default
	// 512); a deeper one is refused before any parser sees it.
	MaxDepth int
	// BaseURL is the feed's URL: relative links resolve against it (and,
	// when it is empty, against the feed's own link).
	BaseURL string
	// Location is the zone for dates printed without a zone or with an
	// abbreviation Parse does not know (default UTC).
	Location *time.Location
}

// Feed is a parsed feed.
type Feed struct {
	Title    string // plain text
	Link     string // the site's URL, absolute http(s) or ""
	Language string // as the feed states it, e.g. "ru"
	TTL      time.Duration
	Items    []news.Item
	Dropped  int // items over MaxItems, not in Items
}

// Parse reads a feed from UTF-8 bytes (fetch.Response.Body); bytes in
// another charset declared in the XML prolog are read too. It never fails
// on an item: fields it cannot read are left empty. It fails, with an error
// wrapping ErrNotFeed, on an empty document, an HTML page, JSON that is not
// a JSON Feed and XML that is not RSS or Atom; and, wrapping ErrMalformed,
// on a feed that is truncated or otherwise unreadable. Items beyond
// MaxItems are removed before parsing, so a document of a million items
// costs little more than its bytes; a document nested deeper than MaxDepth
// fails with an error wrapping ErrTooDeep before parsing. DTDs are never
// read: entities are not expanded and nothing external is loaded.
func Parse(data []byte, opt Options) (*Feed, error) {
	if opt.MaxItems <= 0 {
		opt.MaxItems = DefaultMaxItems
	}
	if opt.MaxDepth <= 0 {
		opt.MaxDepth = DefaultMaxDepth
	}
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n\x00")
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: empty document", ErrNotFeed)
	}
	var base *url.URL
	if opt.BaseURL != "" {
		if u, err := url.Parse(strings.TrimSpace(opt.BaseURL)); err == nil && u.IsAbs() {
			base = u
		}
	}
	switch data[0] {
	case '{', '[':
		return parseJSON(data, opt, base)
	case '<':
	default:
		start := feedStart(data)
		if start < 0 {
			return nil, fmt.Errorf("%w: starts with %q", ErrNotFeed, firstBytes(data))
		}
		data = data[start:] // a PHP warning or other noise before the XML
	}

	data = utf8Prolog(data)
	sc := prescan(data, opt.MaxItems)
	root := strings.ToLower(string(localName([]byte(sc.root))))
	if root != "rss" && root != "rdf" && root != "feed" && !isHTML(sc, root) {
		if start := feedStart(data[1:]); start >= 0 {
			data = data[1+start:]
			sc = prescan(data, opt.MaxItems)
			root = strings.ToLower(string(localName([]byte(sc.root))))
		}
	}
	switch {
	case isHTML(sc, root):
		return nil, fmt.Errorf("%w: looks like an HTML page", ErrNotFeed)
	case root == "rss" || root == "rdf" || root == "feed":
	case sc.root == "":
		return nil, fmt.Errorf("%w: no XML element", ErrNotFeed)
	default:
		return nil, fmt.Errorf("%w: root element <%s>", ErrNotFeed, sc.root)
	}
	if sc.depth > opt.MaxDepth {
		return nil, fmt.Errorf("%w: elements nested %d deep, over the limit of %d (fetch.max_depth)", ErrTooDeep, sc.depth, opt.MaxDepth)
	}
	dropped := max(sc.items-opt.MaxItems, 0)

	f, err := parseXML(sc.out, root)
	if err != nil || (len(f.uf.Items) == 0 && sc.items > 0) {
		// A default namespace the parser does not know (on the root or
		// on an item) hides every element: read the document without.
		if clean := defaultNS.ReplaceAll(sc.out, nil); len(clean) != len(sc.out) {
			if f2, err2 := parseXML(clean, root); err2 == nil && (err != nil || len(f2.uf.Items) > 0) {
				f, err = f2, nil
			}
		}
	}
	if err != nil {
		kind := "RSS"
		if root == "feed" {
			kind = "Atom"
		}
		if strings.Contains(err.Error(), "unexpected EOF") {
			return nil, fmt.Errorf("parse %s: %w: truncated XML: %v", kind, ErrMalformed, err)
		}
		return nil, fmt.Errorf("parse %s: %w: %v", kind, ErrMalformed, err)
	}
	return f.convert(opt, base, dropped), nil
}

// parsed is gofeed's universal feed plus, for RSS, the RSS view of the
// same document (TTL, guid isPermaLink, every dc:creator).
type parsed struct {
	uf *gofeed.Feed
	rf *rss.Feed
}

var (
	// The translator's <img> scan parses the HTML of every item without an
	// image (megabytes for a feed of empty items); image does it cheaply.
	rssTranslator  = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	atomTranslator = &gofeed.DefaultAtomTranslator{}
	defaultNS      = regexp.MustCompile(`\sxmlns\s*=\s*(?:"[^"]*"|'[^']*')`)
)

func parseXML(data []byte, root string) (p parsed, err error) {
	defer func() {
		// The parsers are third-party code fed untrusted bytes: a panic
		// in them is a malformed feed, not a crash of the crawler.
		if r := recover(); r != nil {
			err = fmt.Errorf("parser panic: %v", r)
		}
	}()
	if root == "feed" {
		af, err := (&atom.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			return p, err
		}
		p.uf, err = atomTranslator.Translate(af)
		return p, err
	}
	p.rf, err = (&rss.Parser{}).Parse(bytes.NewReader(data))
	if err != nil {
		return p, err
	}
	p.uf, err = rssTranslator.Translate(p.rf)
	return p, err
}

func (p parsed) convert(opt Options, base *url.URL, dropped int) *Feed {
	uf := p.uf
	f := &Feed{
		Title:    news.PlainLine(uf.Title),
		Link:     news.AbsoluteHTTP(base, uf.Link),
		Language: strings.TrimSpace(uf.Language),
		Dropped:  dropped,
	}
	if p.rf != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(p.rf.TTL)); err == nil && n > 0 {
			f.TTL = time.Duration(n) * time.Minute
		}
	}
	if base == nil && f.Link != "" {
		base, _ = url.Parse(f.Link)
	}
	items := uf.Items
	if len(items) > opt.MaxItems {
		f.Dropped += len(items) - opt.MaxItems
		items = items[:opt.MaxItems]
	}
	f.Items = make([]news.Item, 0, len(items))
	for i, it := range items {
		var ri *rss.Item
		if p.rf != nil && i < len(p.rf.Items) {
			ri = p.rf.Items[i]
		}
		f.Items = append(f.Items, convertItem(it, ri, base, f.Language, opt.Location))
	}
	return f
}

// convertItem maps one gofeed item (and its RSS view, nil for Atom) to a
// news.Item.
func convertItem(it *gofeed.Item, ri *rss.Item, base *url.URL, lang string, loc *time.Location) news.Item {
	n := news.Item{
		GUID:       strings.TrimSpace(it.GUID),
		Title:      news.PlainLine(it.Title),
		Summary:    strings.TrimSpace(it.Description),
		Lang:       lang,
		Categories: categories(it.Categories),
	}
	n.Link = itemLink(it, ri, base)
	linkBase := base
	if n.Link != "" {
		linkBase, _ = url.Parse(n.Link)
	}
	n.Content = content(it)
	n.Authors = authors(it, ri)
	n.Published = date(it.Published, it.PublishedParsed, loc)
	n.Updated = date(it.Updated, it.UpdatedParsed, loc)
	n.Image = news.AbsoluteHTTP(linkBase, image(it))
	n.Enclosures = enclosures(it, linkBase)
	return n
}

// itemLink is the item's first absolute http(s) link, resolved against
// base, falling back to a guid that is a permalink.
func itemLink(it *gofeed.Item, ri *rss.Item, base *url.URL) string {
	if l := news.AbsoluteHTTP(base, it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l := news.AbsoluteHTTP(base, l); l != "" {
			return l
		}
	}
	if ri != nil && ri.GUID != nil && strings.EqualFold(strings.TrimSpace(ri.GUID.IsPermalink), "false") {
		return ""
	}
	return news.AbsoluteHTTP(nil, it.GUID)
}

// fullTextNames are the local names of full-text elements under any prefix
// (yandex:full-text, rbc_news:full-text, an un-namespaced <full-text>).
var fullTextNames = []string{"full-text", "fulltext", "full_text", "full"}

// content picks the item's full text: the longest (in text) of
// yandex:full-text, turbo:content, any *:full-text, an un-namespaced
// <full-text>, content:encoded and Atom content. Plain text becomes <p>
// paragraphs. It is "" when there is none: the feed has only a summary.
func content(it *gofeed.Item) string {
	var cands []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			cands = append(cands, s)
		}
	}
	for _, prefix := range extPrefixes(it.Extensions) {
		for _, name := range fullTextNames {
			for _, e := range it.Extensions[prefix][name] {
				add(e.Value)
			}
		}
		if prefix == "turbo" {
			for _, e := range it.Extensions[prefix]["content"] {
				add(e.Value)
			}
		}
	}
	for _, name := range fullTextNames {
		add(it.Custom[name])
	}
	add(it.Content)
	if len(cands) == 0 {
		return ""
	}
	best := cands[0]
	if len(cands) > 1 {
		bestText := news.PlainLine(best)
		for _, c := range cands[1:] {
			if t := news.PlainLine(c); len(t) > len(bestText) {
				best, bestText = c, t
			}
		}
	}
	return toHTML(best)
}

// extPrefixes lists the extension prefixes in a fixed order: yandex and
// turbo first, the rest sorted.
func extPrefixes(e ext.Extensions) []string {
	if len(e) == 0 {
		return nil
	}
	out := make([]string, 0, len(e))
	for p := range e {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b string) int {
		rank := func(s string) int {
			switch s {
			case "yandex":
				return 0
			case "turbo":
				return 1
			}
			return 2
		}
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return out
}

// authors collects person names from <author>, every dc:creator and
// dc:author, and Atom authors.
func authors(it *gofeed.Item, ri *rss.Item) []string {
	var out []string
	if ri != nil {
		out = appendUnique(out, personName(ri.Author))
		if dc := ri.DublinCoreExt; dc != nil {
			for _, s := range dc.Creator {
				out = appendUnique(out, personName(s))
			}
			for _, s := range dc.Author {
				out = appendUnique(out, personName(s))
			}
		}
	}
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		name := personName(p.Name)
		if name == "" && p.Email != "" && ri == nil {
			continue
		}
		out = appendUnique(out, name)
	}
	return out
}

func categories(in []string) []string {
	var out []string
	for _, c := range in {
		out = appendUnique(out, news.PlainLine(c))
	}
	return out
}

var alphaZoneSuffix = regexp.MustCompile(`([A-Za-z]{1,5})\)?\s*$`)

// date reads raw with parseDate, keeping its offset. When parseDate cannot
// read it, gofeed's reading (in UTC) is used, unless raw ends in a zone
// abbreviation other than UTC or GMT: gofeed would give one it does not
// know a zero offset.
func date(raw string, parsed *time.Time, loc *time.Location) time.Time {
	if t, ok := parseDate(raw, loc); ok {
		return t
	}
	if parsed == nil || parsed.IsZero() {
		return time.Time{}
	}
	if m := alphaZoneSuffix.FindStringSubmatch(raw); m != nil {
		switch strings.ToUpper(m[1]) {
		case "UTC", "GMT", "UT", "Z":
		default:
			return time.Time{}
		}
	}
	return parsed.UTC()
}

var imgSrc = regexp.MustCompile(`(?i)<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s"'>]+))`)

// image is the item's lead image: a media:content image, a media:thumbnail,
// an image enclosure, what gofeed found (itunes:image), then the first
// <img> of the content or the summary.
func image(it *gofeed.Item) string {
	media := it.Extensions["media"]
	for _, group := range append([]map[string][]ext.Extension{media}, childMaps(media["group"])...) {
		for _, c := range group["content"] {
			if isImage(c.Attrs["type"], c.Attrs["medium"], c.Attrs["url"]) {
				return c.Attrs["url"]
			}
		}
		for _, c := range group["thumbnail"] {
			if c.Attrs["url"] != "" {
				return c.Attrs["url"]
			}
		}
	}
	for _, e := range it.Enclosures {
		if e != nil && isImage(e.Type, "", e.URL) {
			return e.URL
		}
	}
	if it.Image != nil && it.Image.URL != "" {
		return it.Image.URL
	}
	for _, h := range []string{it.Content, it.Description} {
		if m := imgSrc.FindStringSubmatch(h); m != nil {
			return html.UnescapeString(m[1] + m[2] + m[3])
		}
	}
	return ""
}

func childMaps(es []ext.Extension) []map[string][]ext.Extension {
	var out []map[string][]ext.Extension
	for _, e := range es {
		out = append(out, e.Children)
	}
	return out
}

func isImage(typ, medium, u string) bool {
	if u == "" {
		return false
	}
	if medium == "image" || strings.HasPrefix(strings.ToLower(typ), "image/") {
		return true
	}
	return typ == "" && medium == "" && news.ImageType(u) != ""
}

// enclosures are the media files the item carries, in document order: RSS
// <enclosure>s and Atom links rel="enclosure" (gofeed's Enclosures), then
// Media RSS media:content, alone or in a media:group. A media:content
// without a type but with a medium gets its type from the URL when it is
// an image. URLs are resolved against base.
func enclosures(it *gofeed.Item, base *url.URL) []news.Enclosure {
	var out []news.Enclosure
	for _, e := range it.Enclosures {
		if e != nil {
			n, _ := strconv.ParseInt(strings.TrimSpace(e.Length), 10, 64)
			out = news.AddEnclosure(out, news.Enclosure{URL: news.AbsoluteHTTP(base, e.URL), Type: e.Type, Length: n})
		}
	}
	media := it.Extensions["media"]
	for _, group := range append([]map[string][]ext.Extension{media}, childMaps(media["group"])...) {
		for _, c := range group["content"] {
			typ := c.Attrs["type"]
			if typ == "" && c.Attrs["medium"] == "image" {
				typ = news.ImageType(c.Attrs["url"])
			}
			n, _ := strconv.ParseInt(strings.TrimSpace(c.Attrs["fileSize"]), 10, 64)
			out = news.AddEnclosure(out, news.Enclosure{URL: news.AbsoluteHTTP(base, c.Attrs["url"]), Type: typ, Length: n})
		}
	}
	return out
}

// isHTML reports whether the scanned document is an HTML page.
func isHTML(sc scan, root string) bool {
	switch root {
	case "html", "head", "body":
		return true
	}
	return strings.HasPrefix(sc.doctype, "<!doctype html")
}

var prologEncoding = regexp.MustCompile(`^<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']`)

// utf8Prolog makes the XML prolog of valid UTF-8 data say UTF-8, so that
// the parser does not decode the text a second time from the charset it
// was converted from (the fetcher converts bodies and leaves the prolog:
// this is the one place it is rewritten). Data that is not valid UTF-8
// keeps its declaration and is decoded from it by the parser.
func utf8Prolog(data []byte) []byte {
	m := prologEncoding.FindSubmatchIndex(data)
	if m == nil || strings.EqualFold(string(data[m[2]:m[3]]), "utf-8") || !utf8.Valid(data) {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[m[3]:]...)
}

// feedStart is the index of the first "<?xml", "<rss", "<rdf:RDF" or
// "<feed" tag in data, -1 when there is none.
func feedStart(data []byte) int {
	best := -1
	for _, tag := range []string{"<?xml", "<rss", "<rdf:RDF", "<feed"} {
		from := 0
		for {
			i := bytes.Index(data[from:], []byte(tag))
			if i < 0 {
				break
			}
			i += from
			end := i + len(tag)
			if end == len(data) || strings.IndexByte(" \t\r\n>/", data[end]) >= 0 {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			from = end
		}
	}
	return best
}

func firstBytes(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}
