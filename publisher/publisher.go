// Package publisher serves syndic's sections as RSS 2.0, Atom 1.0 and JSON
// Feed 1.1 documents, and an HTML index of them, over HTTP.
//
// Every published item links to its original article and credits its
// source (and the outlets it came through) both in the feed's own fields and
// in a visible paragraph at the end of its content. An item without an
// absolute http(s) original link is withheld, never published bare.
//
// The publisher only reads the store, through the Store interface declared
// here. Rendered documents are cached in memory per section and format and
// rendered again only when the section's version changes.
package publisher

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/syndic/syndic/news"
)

// Store is what the publisher reads (the SQLite store satisfies it).
type Store interface {
	// SectionItems returns up to limit items routed into section, newest first.
	SectionItems(ctx context.Context, section string, limit int) ([]news.Item, error)
	// SectionVersion returns a number and a time that change whenever the
	// section's items change; the time is the section's last modification.
	SectionVersion(ctx context.Context, section string) (int64, time.Time, error)
}

// DefaultFeedLength is the number of items per feed when Options.FeedLength is not positive.
const DefaultFeedLength = 50

// Options configures a Publisher.
type Options struct {
	BaseURL    string         // public_url, no trailing slash: base of self links
	Sections   []news.Section // the sections served, in index order
	Sources    []news.Source  // who to credit: Name, Attribution{Link, Notice}, Republish
	FeedLength int            // items per feed (default 50)
	Logger     *slog.Logger   // nil: discard
	// Now is the clock (default time.Now). It dates only a feed that has
	// neither a section time nor a dated item; otherwise a rendered
	// document depends on the store's data alone.
	Now func() time.Time

	// Title names the site in the index page and as the feeds' author
	// (default "syndic").
	Title string
}

// Publisher is an http.Handler serving the feeds of the configured sections.
// It is safe for concurrent use.
type Publisher struct {
	st       Store
	base     string
	title    string
	sections []news.Section
	byID     map[string]news.Section
	sources  map[string]news.Source
	limit    int
	log      *slog.Logger
	now      func() time.Time
	mux      *http.ServeMux
	index    []byte
	indexTag string

	withheld   atomic.Int64
	withheldMu sync.Mutex
	seen       map[string]struct{} // withheld items already counted and logged

	cacheMu sync.Mutex
	cache   map[cacheKey]*cached
}

type cacheKey struct {
	section string
	format  format
}

// cached is one rendered document; mu is held while it is (re)rendered so
// concurrent requests for the same document render it once.
type cached struct {
	mu      sync.Mutex
	ok      bool
	version int64
	mod     time.Time
	body    []byte
	etag    string
}

// New returns a Publisher reading st. Options are copied; zero values get
// their documented defaults.
func New(st Store, opt Options) *Publisher {
	p := &Publisher{
		st:       st,
		base:     strings.TrimRight(opt.BaseURL, "/"),
		title:    opt.Title,
		sections: append([]news.Section(nil), opt.Sections...),
		byID:     make(map[string]news.Section, len(opt.Sections)),
		sources:  make(map[string]news.Source, len(opt.Sources)),
		limit:    opt.FeedLength,
		log:      opt.Logger,
		now:      opt.Now,
		seen:     make(map[string]struct{}),
		cache:    make(map[cacheKey]*cached),
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
	if p.now == nil {
		p.now = time.Now
	}
	for _, s := range p.sections {
		p.byID[s.ID] = s
	}
	for _, s := range opt.Sources {
		p.sources[s.ID] = s
	}
	p.index = p.renderIndex()
	p.indexTag = etagOf(p.index)
	p.mux = http.NewServeMux()
	p.mux.HandleFunc("GET /{$}", p.serveIndex)
	p.mux.HandleFunc("GET /feeds/{file}", p.serveFeed)
	return p
}

// ServeHTTP serves GET and HEAD of "/" (the HTML index) and of
// "/feeds/{section}.rss", ".atom" and ".json". Unknown paths and sections
// get 404, other methods 405. Feeds carry a strong ETag and, when the store
// gives a time, Last-Modified; conditional requests get 304.
func (p *Publisher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mux.ServeHTTP(w, r)
}

// Withheld returns how many distinct items have been withheld so far for
// lack of an absolute http(s) original link. Each is counted once however
// often it is met.
func (p *Publisher) Withheld() int64 { return p.withheld.Load() }

func (p *Publisher) serveIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("ETag", p.indexTag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(p.index))
}

