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
	SaveItems(ctx context.Context, items []news.Item) (store.SaveResult, error)
	SourceState(ctx context.Context, sourceID string) (store.SourceState, error)
	SaveSourceState(ctx context.Context, st store.SourceState) error
	HasItem(ctx context.Context, sourceID, guid, link string) (bool, error)
	Reroute(ctx context.Context, route func(news.Item) []string) (int, error)
	Setting(ctx context.Context, key string) (string, bool, error)
	SaveSetting(ctx context.Context, key, value string) error
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

	router *route.Router

	mu       sync.Mutex
	inFlight map[string]bool
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
	return &Crawler{cfg: cfg, fetcher: f, store: st, log: log, now: now, router: r, inFlight: map[string]bool{}}, nil
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
}

// String is the summary line `syndic crawl --once` prints.
func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s ", r.Source)
	switch {
	case r.Err != nil:
		fmt.Fprintf(&b, "error: %v", r.Err)
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
			fmt.Fprintf(&b, ", %d items over the cap dropped", r.Dropped)
		}
	}
	fmt.Fprintf(&b, " (%s)", r.Took.Round(time.Millisecond))
	return b.String()
}

// ErrBusy is returned for a source that is already being crawled.
var ErrBusy = errors.New("already being crawled")

// CrawlOnce crawls every source once, several at a time (the fetcher keeps
// one request per host in flight), calling done after each source. It
// returns the results in config order. One source's failure never stops
// the others.
func (c *Crawler) CrawlOnce(ctx context.Context, done func(Result)) []Result {
	results := make([]Result, len(c.cfg.Sources))
	sem := make(chan struct{}, maxParallel)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i, src := range c.cfg.Sources {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			r := c.Crawl(ctx, src)
			results[i] = r
			if done != nil {
				mu.Lock()
				done(r)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return results
}

// maxParallel bounds the sources crawled at once.
const maxParallel = 8

// Crawl runs one source through the pipeline once and records the outcome
// in the store: validators and the next due time after a success, the error
// and a backoff after a failure. Items are stored before the validators
// that would skip them, so a crash in between costs a refetch, never an item.
func (c *Crawler) Crawl(ctx context.Context, src config.Source) Result {
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
	state, err := c.store.SourceState(wctx, src.ID)
	if err != nil {
		res.Err = fmt.Errorf("read source state: %w", err)
		log.Error("crawl failed", "err", res.Err)
		return res
	}
	state.SourceID = src.ID
	state.LastFetch = start

	err = c.crawl(ctx, src, &state, &res, log)
	res.Took = c.now().Sub(start)
	if err != nil && ctx.Err() != nil {
		// Stopped from outside (shutdown): not the source's failure, and
		// nothing to record; the next run starts this source again.
		res.Err = err
		return res
	}
	if err != nil {
		res.Err = err
		state.Failures++
		state.LastError = err.Error()
		state.NextFetch = c.now().Add(backoff(src.Interval.D(), state.Failures))
		log.Warn("crawl failed", "err", err, "failures", state.Failures, "next", state.NextFetch)
	} else {
		state.Failures = 0
		state.LastError = ""
		state.LastSuccess = c.now()
		state.NextFetch = state.LastSuccess.Add(src.Interval.D())
		log.Info("crawled", "new", res.New, "updated", res.Updated, "unchanged", res.Unchanged,
			"not_modified", res.NotModified, "articles", res.Articles, "took", res.Took)
	}
	if err := c.store.SaveSourceState(wctx, state); err != nil {
		log.Error("save source state", "err", err)
		if res.Err == nil {
			res.Err = fmt.Errorf("save source state: %w", err)
		}
	}
	return res
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

// backoff is the wait after the n-th consecutive failure: the interval,
// doubled per further failure, at most six hours.
func backoff(interval time.Duration, n int) time.Duration {
	const max = 6 * time.Hour
	d := interval
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}
