// Package config reads feeds.yaml: its types, strict decoding, defaults and
// validation. Every error names the file, line, column and field it is about.
package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// DefaultPath is the config file every subcommand reads unless told otherwise.
const DefaultPath = "feeds.yaml"

// Config is the whole of feeds.yaml.
type Config struct {
	// Database is a SQLite file path (the embedded default), or a
	// postgres:// URL: a PostgreSQL database that several crawler and
	// publisher processes can share.
	Database string `yaml:"database"`
	// Listen is the address the publisher serves on.
	Listen string `yaml:"listen"`
	// OpsListen is where /healthz and /metrics are served ("": beside the
	// feeds when Listen is a loopback address, else nowhere).
	OpsListen string `yaml:"ops_listen"`
	// PublicURL is the base of self links in the feeds (set it behind a proxy).
	PublicURL string `yaml:"public_url"`
	// UserAgent overrides the User-Agent sent upstream.
	UserAgent string `yaml:"user_agent"`
	// Fetch holds the fetcher's limits, shared by every source.
	Fetch Fetch `yaml:"fetch"`
	// FeedLength is how many items a section feed carries.
	FeedLength int `yaml:"feed_length"`
	// WebSubHub is the URL of a WebSub hub the feeds name in <link
	// rel="hub"> and that is pinged when a section gains items ("": none).
	WebSubHub string `yaml:"websub_hub"`
	// Attribution holds the defaults of every source's attribution.
	Attribution AttributionDefaults `yaml:"attribution"`
	Sections    []Section           `yaml:"sections"`
	Sources     []Source            `yaml:"sources"`
	// Speakers merges and separates quoted speakers by hand.
	Speakers Speakers `yaml:"speakers"`

	// file is where the config was read from; pos maps field paths such as
	// "sources[2].interval" to their place in it.
	file string
	pos  map[string]Pos
}

// Speakers are the speaker registry's rules set by hand: each entry of
// Merge lists the keys or names of one speaker, the first the key they are
// known by ("mike-pompeo", "Майкл Помпео"); each entry of Separate lists
// keys or names no two of which are ever taken for one speaker.
type Speakers struct {
	Merge    [][]string `yaml:"merge"`
	Separate [][]string `yaml:"separate"`
}

// Fetch is the fetcher's configuration: limits on what one answer may
// cost, politeness towards hosts, and the bounds of each source's adaptive
// schedule. Timeout, MaxBytes and MaxItems can be overridden per source.
type Fetch struct {
	Timeout       Duration `yaml:"timeout"`        // whole request, body included
	HeaderTimeout Duration `yaml:"header_timeout"` // until the response headers
	MaxBytes      ByteSize `yaml:"max_bytes"`      // body cap after decompression
	MaxItems      int      `yaml:"max_items"`      // items kept per feed document
	MaxRedirects  int      `yaml:"max_redirects"`  // redirects followed per request
	// MaxDepth caps the element nesting of a feed (XML) or article page
	// (HTML).
	MaxDepth int `yaml:"max_depth"`
	// ExtractTimeout is the time budget of extracting one article page.
	ExtractTimeout Duration `yaml:"extract_timeout"`
	// HostSpacing is the least time between two requests to one host
	// (a longer Crawl-delay in its robots.txt wins, up to 30s).
	HostSpacing Duration `yaml:"host_spacing"`
	// RobotsTxt: honour each host's robots.txt (read again daily).
	RobotsTxt bool `yaml:"robots_txt"`
	// MinInterval and MaxInterval bound every source's adaptive interval
	// unless the source sets its own.
	MinInterval Duration `yaml:"min_interval"`
	MaxInterval Duration `yaml:"max_interval"`
	// MaxBackoff caps the wait after repeated failures.
	MaxBackoff Duration `yaml:"max_backoff"`
	// FlagAfter is the number of consecutive failures after which a
	// source is flagged as failing (in crawl --once, /healthz and the log).
	FlagAfter int `yaml:"flag_after"`
	// Lease is how long a crawler's claim on a source lasts unrenewed when
	// crawlers share a PostgreSQL database: a killed crawler's sources are
	// taken over by the others this long after it stopped renewing.
	Lease Duration `yaml:"lease"`
	// PageWait is how long a source's crawl waits for its new items'
	// article pages before storing the items still waiting with the
	// feed's own text (updated when their pages are read); listing-page
	// items wait for their pages in any case.
	PageWait Duration `yaml:"page_wait"`
	// PagesPerHost caps the article pages one crawl of a source queues
	// per article host, newest items first; the rest wait for later passes.
	PagesPerHost int `yaml:"pages_per_host"`
}

// Section is one republished section.
type Section struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// Match routes items of any source into the section by their text.
	Match Match `yaml:"match"`
}

