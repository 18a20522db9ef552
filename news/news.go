// Package news holds the domain types every room of syndic speaks: sources,
// sections, items, quotes and attribution, and what the aggregator and the
// publisher exchange with the store (saved.go, quotesearch.go); and the
// rules about their values that more than one room applies: links (link.go),
// the words dates are printed with (dates.go), plain text from HTML
// (text.go) and words with their stems (words.go). It does no I/O.
package news

import "time"

// Republish is how much of a source's items may be republished.
type Republish string

// Republication levels, from most to least.
const (
	RepublishFull    Republish = "full"    // the whole body
	RepublishExcerpt Republish = "excerpt" // the first paragraphs only
	RepublishTitle   Republish = "title"   // the title and the link only
)

// Section is one republished feed: items from any source routed into it.
type Section struct {
	ID          string
	Title       string
	Description string
	// OnePerStory shows a story reported by several outlets once: its
	// first report in the section, crediting the others.
	OnePerStory bool
	// Prefer names sources, most preferred first, whose report stands for
	// a story in a OnePerStory section, before the first report.
	Prefer []string
}

// Source is an upstream outlet as the rest of the program needs to know it:
// who to credit and how much of its text may be republished.
type Source struct {
	ID   string
	Name string // credited name, e.g. "Lenta.ru"
	URL  string // the feed or listing page
	Lang string
	// Attribution the source demands besides the item's own link; Link is
	// the home page to credit when the config names none.
	Attribution Attribution
	Republish   Republish
	// AttributionTemplate is the source's attribution paragraph (see
	// AttributionTemplate); "" means the publisher's default.
	AttributionTemplate string
	// Unrouted says that no section can take the source's items: it names
	// none and no section's rule reads it. Its feed can never have items,
	// so it is not offered.
	Unrouted bool
}

// Selectors are a source's CSS selectors that win over the generic reading
// of its article pages, field by field; an empty one leaves its field to the
// generic reading. config checks that each is valid CSS; the extractor reads
// an invalid one as absent.
type Selectors struct {
	Body    string   `yaml:"body"`
	Title   string   `yaml:"title"`
	Authors string   `yaml:"authors"`
	Date    string   `yaml:"date"`
	Section string   `yaml:"section"`
	Drop    []string `yaml:"drop"` // elements removed before anything is read
}

// Attribution is a source's reuse rule: whether a hyperlink is required,
// where it must point and the source's own words.
type Attribution struct {
	Required bool   `json:"required"`
	Link     string `json:"link"`
	Notice   string `json:"notice"`
}

// Quote is one attributed statement found in an article.
type Quote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"` // full name, nominative; "" when nobody can be named
	Role    string `json:"role"`    // e.g. "FSB Director"
	Verb    string `json:"verb"`    // the speech verb, e.g. "explained", "заявил"
	Direct  bool   `json:"direct"`  // words inside quotation marks (or dash speech)
	Pos     int    `json:"-"`       // byte offset in the body text where the quote starts
}

// Item is one article of one source.
type Item struct {
	ID       int64  // store id; 0 until stored
	SourceID string // the config id of the source
	GUID     string // the feed's id for the item (or a derived key, see store)
	Link     string // the original article URL, absolute http(s)
	Title    string // plain text
	Summary  string // short description, HTML as the feed gave it
	Content  string // full text, HTML (feed full text or extracted body)
	// Text is the plain text of Content, or of Summary when there is no
	// Content (see BodyText), computed once when the item is read, by the
	// extractor or PlainText, and handed to quote finding, routing and the
	// search index. It is not stored: items read back from the store
	// have it empty.
	Text string
	// Authors are person names as printed in the byline.
	Authors    []string
	Categories []string // the upstream's own rubrics
	// Section is the upstream's own section of the article page (e.g. "REGION").
	Section   string
	Published time.Time // zero when unknown
	Updated   time.Time // zero when unknown
	Image     string    // lead image URL
	Lang      string
	Via       []string // outlets the story came through, e.g. ["TASS"]
	// Publisher are the names its outlet goes by (its source's name, the
	// names its article page gives itself), which quote finding never
	// credits in the outlet's own text. Not stored.
	Publisher []string
	// Attribution is the rule stated on the article page itself, if any.
	Attribution Attribution
	Quotes      []Quote
	// Sections are syndic's sections the item is routed into.
	Sections  []string
	FetchedAt time.Time // when syndic first stored it

	// Enclosures are the media files the upstream attached to the item
	// (images, audio, video), in its order, each URL once (see media.go).
	Enclosures []Enclosure
	// Key identifies the item within its source for good: the store's
	// dedup key, derived when the item is first stored and never changed
	// afterwards, even when the upstream changes the item's GUID or link
	// (see store). It is "" until the item is stored.
	Key string
	// Story is the story the item reports across outlets: the id of the
	// story's first report (see aggregator/story); 0 when not grouped.
	Story int64
	// Edited is when syndic last stored a change the upstream made to the
	// item (its title, text, byline, dates, media …); zero when the item
	// has not changed since it was first stored. Set by the store.
	Edited time.Time
}

// Enclosure is a media file attached to an item: an RSS <enclosure>, an
// Atom link rel="enclosure", a Media RSS media:content or a JSON Feed
// attachment.
type Enclosure struct {
	URL    string `json:"url"`              // absolute http(s)
	Type   string `json:"type,omitempty"`   // MIME type ("audio/mpeg"); "" when unknown
	Length int64  `json:"length,omitempty"` // in bytes; 0 when unknown
}

// BodyText returns the item's plain text: Text when it is set, else the
// PlainText of Content, or of Summary when there is no Content.
func (it *Item) BodyText() string {
	if it.Text != "" {
		return it.Text
	}
	if it.Content != "" {
		return PlainText(it.Content)
	}
	return PlainText(it.Summary)
}

// HasOriginalLink reports whether the item can be linked to its origin: an
// absolute http or https URL with a host. Items without one are never published.
func (it *Item) HasOriginalLink() bool {
	return IsAbsoluteHTTP(it.Link)
}
