package publisher

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"html"
	"net/url"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
	"golang.org/x/text/language"
)

// feedData is one page of a feed ready to render: every string cleaned,
// every item publishable, newest first, at most the feed length.
type feedData struct {
	// onePerStory is the section whose feed shows each story once, by its
	// first report in the section; "" for every other feed.
	onePerStory string
	prefer      []string // sources whose report stands for a story there, most preferred first
	title       string   // cleaned feed title
	description string
	home        string    // BaseURL + "/"
	self        string    // this page's URL
	current     string    // the newest page's URL: the feed's id
	next        string    // the next older page's URL, "" on the last page
	hub         string    // WebSub hub, on the newest page of a section only
	updated     time.Time // latest change of the feed or an entry
	// lang is the language of most entries ("" when none has one); an
	// entry in another language says so itself.
	lang string
	// maxAge is how long readers may keep the page (Cache-Control max-age,
	// RSS <ttl>).
	maxAge  time.Duration
	entries []entry
}

// entry is one publishable item with everything the three formats need.
type entry struct {
	id    string // the item's id in every format, see itemID
	title string
	// articleTitle is the item's own title (title may be rewritten, as in
	// a quote feed).
	articleTitle string
	link         string // the original article
	authors      []string
	categories   []string
	date         time.Time // Published, or FetchedAt when unknown
	published    bool      // date is the upstream's publication time
	updated      time.Time // the latest of date, Updated and Edited
	stored       time.Time // when syndic last wrote the item: FetchedAt or Edited
	lang         string
	// image is the lead image and enclosures the media the upstream
	// attached, both absolute; none for a source that allows its titles only.
	image      string
	enclosures []enclosure

	level      news.Republish // how much of the item may be republished
	sourceName string
	sourceHome string // the source's home page
	sourceFeed string // the source's feed or listing URL
	// via is plain text, written only escaped: "<AZ>" stays
	via []string

	// story is the story the item reports, when other outlets reported it
	// too: firstBy reported it first, alsoBy are the other outlets.
	story   int64
	firstBy *credit
	alsoBy  []credit

	// summary is an excerpt followed by the attribution; content is the
	// whole body followed by the attribution, set only when the source
	// allows full republication.
	summary string
	content string
}

// enclosure is a media file of an entry as the formats write it.
type enclosure struct {
	url    string // absolute http(s)
	typ    string // MIME type, never ""
	length int64  // in bytes, 0 when unknown
}

// enclosures are an item's media files with absolute URLs, each with a
// type (RSS and JSON Feed require one): the upstream's, else an image's
// read from its URL, else application/octet-stream.
func enclosures(in []news.Enclosure, base *url.URL) []enclosure {
	var out []enclosure
	for _, e := range in {
		u := stripIllegal(news.AbsoluteHTTP(base, e.URL))
		if u == "" {
			continue
		}
		typ := news.MediaType(e.Type)
		if typ == "" {
			typ = news.ImageType(u)
		}
		if typ == "" {
			typ = "application/octet-stream"
		}
		out = append(out, enclosure{url: u, typ: typ, length: max(e.Length, 0)})
	}
	return out
}

// imageEnclosure is the lead image as an enclosure, for the formats that
// have no other place for it (Atom; RSS when the item has no enclosure):
// nil when there is no lead image, it is an enclosure already, or its type
// cannot be read from its URL.
func (e *entry) imageEnclosure() *enclosure {
	typ := news.ImageType(e.image)
	if e.image == "" || typ == "" {
		return nil
	}
	for _, x := range e.enclosures {
		if x.url == e.image {
			return nil
		}
	}
	return &enclosure{url: e.image, typ: typ}
}

// body returns the item's fullest HTML: the content when there is one, the summary otherwise.
func (e *entry) body() string {
	if e.content != "" {
		return e.content
	}
	return e.summary
}

// fill adds the publishable items among items (newest first, as the store
// gives them) to fd, withholding the others, until it holds p.limit
// entries. It returns the position of the last item it looked at, and
// whether items may remain after it: more were given than used, or as many
// as asked for (asked).
func (p *Publisher) fill(ctx context.Context, fd *feedData, feed string, items []news.Item, asked int) (last cursor, more bool) {
	used := 0
	sc := p.readStories(ctx, items)
	for i := range items {
		if len(fd.entries) == p.limit {
			break
		}
		it := &items[i]
		used++
		last = cursorOf(it)
		if !it.HasOriginalLink() {
			p.withhold(feed, it)
			continue
		}
		if fd.onePerStory != "" && !sc.standsFor(it, fd.onePerStory, fd.prefer) {
			continue // another report shows its story, crediting it
		}
		e := p.entry(it)
		p.creditStory(&e, it, sc)
		fd.entries = append(fd.entries, e)
	}
	for _, e := range fd.entries {
		if e.updated.After(fd.updated) {
			fd.updated = e.updated
		}
	}
	if fd.updated.IsZero() {
		fd.updated = undated
	}
	fd.setLang()
	return last, used < len(items) || len(items) == asked
}

