package publisher

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"
)

// docKind is what a route serves.
type docKind uint8

const (
	kindSection docKind = iota + 1
	kindSource
	kindIndex
	kindOPML
	kindImage // the icon and logo (icon.go)
)

// route is one served path: its newest page cached in head, older pages in
// Publisher.pages.
type route struct {
	kind   docKind
	id     string // section or source id
	format format // 0 for the index and the OPML
	path   string
	dep    *dep  // what its content depends on; nil: the config alone
	feed   *feed // the feed it serves in its format; nil for the index and the OPML
	head   pageEntry
}

// feed is a section's or a source's feed, served by three routes, one per
// format. They share its built pages: a page is read from the store and
// its entries built (upstream HTML sanitised, excerpts, attribution) once
// per version, and each format is written from them. The newest page is
// built in head, older ones in Publisher.builds.
type feed struct {
	head pageBuild
}

// pageBuild holds one page of a feed as built for one version of its
// dependency; mu is held while it is built, so that concurrent requests
// for its formats build it once. The page is dropped once every format has
// taken it (their documents are cached) or when another version replaces
// it, so a feed holds at most one built page per page slot.
type pageBuild struct {
	mu   sync.Mutex
	page *builtPage
}

// builtPage is a page of a feed as every format renders it. It is not
// changed once built, except taken, which pageBuild.mu guards.
type builtPage struct {
	version int64     // the dependency's version it was built from
	mod     time.Time // and the dependency's time
	fd      feedData  // without the links of a format: self, current and next
	last    cursor    // the position of the last item looked at
	more    bool      // items may remain after last: there is an older page
	taken   uint8     // the formats that have rendered it, a bit each
}

// everyFormat is builtPage.taken once every format has taken the page.
const everyFormat = 1<<formatRSS | 1<<formatAtom | 1<<formatJSON

// dep is a section (or, with section "", every section) whose version the
// publisher tracks: read from the store at most once per Recheck.
type dep struct {
	section string
	mu      sync.Mutex // held while the version is read
	state   atomic.Pointer[depState]
	checked atomic.Int64 // when state was last read, ns since Publisher.epoch
}

type depState struct {
	version int64
	mod     time.Time
}

// pageEntry holds one cached document; mu is held while it is (re)rendered
// so that concurrent requests render it once.
type pageEntry struct {
	mu  sync.Mutex
	doc atomic.Pointer[doc]
}

type pageKey struct {
	rt  *route
	cur cursor
}

type buildKey struct {
	f   *feed
	cur cursor
}

// maxPages bounds the older pages kept, documents and built pages each;
// past it, arbitrary ones are dropped.
const maxPages = 512

// doc is a rendered document with everything a response needs precomputed:
// the body in each encoding and the header values, so that serving it
// allocates nothing and parses nothing.
type doc struct {
	version int64 // the dep's version it was rendered from
	vars    [numEncodings]variant
	etags   [numEncodings]string // the variants' ETags, for If-None-Match

	contentType  []string
	cacheControl []string
	lastModified []string // nil without a time
	link         []string // WebSub Link header, nil without a hub
	vary         []string // nil: varyValue
	allowOrigin  []string // Access-Control-Allow-Origin, nil for none
	mod          time.Time
}

// variant is a document in one content coding.
type variant struct {
	body     []byte   // nil when the coding is not worth serving
	etag     []string // header value
	length   []string
	encoding []string // Content-Encoding, nil for identity
}

type encoding int

const (
	encIdentity encoding = iota
	encGzip
	encBrotli
	numEncodings
)

var (
	gzipValue = []string{"gzip"}
	brValue   = []string{"br"}
	varyValue = []string{"Accept-Encoding"}
	// anyOrigin lets pages of any site read a document with fetch(): the
	// feeds, the OPML and the JSON answers are public and read-only.
	anyOrigin = []string{"*"}
)

// document returns the cached document of rt at cur, rendering it when the
// route's dependency has changed since. When the store cannot be read, it
// returns the last document rendered for rt at cur, as it was (ETag and
// Cache-Control included: RFC 5861's stale-if-error), and records the error
// for ReadError; it returns the error only when there is no such document.
func (p *Publisher) document(ctx context.Context, rt *route, cur cursor) (*doc, error) {
	pe := &rt.head
	if !cur.zero() {
		pe = p.page(rt, cur)
	}
	d, err := p.current(ctx, rt, cur, pe)
	if err == nil || ctx.Err() != nil {
		return d, err
	}
	p.readErr.Store(&err)
	if stale := pe.doc.Load(); stale != nil {
		p.m.staleServed.Inc()
		p.logReadError(rt.path, err)
		return stale, nil
	}
	return nil, err
}

