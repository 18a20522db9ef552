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
	SaveDocumentItems(ctx context.Context, doc, items []news.Item) (news.SaveResult, error)
	SourceState(ctx context.Context, sourceID string) (news.SourceState, error)
	SaveSourceState(ctx context.Context, st news.SourceState) error
	StoredItem(ctx context.Context, sourceID, guid, link string) (news.Item, bool, error)
	Reroute(ctx context.Context, route func(news.Item) []string) (int, error)
	Setting(ctx context.Context, key string) (string, bool, error)
	SaveSetting(ctx context.Context, key, value string) error
	SaveSpeakers(ctx context.Context, sps []news.Speaker) error
	SpeakerNames(ctx context.Context, unfiled bool) ([]string, error)
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
	pages  *pageQueue
	late   sync.WaitGroup // items stored after their crawl (see Wait)

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
	return &Crawler{cfg: cfg, fetcher: f, store: st, log: log, now: now, router: r,
		pages:    newPageQueue(f, cfg.Fetch.ExtractTimeout.D(), now),
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
// never stops the others.
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
			var once sync.Once
			fed := func() { once.Do(func() { <-sem }) }
			defer fed()
			r := c.crawlSource(ctx, src, fed)
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
	return c.crawlSource(ctx, src, func() {})
}

// crawlSource is Crawl calling fed once the source's feed is read (or
// could not be), when only its article pages may still be awaited.
func (c *Crawler) crawlSource(ctx context.Context, src config.Source, fed func()) Result {
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