// setLang sets the feed's language: the one most of its entries are in
// (the newest of them on a tie), "" when none has one.
func (fd *feedData) setLang() {
	count := map[string]int{}
	fd.lang = ""
	for _, e := range fd.entries {
		if e.lang == "" {
			continue
		}
		if count[e.lang]++; count[e.lang] > count[fd.lang] {
			fd.lang = e.lang
		}
	}
}

// entryLang is the language an entry must state itself: its own when it
// differs from the feed's, "" otherwise.
func (fd *feedData) entryLang(e *entry) string {
	if e.lang == fd.lang {
		return ""
	}
	return e.lang
}

// entry builds the entry of a publishable item.
func (p *Publisher) entry(it *news.Item) entry {
	e := p.entryHead(it)
	src := p.sources[it.SourceID]
	base, _ := url.Parse(e.link)
	if e.level != news.RepublishTitle {
		e.image = news.AbsoluteHTTP(base, it.Image)
		e.enclosures = enclosures(it.Enclosures, base)
	}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Summary
	}
	attribution := p.attribution(it, &e, &src, base)
	switch e.level {
	case news.RepublishFull:
		if full := sanitizeHTML(body, base); full != "" {
			e.content = full + attribution
		}
		e.summary = excerptHTML(body) + attribution
	case news.RepublishExcerpt:
		e.summary = excerptHTML(body) + attribution
	default:
		e.summary = attribution
	}
	return e
}

// entryHead is the part of an item's entry that lists and credits it
// (title, link, dates, source, authors, via, republish level) without its
// content: what quote rows and story reports show.
func (p *Publisher) entryHead(it *news.Item) entry {
	link := strings.TrimSpace(it.Link)
	base, _ := url.Parse(link)
	src, known := p.sources[it.SourceID]
	e := entry{
		id:         itemID(it),
		title:      plainText(it.Title),
		link:       stripIllegal(link),
		date:       it.Published,
		published:  !it.Published.IsZero(),
		lang:       itemLang(it, &src),
		sourceName: plainText(src.Name),
		sourceHome: news.AbsoluteHTTP(nil, src.Attribution.Link),
		sourceFeed: news.AbsoluteHTTP(nil, src.URL),
	}
	if e.title == "" {
		e.title = e.link
	}
	e.articleTitle = e.title
	if !e.published {
		e.date = it.FetchedAt
		if e.date.IsZero() {
			e.date = it.Updated
		}
	}
	e.updated = latest(e.date, it.Updated, it.Edited)
	e.stored = latest(it.FetchedAt, it.Edited)
	if e.sourceHome == "" {
		e.sourceHome = origin(base)
	}
	if e.sourceFeed == "" {
		e.sourceFeed = e.sourceHome
	}
	if e.sourceName == "" {
		e.sourceName = plainText(it.SourceID)
	}
	if e.sourceName == "" {
		e.sourceName = strings.TrimPrefix(base.Hostname(), "www.")
	}
	for _, a := range it.Authors {
		if a = plainText(a); a != "" {
			e.authors = append(e.authors, a)
		}
	}
	for _, c := range it.Categories {
		if c = plainText(c); c != "" {
			e.categories = append(e.categories, c)
		}
	}
	for _, v := range it.Via {
		if v = news.CollapseSpace(v); v != "" {
			e.via = append(e.via, v)
		}
	}

	// An unknown source (dropped from the config since) gets the most
	// conservative treatment: title and link only.
	level := src.Republish
	if !known {
		level = news.RepublishTitle
	} else if level == "" {
		level = news.RepublishFull // the config's default
	}
	e.level = level
	return e
}

// attribution returns the visible credit that ends every item's content:
// the source's attribution template (see news.AttributionTemplate) with
// {source} the source's name linking the original, {link} the original's
// URL linking it, {via} the outlets the story came through, and {notice}
// the reuse rule the source or the article states, linking the site it
// requires. A notice is never dropped: a template without {notice} gets it
// as a paragraph of its own.
func (p *Publisher) attribution(it *news.Item, e *entry, src *news.Source, base *url.URL) string {
	tmpl := p.templates[src.ID]
	if tmpl == nil {
		tmpl = p.templates[""]
	}
	notice := p.notice(it, e, src, base)
	value := func(name string) string {
		switch name {
		case news.PlaceholderSource:
			return `<a href="` + html.EscapeString(e.link) + `">` + textEscaper.Replace(e.sourceName) + "</a>"
		case news.PlaceholderLink:
			return `<a href="` + html.EscapeString(e.link) + `">` + textEscaper.Replace(e.link) + "</a>"
		case news.PlaceholderVia:
			return textEscaper.Replace(strings.Join(e.via, ", "))
		case news.PlaceholderNotice:
			return notice
		}
		return ""
	}
	var b strings.Builder
	for _, para := range tmpl.Execute(value, textEscaper.Replace) {
		b.WriteString("<p>" + para + "</p>")
	}
	if notice != "" && !tmpl.Uses(news.PlaceholderNotice) {
		b.WriteString("<p>" + notice + "</p>")
	}
	return b.String()
}