// logReadError logs a failed read of the store at most once per Recheck
// (or second), so an outage does not write a line per request.
func (p *Publisher) logReadError(path string, err error) {
	now := int64(time.Since(p.epoch))
	last := p.readErrLogged.Load()
	if now-last < int64(max(p.recheck, time.Second)) || !p.readErrLogged.CompareAndSwap(last, now) {
		return
	}
	p.log.Error("database unreachable: serving the last good documents", "path", path, "err", err)
}

// current returns the document of rt at cur for the dependency's current
// version, from pe or rendered into it.
func (p *Publisher) current(ctx context.Context, rt *route, cur cursor, pe *pageEntry) (*doc, error) {
	var version int64
	var mod time.Time
	if rt.dep != nil {
		st, err := p.freshen(ctx, rt.dep)
		if err != nil {
			return nil, err
		}
		version, mod = st.version, st.mod
	}
	if d := pe.doc.Load(); d != nil && d.version == version {
		return d, nil
	}
	pe.mu.Lock()
	defer pe.mu.Unlock()
	if d := pe.doc.Load(); d != nil && d.version == version {
		return d, nil
	}
	start := time.Now()
	d, err := p.render(ctx, rt, cur, version, mod)
	if err != nil {
		return nil, err
	}
	if rt.dep != nil {
		p.readErr.Store(nil)
	}
	pe.doc.Store(d)
	p.m.observeRender(rt.kind, time.Since(start))
	return d, nil
}

// page returns the entry of an older page's document.
func (p *Publisher) page(rt *route, cur cursor) *pageEntry {
	p.pagesMu.Lock()
	defer p.pagesMu.Unlock()
	return slot(p.pages, pageKey{rt, cur})
}

// built returns the page of rt's feed at cur built for version and mod,
// building it when it is not built for them, and marks it taken by rt's
// format. Once every format has taken it, it is dropped.
func (p *Publisher) built(ctx context.Context, rt *route, cur cursor, version int64, mod time.Time) (*builtPage, error) {
	pb := &rt.feed.head
	if !cur.zero() {
		p.pagesMu.Lock()
		pb = slot(p.builds, buildKey{rt.feed, cur})
		p.pagesMu.Unlock()
	}
	pb.mu.Lock()
	defer pb.mu.Unlock()
	bp := pb.page
	if bp == nil || bp.version != version || !bp.mod.Equal(mod) {
		var err error
		if bp, err = p.buildPage(ctx, rt, cur, mod); err != nil {
			return nil, err
		}
		bp.version = version
		pb.page = bp
	}
	if bp.taken |= 1 << rt.format; bp.taken == everyFormat {
		pb.page = nil
	}
	return bp, nil
}

// slot returns m[k], adding a new one when there is none; when m holds
// maxPages already, an eighth of them, arbitrary ones, are dropped first.
// The caller holds the lock of m.
func slot[K comparable, V any](m map[K]*V, k K) *V {
	v := m[k]
	if v == nil {
		if len(m) >= maxPages {
			n := 0
			for k := range m {
				delete(m, k)
				if n++; n >= maxPages/8 {
					break
				}
			}
		}
		v = new(V)
		m[k] = v
	}
	return v
}

// freshen returns the dependency's version, reading it from the store when
// the last read is older than Recheck. While one request reads it, others
// go on with the previous version. A failed read is an error only when no
// version was ever read; otherwise it is recorded (ReadError) and the
// previous one kept.
func (p *Publisher) freshen(ctx context.Context, d *dep) (*depState, error) {
	st := d.state.Load()
	var now int64
	if p.recheck > 0 {
		now = int64(time.Since(p.epoch))
		if st != nil && now-d.checked.Load() < int64(p.recheck) {
			return st, nil
		}
		if !d.mu.TryLock() {
			if st != nil {
				return st, nil
			}
			d.mu.Lock()
		}
		if st = d.state.Load(); st != nil && now-d.checked.Load() < int64(p.recheck) {
			d.mu.Unlock()
			return st, nil
		}
	} else {
		d.mu.Lock()
	}
	defer d.mu.Unlock()
	next, err := p.readVersion(ctx, d)
	if err != nil {
		if st = d.state.Load(); st != nil && ctx.Err() == nil {
			p.readErr.Store(&err)
			p.logReadError("section "+d.section, err)
			return st, nil
		}
		return nil, err
	}
	return next, nil
}