func (p *Publisher) serveFeed(w http.ResponseWriter, r *http.Request) {
	file := r.PathValue("file")
	dot := strings.LastIndexByte(file, '.')
	if dot < 0 {
		http.NotFound(w, r)
		return
	}
	f, ok := formatByExt(file[dot+1:])
	sec, known := p.byID[file[:dot]]
	if !ok || !known {
		http.NotFound(w, r)
		return
	}
	body, etag, mod, err := p.document(r.Context(), sec, f)
	if err != nil {
		if r.Context().Err() == nil {
			p.log.Error("render feed", "section", sec.ID, "format", f.info().ext, "err", err)
		}
		http.Error(w, "feed unavailable", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", f.info().contentType)
	w.Header().Set("ETag", etag)
	http.ServeContent(w, r, "", mod, bytes.NewReader(body))
}

// document returns the rendered feed of sec in format f from the cache,
// rendering it first when the section's version has changed.
func (p *Publisher) document(ctx context.Context, sec news.Section, f format) (body []byte, etag string, mod time.Time, err error) {
	version, mod, err := p.st.SectionVersion(ctx, sec.ID)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	p.cacheMu.Lock()
	c := p.cache[cacheKey{sec.ID, f}]
	if c == nil {
		c = new(cached)
		p.cache[cacheKey{sec.ID, f}] = c
	}
	p.cacheMu.Unlock()

	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.ok || c.version != version || !c.mod.Equal(mod) {
		body, err := p.render(ctx, sec, f, mod)
		if err != nil {
			return nil, "", time.Time{}, err
		}
		c.ok, c.version, c.mod, c.body, c.etag = true, version, mod, body, etagOf(body)
	}
	return c.body, c.etag, c.mod, nil
}

// render reads the section's items and renders them in format f.
func (p *Publisher) render(ctx context.Context, sec news.Section, f format, mod time.Time) ([]byte, error) {
	// Ask for a few more than needed so that withheld items do not shorten the feed.
	items, err := p.st.SectionItems(ctx, sec.ID, p.limit+p.limit/4+1)
	if err != nil {
		return nil, err
	}
	fd := p.prepare(sec, items, mod)
	switch f {
	case formatRSS:
		return p.renderRSS(fd, f)
	case formatAtom:
		return p.renderAtom(fd, f)
	case formatJSON:
		return p.renderJSON(fd, f)
	}
	return nil, errors.New("render feed: unknown format")
}

// withhold counts and logs an item without an original link, once per item.
func (p *Publisher) withhold(section string, it *news.Item) {
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
		"source", it.SourceID, "guid", it.GUID, "link", it.Link, "section", section)
}

// etagOf returns a strong ETag derived from the bytes alone.
func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
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
}

var formats = [...]formatInfo{
	formatRSS:  {"rss", "application/rss+xml; charset=utf-8"},
	formatAtom: {"atom", "application/atom+xml; charset=utf-8"},
	formatJSON: {"json", "application/feed+json; charset=utf-8"},
}

func (f format) info() formatInfo { return formats[f] }

func formatByExt(ext string) (format, bool) {
	for f := formatRSS; f <= formatJSON; f++ {
		if formats[f].ext == ext {
			return f, true
		}
	}
	return 0, false
}

// feedPath returns the path a section's feed is served at.
func feedPath(section string, f format) string {
	return "/feeds/" + url.PathEscape(section) + "." + f.info().ext
}