// Match is a section's routing rule (see aggregator/route for the terms).
type Match struct {
	Any     []string `yaml:"any"`     // terms, any of which puts an item in
	In      []string `yaml:"in"`      // title, body, categories; default title and body
	Not     []string `yaml:"not"`     // terms, any of which keeps an item out
	Sources []string `yaml:"sources"` // only items of these sources
}

// Empty reports whether the rule says nothing.
func (m Match) Empty() bool { return len(m.Any) == 0 && len(m.Sources) == 0 }

// Source is one upstream.
type Source struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
	Lang string `yaml:"lang"`
	// Sections names the sections this source's items go to; an entry may
	// carry a rule on the item's own categories.
	Sections    []SectionRef `yaml:"sections"`
	Attribution Attribution  `yaml:"attribution"`
	// Interval is the starting interval between fetches; the crawler
	// adapts it within [MinInterval, MaxInterval].
	Interval Duration `yaml:"interval"`
	// MinInterval and MaxInterval override fetch.min_interval and
	// fetch.max_interval for this source.
	MinInterval Duration `yaml:"min_interval"`
	MaxInterval Duration `yaml:"max_interval"`
	// Timeout, MaxBytes and MaxItems override the fetch: limits of the
	// same name for this source (0: inherit).
	Timeout  Duration `yaml:"timeout"`
	MaxBytes ByteSize `yaml:"max_bytes"`
	MaxItems int      `yaml:"max_items"`
	// AllowPrivate lets this source resolve to a loopback or private address.
	AllowPrivate bool `yaml:"allow_private"`
	// Timezone is the IANA zone of dates the source prints without an offset.
	Timezone string `yaml:"timezone"`
	// Republish is how much of the text may be republished.
	Republish news.Republish `yaml:"republish"`
	// Kind is "feed" (RSS, Atom or JSON Feed at URL) or "page" (a listing
	// page whose ItemLinks are the articles).
	Kind string `yaml:"kind"`
	// ItemLinks is the CSS selector of article links on a "page" source.
	ItemLinks string `yaml:"item_links"`
	// FetchArticle says whether each new item's article page is fetched and
	// extracted; unset means "when the feed carries no full text".
	FetchArticle *bool `yaml:"fetch_article"`
	// Extract overrides the generic article extraction with CSS selectors.
	Extract news.Selectors `yaml:"extract"`
}

// Source kinds.
const (
	KindFeed = "feed"
	KindPage = "page"
)

// SectionRef puts a source's items into a section: all of them, or, when
// Categories is set, those whose own categories include one of these.
type SectionRef struct {
	ID         string   `yaml:"id"`
	Categories []string `yaml:"categories"`
}

// Attribution is how a source is credited.
type Attribution struct {
	Link   string `yaml:"link"`   // where the credit points besides the item's link
	Notice string `yaml:"notice"` // the source's own words, when it states a rule
	// Template is the attribution paragraph ending each item, with
	// {source}, {link}, {via} and {notice} (see news.AttributionTemplate);
	// "" means the top-level attribution.template.
	Template string `yaml:"template"`
}

// AttributionDefaults is the top-level attribution key.
type AttributionDefaults struct {
	// Template is the attribution paragraph of sources that give none
	// ("" means news.DefaultAttributionTemplate).
	Template string `yaml:"template"`
}

// Pos is a place in the config file.
type Pos struct{ Line, Column int }

// Defaults for values feeds.yaml leaves out.
const (
	DefaultDatabase   = "syndic.db"
	DefaultListen     = "127.0.0.1:8080"
	DefaultInterval   = 10 * time.Minute
	DefaultTimeout    = 30 * time.Second
	DefaultMaxBytes   = 10 << 20
	DefaultMaxItems   = 1000
	DefaultFeedLength = 50
	MinInterval       = 30 * time.Second

	DefaultHeaderTimeout  = 15 * time.Second
	DefaultMaxRedirects   = 10
	DefaultMaxDepth       = 512
	DefaultExtractTimeout = 10 * time.Second
	DefaultHostSpacing    = time.Second
	DefaultMinInterval    = 5 * time.Minute
	DefaultMaxInterval    = 2 * time.Hour
	DefaultMaxBackoff     = 6 * time.Hour
	DefaultFlagAfter      = 5
	DefaultLease          = time.Minute
	DefaultPageWait       = 30 * time.Second
	DefaultPagesPerHost   = 50
)

// Default returns the configuration used for every key feeds.yaml omits.
func Default() Config {
	return Config{
		Database:   DefaultDatabase,
		Listen:     DefaultListen,
		FeedLength: DefaultFeedLength,
		Fetch: Fetch{
			Timeout:        Duration(DefaultTimeout),
			HeaderTimeout:  Duration(DefaultHeaderTimeout),
			MaxBytes:       DefaultMaxBytes,
			MaxItems:       DefaultMaxItems,
			MaxRedirects:   DefaultMaxRedirects,
			MaxDepth:       DefaultMaxDepth,
			ExtractTimeout: Duration(DefaultExtractTimeout),
			HostSpacing:    Duration(DefaultHostSpacing),
			RobotsTxt:      true,
			MinInterval:    Duration(DefaultMinInterval),
			MaxInterval:    Duration(DefaultMaxInterval),
			MaxBackoff:     Duration(DefaultMaxBackoff),
			FlagAfter:      DefaultFlagAfter,
			Lease:          Duration(DefaultLease),
			PageWait:       Duration(DefaultPageWait),
			PagesPerHost:   DefaultPagesPerHost,
		},
	}
}