// readVersion reads the dependency's version from the store, records it and
// pings the hub when a section has changed since the last read. d.mu is held.
func (p *Publisher) readVersion(ctx context.Context, d *dep) (*depState, error) {
	var v int64
	var mod time.Time
	var err error
	if d == p.all {
		v, mod, err = p.st.Version(ctx)
	} else {
		v, mod, err = p.st.SectionVersion(ctx, d.section)
	}
	if err != nil {
		return nil, err
	}
	p.readErr.Store(nil)
	old := d.state.Load()
	next := old
	if old == nil || old.version != v || !old.mod.Equal(mod) {
		next = &depState{version: v, mod: mod}
		d.state.Store(next)
		if old != nil && d != p.all {
			p.ping(d)
		}
	}
	d.checked.Store(int64(time.Since(p.epoch)))
	return next, nil
}

// render renders rt's document at cur from version of its dependency, last
// changed at mod, and precomputes its response.
func (p *Publisher) render(ctx context.Context, rt *route, cur cursor, version int64, mod time.Time) (*doc, error) {
	var body []byte
	var err error
	contentType := "text/html; charset=utf-8"
	switch rt.kind {
	case kindSection, kindSource:
		body, mod, err = p.renderFeed(ctx, rt, cur, version, mod)
		contentType = rt.format.info().contentType
	case kindIndex:
		body, err = p.renderIndex(ctx, mod)
	case kindOPML:
		body, contentType = p.renderOPML(), "text/x-opml; charset=utf-8"
	case kindImage:
		body, contentType = imagePNG(rt.path), "image/png"
	default:
		err = errors.New("unknown document kind")
	}
	if err != nil {
		return nil, err
	}
	maxAge := p.maxAgeOf(cur)
	if rt.kind == kindImage {
		maxAge = 24 * time.Hour
	}
	d := &doc{
		version:      version,
		contentType:  []string{contentType},
		cacheControl: cacheControl(maxAge),
		mod:          mod,
	}
	if rt.kind == kindSection || rt.kind == kindSource || rt.kind == kindOPML {
		d.allowOrigin = anyOrigin
	}
	if !mod.IsZero() {
		d.lastModified = []string{mod.UTC().Format(http.TimeFormat)}
	}
	if p.hub != "" && rt.kind == kindSection && cur.zero() {
		d.link = []string{"<" + p.hub + `>; rel="hub"`, "<" + p.base + rt.path + `>; rel="self"`}
	}
	d.setBodies(body)
	return d, nil
}

// maxAgeOf is how long readers may keep the page of a feed at cur: MaxAge
// for the newest page (and the index and the OPML), an hour for older
// pages, which change only when their own items do.
func (p *Publisher) maxAgeOf(cur cursor) time.Duration {
	if !cur.zero() {
		return time.Hour
	}
	return p.maxAge
}

// cacheControl is the Cache-Control value of a public document readers may keep maxAge.
func cacheControl(maxAge time.Duration) []string {
	return []string{"public, max-age=" + strconv.Itoa(int(maxAge/time.Second))}
}

// setBodies stores body and its compressed forms, keeping a compressed one
// only when it is smaller.
func (d *doc) setBodies(body []byte) {
	d.setVariants(body, true, true)
}

// setVariants stores body and the compressed forms asked for.
func (d *doc) setVariants(body []byte, gz, br bool) {
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:16])
	d.vars[encIdentity] = variant{body: body}
	d.vars[encGzip], d.vars[encBrotli] = variant{}, variant{}
	if gz {
		d.vars[encGzip] = variant{body: gzipBytes(body), encoding: gzipValue}
	}
	if br {
		d.vars[encBrotli] = variant{body: brotliBytes(body), encoding: brValue}
	}
	for e := range d.vars {
		v := &d.vars[e]
		if e != int(encIdentity) && len(v.body) >= len(body) {
			v.body = nil
		}
		if v.body == nil {
			continue
		}
		d.etags[e] = `"` + tag + [...]string{"", "-gz", "-br"}[e] + `"`
		v.etag = []string{d.etags[e]}
		v.length = []string{strconv.Itoa(len(v.body))}
	}
}

// Compressors are reused: each holds megabytes of tables.
var (
	gzipWriters = sync.Pool{New: func() any {
		zw, _ := gzip.NewWriterLevel(nil, gzip.BestCompression) // the level is valid
		return zw
	}}
	brotliWriters = sync.Pool{New: func() any { return brotli.NewWriterLevel(nil, brotliLevel) }}
)

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write(b)
	zw.Close()
	gzipWriters.Put(zw)
	return buf.Bytes()
}

// brotliLevel trades compression for render time: 6 compresses a feed
// about as well as gzip -9 does and a little better, in a few milliseconds.
const brotliLevel = 6

func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	bw := brotliWriters.Get().(*brotli.Writer)
	bw.Reset(&buf)
	bw.Write(b)
	bw.Close()
	brotliWriters.Put(bw)
	return buf.Bytes()
}