// notice returns the HTML of the item's reuse rule: the article's or the
// source's own words with the required site linked, or, when a link to
// another site is required without words, a sentence saying so; "" when
// there is no rule.
func (p *Publisher) notice(it *news.Item, e *entry, src *news.Source, base *url.URL) string {
	// the notice is plain text, escaped when written: "<AZ>" stays
	notice := news.CollapseSpace(it.Attribution.Notice)
	if notice == "" {
		notice = news.CollapseSpace(src.Attribution.Notice)
	}
	required := news.AbsoluteHTTP(nil, it.Attribution.Link)
	if required == "" {
		required = e.sourceHome
	}
	mustLink := it.Attribution.Required || src.Attribution.Required
	if notice == "" && !(mustLink && hostOf(required) != base.Hostname()) {
		return ""
	}
	label := strings.TrimPrefix(hostOf(required), "www.")
	anchor := `<a href="` + html.EscapeString(required) + `">`
	var b strings.Builder
	switch i := indexFold(notice, label); {
	case notice == "":
		b.WriteString("Reuse requires a hyperlink to ")
		b.WriteString(anchor + textEscaper.Replace(label) + "</a>")
	case i >= 0 && label != "":
		textEscaper.WriteString(&b, notice[:i])
		b.WriteString(anchor + textEscaper.Replace(notice[i:i+len(label)]) + "</a>")
		textEscaper.WriteString(&b, notice[i+len(label):])
	default:
		textEscaper.WriteString(&b, notice)
		b.WriteString(" " + anchor + textEscaper.Replace(label) + "</a>")
	}
	return b.String()
}

// indexFold returns the byte index of the first ASCII-case-insensitive
// occurrence of sub in s, or -1.
func indexFold(s, sub string) int {
	if sub == "" {
		return -1
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// origin returns scheme://host/ of u.
func origin(u *url.URL) string {
	return u.Scheme + "://" + u.Host + "/"
}

// itemID is an item's id in RSS (guid, isPermaLink="false"), Atom and JSON
// Feed alike: the name-based UUID (urn:uuid) of its source and the key the
// store first kept it under (news.Item.Key), which neither a new GUID nor a
// new link upstream changes. A key that is the upstream's GUID ("g:" and
// the GUID) names the item by the GUID alone, as Atom ids always did. An
// item not read from the store is named by its GUID, else its link.
func itemID(it *news.Item) string {
	return uuidURN(it.SourceID + "\n" + itemKey(it))
}

// itemKey is the part of an item's id that names it within its source (see itemID).
func itemKey(it *news.Item) string {
	switch {
	case strings.HasPrefix(it.Key, "g:"):
		return it.Key[len("g:"):]
	case it.Key != "":
		return it.Key
	case it.GUID != "":
		return it.GUID
	}
	return strings.TrimSpace(it.Link)
}

// latest returns the latest of ts (the zero time when all are zero).
func latest(ts ...time.Time) time.Time {
	var l time.Time
	for _, t := range ts {
		if t.After(l) {
			l = t
		}
	}
	return l
}

// uuidNamespace is syndic's UUID namespace for item ids; changing it
// changes every published id.
var uuidNamespace = [16]byte{0x6b, 0x1f, 0x3c, 0x52, 0x9a, 0x0e, 0x4d, 0x7b, 0x8c, 0x21, 0x5e, 0x93, 0x0f, 0xa4, 0xd8, 0x6e}

// uuidURN returns the name-based (version 5, SHA-1) UUID of name in
// syndic's namespace as a urn:uuid URI: the same name always gives the same id.
func uuidURN(name string) string {
	h := sha1.New()
	h.Write(uuidNamespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	var buf [36]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:])
	return "urn:uuid:" + string(buf[:])
}

// undated dates a feed that has neither a dated item nor a time from the
// store (which dates a section never changed by the store's creation): the
// Unix epoch, the same in every process. Never the clock: publishers in
// several processes serving one store must render the same bytes (and so
// the same ETags) for the same data.
var undated = time.Unix(0, 0).UTC()

// itemLang is the language an item is in: its own, else its source's; ""
// when neither is a well-formed tag.
func itemLang(it *news.Item, src *news.Source) string {
	if l := langTag(it.Lang); l != "" {
		return l
	}
	return langTag(src.Lang)
}

// langTag is a language as feeds may declare it: a well-formed BCP 47 tag
// in its canonical form ("ru", "en-GB"), "" for anything else.
func langTag(s string) string {
	t, err := language.Parse(strings.TrimSpace(s))
	if err != nil || t == language.Und {
		return ""
	}
	return t.String()
}

// quoteWords is what a quote feed or page may show of a quote's words
// under the source's reuse rule: all of them for full republication, the
// first sentence (at most 200 characters) for excerpts, none for title
// only: the speaker, the article's title and link say the rest.
func quoteWords(text string, level news.Republish) string {
	switch level {
	case news.RepublishFull:
		return text
	case news.RepublishExcerpt:
		if i := strings.IndexAny(text, ".!?"); i >= 0 && i+1 < len(text) {
			text = text[:i+1] + " …"
		}
		return shorten(text, 200)
	}
	return ""
}
