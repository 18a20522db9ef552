// Package aggregator is the crawl loop: it decides what to fetch when, runs
// each source through fetch → parse → (article page → extract → quotes),
// routes items into sections and writes them to the store. It never reads
// what the publisher serves.
package aggregator

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/aggregator/route"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// Fetcher is the one door to the network (aggregator/fetch.Client).
type Fetcher interface {
	Get(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// Store is what the crawler writes and the little it reads back.
type Store interface {
	SaveDocumentItems(ctx context.Context, doc, items []news.Item) (news.SaveResult, error)
	SourceState(ctx context.Context, sourceID string) (news.SourceState, error)
	SourceStates(ctx context.Context) ([]news.SourceState, error)
	SaveSourceStates(ctx context.Context, states ...news.SourceState) error
	StoredItems(ctx context.Context, sourceID string, items []news.Item) ([]news.Item, []bool, error)
	Reroute(ctx context.Context, route func(news.Item) []string) (int, error)
	Setting(ctx context.Context, key string) (string, bool, error)
	SaveSetting(ctx context.Context, key, value string) error
	SetStories(ctx context.Context, stories map[int64]int64) error
	StoryItems(ctx context.Context, after time.Time, afterID int64, limit int) ([]news.Item, error)
	SaveSpeakers(ctx context.Context, sps []news.Speaker) error
	SpeakerNames(ctx context.Context, unfiled bool) ([]string, error)
	// Ping returns nil when the database answers a query.
	Ping(ctx context.Context) error
}

var _ Store = (*store.Store)(nil)

// Crawler runs sources through the pipeline. Its methods are safe for
// concurrent use; one source is never crawled twice at the same time.
type Crawler struct {
	cfg     config.Config
	fetcher Fetcher
	store   Store
	log     *slog.Logger
	now     func() time.Time

	router  *route.Router
	pages   *pageQueue
	late    sync.WaitGroup // items stored after their crawl (see Wait)
	stories *stories

	filed sync.Map // speaker names filed by this crawler (see fileSpeakers)

	mu        sync.Mutex
	inFlight  map[string]bool
	intervals map[string]scheduled     // each source's adapted interval
	ttls      map[string]time.Duration // each feed's last RSS <ttl>
}

// New returns a crawler for the sources of cfg; it fails only on routing
// rules that config validation let through.
func New(cfg config.Config, f Fetcher, st Store, log *slog.Logger, now func() time.Time) (*Crawler, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if now == nil {
		now = time.Now
	}
	r, err := NewRouter(cfg)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, src := range cfg.Sources {
		names[src.ID] = src.Name
	}
	window := cfg.Stories.Window.D()
	if window <= 0 {
		window = config.DefaultStoryWindow
	}
	return &Crawler{cfg: cfg, fetcher: f, store: st, log: log, now: now, router: r,
		pages:    newPageQueue(f, cfg.Fetch.ExtractTimeout.D(), now),
		stories:  newStories(window, names),
		inFlight: map[string]bool{}, intervals: map[string]scheduled{}, ttls: map[string]time.Duration{}}, nil
}

// Result is the outcome of crawling one source once.
type Result struct {
	Source      string
	New         int
	Updated     int
	Unchanged   int
	NotModified bool // the upstream answered 304: nothing parsed
	Articles    int  // article pages fetched
	Dropped     int  // items over the per-document cap
	Skipped     int  // items with no title, link or text
	Err         error
	Took        time.Duration

	// The schedule after this crawl: the source's adapted interval, when
	// it is next due, and, after a failure, how many crawls in a row
	// failed and whether that many flag the source (fetch.flag_after).
	Interval time.Duration
	Next     time.Time
	Failures int
	Flagged  bool

	// hint is the least wait the upstream asked for (RSS <ttl>,
	// Cache-Control, Expires).
	hint time.Duration
}

// String is the summary line `syndic crawl --once` prints.
func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s ", r.Source)
	switch {
	case r.Err != nil:
		fmt.Fprintf(&b, "error: %v", r.Err)
		if r.Flagged {
			fmt.Fprintf(&b, " [FLAGGED: failed %d times in a row", r.Failures)
		} else if r.Failures > 0 {
			fmt.Fprintf(&b, " [failure %d", r.Failures)
		}
		if r.Failures > 0 {
			if !r.Next.IsZero() {
				fmt.Fprintf(&b, "; next try %s", r.Next.Format("2006-01-02 15:04 MST"))
			}
			b.WriteString("]")
		}
	case r.NotModified:
		b.WriteString("not modified (304)")
	default:
		fmt.Fprintf(&b, "new %d, updated %d, unchanged %d", r.New, r.Updated, r.Unchanged)
		if r.Articles > 0 {
			fmt.Fprintf(&b, ", articles fetched %d", r.Articles)
		}
		if r.Skipped > 0 {
			fmt.Fprintf(&b, ", %d empty items skipped", r.Skipped)
		}
		if r.Dropped > 0 {
			fmt.Fprintf(&b, ", %d items over the cap dropped (fetch.max_items)", r.Dropped)
		}
	}
	fmt.Fprintf(&b, " (%s)", r.Took.Round(time.Millisecond))
	return b.String()
}

// ErrBusy is returned for a source that is already being crawled.
var ErrBusy = errors.New("already being crawled")

// CrawlOnce crawls every source once, several feeds at a time (the
// fetcher keeps one request per host in flight; article pages have their
// own per-host queues), calling done after each source. It returns the
// results in config order once every item is stored, those whose pages
// came after fetch.page_wait included (see Wait). One source's failure
// never stops the others; the database's does: once a crawl ends with
// ErrDatabase, the sources not started yet are not crawled, and their
// results carry that error. The sources' states are read once, at the
// start, in one query, and written behind the crawls, many in one
// transaction (see stateWriter): a pass of feeds that answer 304 does
// little else. done may see a source's result before its state is
// written; the results returned carry any failure to write it. A source
// crawled meanwhile by another process is crawled with the state from
// before (older validators cost at most a full fetch of the feed).
func (c *Crawler) CrawlOnce(ctx context.Context, done func(Result)) []Result {
	results := make([]Result, len(c.cfg.Sources))
	states := c.storedStates(ctx)
	w := newStateWriter(context.WithoutCancel(ctx), c.store)
	sem := make(chan struct{}, maxParallel)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var dbDown atomic.Pointer[error] // the first ErrDatabase
	for i, src := range c.cfg.Sources {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			var once sync.Once
			fed := func() { once.Do(func() { <-sem }) }
			defer fed()
			var r Result
			if e := dbDown.Load(); e != nil {
				r = Result{Source: src.ID, Err: *e}
			} else {
				var known *news.SourceState
				if states != nil {
					st := states[src.ID]
					known = &st
				}
				r = c.crawlSource(ctx, src, known, fed, w.save)
			}
			if errors.Is(r.Err, ErrDatabase) {
				dbDown.CompareAndSwap(nil, &r.Err)
			}
			results[i] = r
			if done != nil {
				mu.Lock()
				done(r)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	c.Wait()
	failed := w.close()
	for i := range results {
		if err, ok := failed[results[i].Source]; ok {
			results[i] = c.stateNotSaved(ctx, results[i], err)
		}
	}
	return results
}

// Wait waits until the items of finished crawls whose pages came after
// fetch.page_wait are stored, or their crawls' contexts are done.
func (c *Crawler) Wait() { c.late.Wait() }

// maxParallel bounds the feeds fetched and read at once.
const maxParallel = 8

// Crawl runs one source through the pipeline once and records the outcome
// in the store: validators and the next due time after a success, the error
// and a backoff after a failure. Items are stored before the validators
// that would skip them, so a crash in between costs a refetch, never an item.
func (c *Crawler) Crawl(ctx context.Context, src config.Source) Result {
	return c.crawlSource(ctx, src, nil, func() {}, c.saveState(ctx))
}

// saveState returns a function that saves a source's state at once.
func (c *Crawler) saveState(ctx context.Context) func(news.SourceState) error {
	return func(st news.SourceState) error {
		return c.store.SaveSourceStates(context.WithoutCancel(ctx), st)
	}
}

// storedStates returns the stored state of every source, by source ID, or
// nil when the store does not answer (each crawl then reads its own, and
// reports the failure).
func (c *Crawler) storedStates(ctx context.Context) map[string]news.SourceState {
	list, err := c.store.SourceStates(context.WithoutCancel(ctx))
	if err != nil {
		return nil
	}
	m := make(map[string]news.SourceState, len(list))
	for _, st := range list {
		m[st.SourceID] = st
	}
	return m
}

// crawlSource is Crawl calling fed once the source's feed is read (or
// could not be), when only its article pages may still be awaited. It
// starts from the source's state as known (nil: read from the store) and
// ends handing the new state to save.
func (c *Crawler) crawlSource(ctx context.Context, src config.Source, known *news.SourceState, fed func(), save func(news.SourceState) error) Result {
	start := c.now()
	res := Result{Source: src.ID}
	if !c.claim(src.ID) {
		res.Err = ErrBusy
		return res
	}
	defer c.release(src.ID)
	log := c.log.With("source", src.ID)

	// Writes finish even when ctx is cancelled (graceful shutdown).
	wctx := context.WithoutCancel(ctx)
	var state news.SourceState
	var err error
	if known != nil {
		state = *known
	} else if state, err = c.store.SourceState(wctx, src.ID); err != nil {
		res.Err = fmt.Errorf("read source state: %w", storeErr{err})
		if c.databaseDown(wctx, res.Err) {
			res.Err = storeFailed(res.Err, log)
		} else {
			log.Error("crawl failed", "err", res.Err)
		}
		return res
	}
	state.SourceID = src.ID
	state.LastFetch = start

	cur := c.interval(src, state)
	err = c.crawl(ctx, src, &state, &res, log, fed)
	now := c.now()
	res.Took = now.Sub(start)
	if err != nil && ctx.Err() != nil {
		// Stopped from outside (shutdown): not the source's failure, and
		// nothing to record; the next run starts this source again.
		res.Err = err
		return res
	}
	if err != nil && c.databaseDown(wctx, err) {
		// Not the source's failure either: nothing recorded, its
		// validators kept, so that it is fetched again in full once the
		// database answers.
		res.Err = storeFailed(err, log)
		return res
	}
	if err != nil {
		res.Err = err
		state.Failures++
		state.LastError = err.Error()
		wait := backoff(cur, state.Failures, c.cfg.Fetch.MaxBackoff.D(), jitter())
		if ra := retryAfter(err); ra > 0 {
			wait = max(wait, min(ra, MaxHint))
		}
		state.NextFetch = now.Add(wait)
		c.remember(src.ID, cur, state.NextFetch)
		res.Interval, res.Next, res.Failures = cur, state.NextFetch, state.Failures
		res.Flagged = state.Failures >= c.cfg.Fetch.FlagAfter
		args := []any{"err", err, "failures", state.Failures, "next", state.NextFetch}
		switch {
		case state.Failures == c.cfg.Fetch.FlagAfter:
			log.Error("source flagged: failing repeatedly", append(args, "since", state.LastSuccess)...)
		case res.Flagged:
			log.Error("flagged source failed again", args...)
		default:
			log.Warn("crawl failed", args...)
		}
	} else {
		if state.Failures >= c.cfg.Fetch.FlagAfter {
			log.Info("flagged source recovered", "failures", state.Failures)
		}
		state.Failures = 0
		state.LastError = ""
		state.LastSuccess = now
		res.Interval = c.adapt(src, cur, res.New)
		state.NextFetch = now.Add(max(res.Interval, min(res.hint, MaxHint)))
		c.remember(src.ID, res.Interval, state.NextFetch)
		res.Next = state.NextFetch
		log.Info("crawled", "new", res.New, "updated", res.Updated, "unchanged", res.Unchanged,
			"not_modified", res.NotModified, "articles", res.Articles, "took", res.Took,
			"interval", res.Interval, "next", res.Next)
	}
	if err := save(state); err != nil {
		return c.stateNotSaved(wctx, res, err)
	}
	return res
}

// stateNotSaved returns res with the failure to save its source's state:
// ErrDatabase when the database is down, else the error itself unless the
// crawl had failed already.
func (c *Crawler) stateNotSaved(ctx context.Context, res Result, err error) Result {
	log := c.log.With("source", res.Source)
	err = fmt.Errorf("save source state: %w", storeErr{err})
	if c.databaseDown(context.WithoutCancel(ctx), err) {
		res.Err = storeFailed(err, log)
		return res
	}
	log.Error("save source state", "err", err)
	if res.Err == nil {
		res.Err = err
	}
	return res
}

// ErrDatabase marks (errors.Is) the error of a crawl that could not read
// or write the store because the database was unreachable, locked or full:
// not a failure of the source, so it counts no failure and backs nothing
// off; the crawl is to be run again once the database answers.
var ErrDatabase = errors.New("database unreachable")

// storeErr marks an error of the store among a crawl's errors.
type storeErr struct{ err error }

func (e storeErr) Error() string { return e.err.Error() }
func (e storeErr) Unwrap() error { return e.err }

// databaseDown reports whether err is an error of the store that the
// database's state explains: one store.Unavailable recognises, or any
// while the database does not answer a ping. Other store errors (a value
// the database refuses) are the source's: retried at once, they would
// fail again.
func (c *Crawler) databaseDown(ctx context.Context, err error) bool {
	var se storeErr
	if !errors.As(err, &se) {
		return false
	}
	if store.Unavailable(se.err) {
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	return c.store.Ping(ctx) != nil
}

// pingTimeout bounds one look at whether the database answers.
const pingTimeout = 5 * time.Second

// storeFailed returns err marked as ErrDatabase, logged at debug level
// only: the crawl loop (or crawl --once) says once that the database is
// unreachable, not once per source.
func storeFailed(err error, log *slog.Logger) error {
	log.Debug("crawl not stored: database unreachable", "err", err)
	return fmt.Errorf("%w: %w", ErrDatabase, err)
}

func (c *Crawler) claim(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.inFlight[id] {
		return false
	}
	c.inFlight[id] = true
	return true
}

func (c *Crawler) release(id string) {
	c.mu.Lock()
	delete(c.inFlight, id)
	c.mu.Unlock()
}
