// Package publisher serves syndic's sections and sources as RSS 2.0, Atom
// 1.0 and JSON Feed 1.1 documents, an OPML list of them and an HTML index,
// over HTTP.
//
// Every published item links to its original article and credits its
// source (and the outlets it came through) both in the feed's own fields and
// in a visible attribution paragraph at the end of its content. An item
// without an absolute http(s) original link is withheld, never published bare.
//
// The publisher only reads the store, through the Store interface declared
// here. Rendered documents are cached in memory per feed, format and page,
// compressed once (gzip and brotli) when rendered, and rendered again only
// when the store says their section (or, for source feeds and the index,
// any section) has changed. The three formats of a page are written from
// one reading of the store and one build of its entries per version. The store is asked at most once per
// Options.Recheck per section, so serving a cached document never touches
// the database.
//
// Feeds are paged as RFC 5005 describes: each document links the next older
// page (rel="next" and rel="prev-archive"; JSON Feed's next_url), whose URL
// carries a cursor (?before=) rather than a page number, so walking back
// from the newest page meets every item once even while new items arrive.
package publisher

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/syndic/syndic/news"
)

// Store is what the publisher reads (the SQLite store satisfies it).
//
// Items come newest first by position: (Published, or FetchedAt when
// Published is zero; then ID). A page "before" a position holds the items
// strictly older than it; a zero before time means from the newest.
type Store interface {
	// SectionItemsBefore returns up to limit items routed into section older than the position.
	SectionItemsBefore(ctx context.Context, section string, before time.Time, beforeID int64, limit int) ([]news.Item, error)
	// SectionVersion returns a number and a time that change whenever the
	// section's items change; the time is the section's last modification.
	SectionVersion(ctx context.Context, section string) (int64, time.Time, error)
	// SourceItems returns up to limit items of a source that are in some section, older than the position.
	SourceItems(ctx context.Context, sourceID string, before time.Time, beforeID int64, limit int) ([]news.Item, error)
	// Version returns a number and a time that change whenever any section changes.
	Version(ctx context.Context) (int64, time.Time, error)
}

// DefaultFeedLength is the number of items per feed page when Options.FeedLength is not positive.
const DefaultFeedLength = 50

// Defaults of Options.
const (
	DefaultRecheck = 2 * time.Second
	DefaultMaxAge  = time.Minute
)

// Options configures a Publisher.
type Options struct {
	BaseURL    string         // public_url, no trailing slash: base of self links
	Sections   []news.Section // the sections served, in index order
	Sources    []news.Source  // who to credit: Name, Attribution{Link, Notice}, Republish, AttributionTemplate
	FeedLength int            // items per feed page (default 50)
	Logger     *slog.Logger   // nil: discard
	// Title names the site in the index page and as the feeds' author
	// (default "syndic").
	Title string

	// AttributionTemplate is the attribution paragraph of sources whose
	// AttributionTemplate is empty (default news.DefaultAttributionTemplate).
	// New panics on a template ParseAttributionTemplate rejects: the config
	// validates them first.
	AttributionTemplate string

	// Hub is a WebSub hub URL: feeds name it (<link rel="hub">, a Link
	// header) and Run pings it when a section changes. "" means none.
	Hub string
	// HubPoster sends the pings; syndic's one guarded outbound client
	// (aggregator/fetch) in production. Without it no ping is sent.
	HubPoster FormPoster

	// Recheck is how stale a served document may be: a section's version
	// is read from the store at most this often (default 2s). A negative
	// value reads it on every request.
	Recheck time.Duration
	// MaxAge is the Cache-Control max-age of the newest page of each feed,
	// the index and the OPML (default 1 minute); older pages get an hour.
	MaxAge time.Duration

	// QuotesURL is where the index links quote search (default "/quotes").
	QuotesURL string

	// Metrics registers the publisher's metrics (nil: not exported).
	Metrics prometheus.Registerer

	// Search answers quote search, the speaker feeds and full-text search
	// (nil: those paths are 404).
	Search Searcher
	// MaxSearches is how many queries (search, quotes, their feeds) run at
	// once; more are answered 503 with Retry-After (default
	// DefaultMaxSearches). Keep it under the store's reader connections,
	// so that feed and health reads always find one.
	MaxSearches int
	// SearchTimeout bounds one query's work (default DefaultSearchTimeout);
	// a query whose client goes away stops at once.
	SearchTimeout time.Duration
}