// File is the path the config was loaded from ("" when built in code).
func (c *Config) File() string { return c.file }

// PublicBase is PublicURL without a trailing slash, or http://Listen.
func (c *Config) PublicBase() string {
	if c.PublicURL != "" {
		return strings.TrimRight(c.PublicURL, "/")
	}
	return "http://" + c.Listen
}

// Source returns the source with the given id.
func (c *Config) Source(id string) (Source, bool) {
	for _, s := range c.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// NewsSections returns the sections as domain values, in config order.
func (c *Config) NewsSections() []news.Section {
	out := make([]news.Section, len(c.Sections))
	for i, s := range c.Sections {
		out[i] = news.Section{ID: s.ID, Title: s.Title, Description: s.Description}
	}
	return out
}

// NewsSources returns the sources as domain values, in config order, each
// marked Unrouted when no section can take its items.
func (c *Config) NewsSources() []news.Source {
	out := make([]news.Source, len(c.Sources))
	for i, s := range c.Sources {
		out[i] = s.News()
		out[i].Unrouted = !c.routed(s)
	}
	return out
}

// routed reports whether some section can take items of s: s names one,
// or a section's rule reads every source or s among them.
func (c *Config) routed(s Source) bool {
	if len(s.Sections) > 0 {
		return true
	}
	for _, sec := range c.Sections {
		if !sec.Match.Empty() && (len(sec.Match.Sources) == 0 || slices.Contains(sec.Match.Sources, s.ID)) {
			return true
		}
	}
	return false
}

// News returns the source as the domain value the rest of syndic uses.
func (s Source) News() news.Source {
	link := s.Attribution.Link
	if link == "" {
		link = homePage(s.URL)
	}
	return news.Source{
		ID:   s.ID,
		Name: s.Name,
		URL:  s.URL,
		Lang: s.Lang,
		Attribution: news.Attribution{
			Required: s.Attribution.Notice != "",
			Link:     link,
			Notice:   s.Attribution.Notice,
		},
		Republish:           s.Republish,
		AttributionTemplate: s.Attribution.Template,
	}
}

// Limits are the fetch limits in force for one source: the fetch: values
// with the source's own overrides applied.
type Limits struct {
	Timeout  time.Duration
	MaxBytes int64
	MaxItems int
}

// Limits returns the limits in force for s.
func (f Fetch) Limits(s Source) Limits {
	l := Limits{Timeout: f.Timeout.D(), MaxBytes: int64(f.MaxBytes), MaxItems: f.MaxItems}
	if s.Timeout > 0 {
		l.Timeout = s.Timeout.D()
	}
	if s.MaxBytes > 0 {
		l.MaxBytes = int64(s.MaxBytes)
	}
	if s.MaxItems > 0 {
		l.MaxItems = s.MaxItems
	}
	return l
}

// Bounds returns the range [lo, hi] within which the crawler adapts the
// interval of s: the source's own bounds, or fetch's widened to contain
// the source's interval.
func (f Fetch) Bounds(s Source) (lo, hi time.Duration) {
	lo, hi = min(f.MinInterval.D(), s.Interval.D()), max(f.MaxInterval.D(), s.Interval.D())
	if s.MinInterval > 0 {
		lo = s.MinInterval.D()
	}
	if s.MaxInterval > 0 {
		hi = s.MaxInterval.D()
	}
	return lo, max(lo, hi)
}

// Location is the source's time zone (UTC when unset or unknown).
func (s Source) Location() *time.Location {
	if s.Timezone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(s.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Duration is a time.Duration written as "10m", "1h30m".
type Duration time.Duration

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

func (d Duration) String() string { return time.Duration(d).String() }

// ByteSize is a size written as 1048576, "512KB", "10MB" or "1GB" (powers of 1024).
type ByteSize int64

// ParseByteSize reads a size such as "10MB".
func ParseByteSize(s string) (ByteSize, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	var n int64
	if _, err := fmt.Sscanf(t, "%d", &n); err != nil || n <= 0 || fmt.Sprint(n) != t {
		return 0, fmt.Errorf("invalid size %q (want e.g. 10MB)", s)
	}
	return ByteSize(n * mult), nil
}

func homePage(raw string) string {
	i := strings.Index(raw, "://")
	if i < 0 {
		return raw
	}
	rest := raw[i+3:]
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	}
	return raw[:i+3] + rest
}