// Publisher is an http.Handler serving the feeds of the configured sections
// and sources. It is safe for concurrent use.
type Publisher struct {
	st        Store
	search    Searcher
	base      string
	title     string
	sections  []news.Section
	sources   map[string]news.Source
	srcOrder  []news.Source
	templates map[string]*news.AttributionTemplate // by source id; "" the default
	limit     int
	log       *slog.Logger
	hub       string
	hubPoster FormPoster
	recheck   time.Duration
	maxAge    time.Duration
	quotesURL string
	epoch     time.Time // monotonic origin of dep.checked
	m         *metrics

	routes  map[string]*route // by path
	secDeps map[string]*dep   // by section id
	all     *dep              // any section: source feeds and the index
	feedsOf map[*dep][]*route

	pagesMu    sync.Mutex
	pages      map[pageKey]*pageEntry  // older pages' documents, bounded
	builds     map[buildKey]*pageBuild // older pages' built entries, bounded
	pagesBuilt atomic.Int64            // pages built (read from the store, entries made), for tests

	withheld   atomic.Int64
	withheldMu sync.Mutex
	seen       map[string]struct{} // withheld items already counted and logged

	pings sync.WaitGroup

	readErr       atomic.Pointer[error] // the last feed read's error, nil after a success
	readErrLogged atomic.Int64          // when a read error was last logged, ns since epoch
	searches      chan struct{}         // a token per query in flight
	searchTimeout time.Duration
}

// New returns a Publisher reading st. Options are copied; zero values get
// their documented defaults.
func New(st Store, opt Options) *Publisher {
	p := &Publisher{
		st:        st,
		search:    opt.Search,
		base:      strings.TrimRight(opt.BaseURL, "/"),
		title:     opt.Title,
		sections:  append([]news.Section(nil), opt.Sections...),
		sources:   make(map[string]news.Source, len(opt.Sources)),
		srcOrder:  append([]news.Source(nil), opt.Sources...),
		templates: make(map[string]*news.AttributionTemplate),
		limit:     opt.FeedLength,
		log:       opt.Logger,
		hub:       opt.Hub,
		hubPoster: opt.HubPoster,
		recheck:   opt.Recheck,
		maxAge:    opt.MaxAge,
		quotesURL: opt.QuotesURL,
		epoch:     time.Now(),
		routes:    make(map[string]*route),
		secDeps:   make(map[string]*dep),
		feedsOf:   make(map[*dep][]*route),
		pages:     make(map[pageKey]*pageEntry),
		builds:    make(map[buildKey]*pageBuild),
		seen:      make(map[string]struct{}),
	}
	if p.title == "" {
		p.title = "syndic"
	}
	if p.limit <= 0 {
		p.limit = DefaultFeedLength
	}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	if p.recheck == 0 {
		p.recheck = DefaultRecheck
	}
	if p.maxAge <= 0 {
		p.maxAge = DefaultMaxAge
	}
	if p.quotesURL == "" {
		p.quotesURL = "/quotes"
	}
	if opt.MaxSearches <= 0 {
		opt.MaxSearches = DefaultMaxSearches
	}
	p.searches = make(chan struct{}, opt.MaxSearches)
	p.searchTimeout = opt.SearchTimeout
	if p.searchTimeout <= 0 {
		p.searchTimeout = DefaultSearchTimeout
	}
	p.m = newMetrics(opt.Metrics, p)
	p.templates[""] = mustTemplate(opt.AttributionTemplate)
	for _, s := range opt.Sources {
		p.sources[s.ID] = s
		if s.AttributionTemplate != "" {
			p.templates[s.ID] = mustTemplate(s.AttributionTemplate)
		}
	}
	p.all = &dep{}
	for _, s := range p.sections {
		d, fe := &dep{section: s.ID}, new(feed)
		p.secDeps[s.ID] = d
		for f := formatRSS; f <= formatJSON; f++ {
			p.addRoute(&route{kind: kindSection, id: s.ID, format: f, path: feedPath(s.ID, f), dep: d, feed: fe})
		}
	}
	for _, s := range p.srcOrder {
		fe := new(feed)
		for f := formatRSS; f <= formatJSON; f++ {
			p.addRoute(&route{kind: kindSource, id: s.ID, format: f, path: sourceFeedPath(s.ID, f), dep: p.all, feed: fe})
		}
	}
	p.addRoute(&route{kind: kindIndex, path: "/", dep: p.all})
	// The OPML depends on the config alone, but is dated, as the index is,
	// by the store's last change.
	p.addRoute(&route{kind: kindOPML, path: opmlPath, dep: p.all})
	for path := range images {
		p.addRoute(&route{kind: kindImage, path: path})
	}
	return p
}

func mustTemplate(s string) *news.AttributionTemplate {
	if s == "" {
		s = news.DefaultAttributionTemplate
	}
	t, err := news.ParseAttributionTemplate(s)
	if err != nil {
		panic("publisher: " + err.Error())
	}
	return t
}

func (p *Publisher) addRoute(rt *route) {
	p.routes[rt.path] = rt
	if rt.dep != nil && rt.format != 0 {
		p.feedsOf[rt.dep] = append(p.feedsOf[rt.dep], rt)
	}
}

// ServeHTTP serves GET and HEAD of "/" (the HTML index), "/opml", and
// "/feeds/{section}.rss", ".atom", ".json" and "/feeds/source/{id}.rss",
// ".atom", ".json", each optionally with ?before= (an older page, as linked
// from the newer one). Unknown paths get 404, a bad cursor 400, other
// methods 405. While the store cannot be read, each document is served as
// it was last read (stale-if-error), and one never read gets 503 with
// Retry-After. Responses carry a strong ETag, Last-Modified when the store
// gives a time, Cache-Control and Vary: Accept-Encoding; conditional
// requests get 304; gzip and brotli are served when accepted.
func (p *Publisher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rt := p.routes[r.URL.Path]
	if rt == nil && isQueryPath(r.URL.Path) {
		p.serveQuery(w, r)
		return
	}
	if rt == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header()["Allow"] = allowGetHead
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var cur cursor
	if r.URL.RawQuery != "" && rt.format != 0 {
		var ok bool
		if cur, ok = parseCursorQuery(r.URL.RawQuery); !ok {
			http.Error(w, "bad page cursor", http.StatusBadRequest)
			return
		}
	}
	d, err := p.document(r.Context(), rt, cur)
	if err != nil {
		if r.Context().Err() == nil {
			p.logReadError(rt.path, err)
		}
		w.Header()["Retry-After"] = retryAfter
		http.Error(w, "feed unavailable: the database cannot be read; try again later", http.StatusServiceUnavailable)
		return
	}
	p.serveDoc(w, r, d)
}

// retryAfter is the Retry-After of a document the publisher cannot read
// and never had: about the time a database takes to restart.
var retryAfter = []string{"10"}

// ReadError returns the error of the last read of the store for a feed
// document, or nil when the last one succeeded. /healthz reports it: while
// it is set, feeds are served from the documents last read (see
// ServeHTTP), or 503 for those never read.
func (p *Publisher) ReadError() error {
	if e := p.readErr.Load(); e != nil {
		return *e
	}
	return nil
}

var allowGetHead = []string{"GET, HEAD"}

// Withheld returns how many distinct items have been withheld so far for
// lack of an absolute http(s) original link. Each is counted once however
// often it is met.
func (p *Publisher) Withheld() int64 { return p.withheld.Load() }

// withhold counts and logs an item without an original link, once per item.
func (p *Publisher) withhold(feed string, it *news.Item) {
	key := it.SourceID + "\x00" + it.GUID
	if it.GUID == "" {
		key += "\x00" + it.Link + "\x00" + it.Title
	}
	p.withheldMu.Lock()
	_, dup := p.seen[key]
	if !dup {
		p.seen[key] = struct{}{}
	}
	p.withheldMu.Unlock()
	if dup {
		return
	}
	p.withheld.Add(1)
	p.log.Warn("item withheld: no absolute http(s) original link",
		"source", it.SourceID, "guid", it.GUID, "link", it.Link, "feed", feed)
}

// format is one of the three feed formats.
type format uint8

const (
	formatRSS format = iota + 1
	formatAtom
	formatJSON
)

type formatInfo struct {
	ext         string
	contentType string
	name        string
}

var formats = [...]formatInfo{
	formatRSS:  {"rss", "application/rss+xml; charset=utf-8", "RSS"},
	formatAtom: {"atom", "application/atom+xml; charset=utf-8", "Atom"},
	formatJSON: {"json", "application/feed+json; charset=utf-8", "JSON Feed"},
}

func (f format) info() formatInfo { return formats[f] }

// mime is the content type without parameters.
func (f format) mime() string {
	ct, _, _ := strings.Cut(formats[f].contentType, ";")
	return ct
}

// feedPath returns the path a section's feed is served at.
func feedPath(section string, f format) string {
	return "/feeds/" + url.PathEscape(section) + "." + f.info().ext
}

// sourceFeedPath returns the path a source's feed is served at.
func sourceFeedPath(source string, f format) string {
	return "/feeds/source/" + url.PathEscape(source) + "." + f.info().ext
}

const opmlPath = "/opml"
