package aggregator

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/syndic/syndic/config"
)

// Schedule hands Run the sources that are due and takes each back, after
// its crawl, with the time it is next due. LocalSchedule keeps the schedule
// of one process in memory; Leases shares it between crawler processes
// through the database.
type Schedule interface {
	// Claim returns at most n of the crawler's sources that are due at now
	// and held by no one, and holds them until Release.
	Claim(ctx context.Context, now time.Time, n int) ([]string, error)
	// Release gives back a claimed source, next due at next.
	Release(ctx context.Context, id string, next time.Time) error
	// Wake does the schedule's own upkeep if it is time (renewing leases)
	// and returns when the next source this crawler does not hold is due
	// (zero: none; at or before now: one is due already) and when the
	// schedule next needs Wake called (zero: never).
	Wake(ctx context.Context, now time.Time) (due, upkeep time.Time, err error)
}

// maxWait is the longest Run sleeps between two looks at the schedule.
const maxWait = time.Minute

// Run crawls every source when it is due (its stored next-fetch time, or at
// once for a source never crawled) until ctx is cancelled, then waits for
// the crawls in flight to finish their writes and returns. The schedule
// lives in the store, so a restarted process resumes it. Run is for a
// crawler that has the database to itself; RunSchedule with Leases shares
// the work between processes.
func (c *Crawler) Run(ctx context.Context) error {
	sched, err := c.LocalSchedule(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting
		}
		return err
	}
	return c.RunSchedule(ctx, sched)
}

// maxInFlight bounds the sources RunSchedule holds at once: maxParallel
// reading their feeds and the rest waiting for their article pages (each at
// most fetch.page_wait). A crawler that dies leaves these to be crawled
// again by others once their leases lapse.
const maxInFlight = 4 * maxParallel

// RunSchedule crawls the sources sched hands out, reading at most
// maxParallel feeds at once (a source waiting for its article pages does
// not count) and holding at most maxInFlight sources, and gives each back
// with its next due time, until ctx is cancelled; then it waits for the crawls in flight to finish their writes, gives
// their sources back due at once, and returns. An error of the database
// (of the schedule, or a crawl's ErrDatabase) is never fatal: it is logged
// once, nothing is claimed until the database answers a ping, looked at
// after 0.5 s, then 1, 2, 4 and 5 s, and the sources whose crawl could not
// be stored are due again at once.
func (c *Crawler) RunSchedule(ctx context.Context, sched Schedule) error {
	sources := make(map[string]config.Source, len(c.cfg.Sources))
	for _, src := range c.cfg.Sources {
		sources[src.ID] = src
	}
	var (
		wg       sync.WaitGroup
		running  atomic.Int32 // reading their feeds
		inFlight atomic.Int32 // claimed and not given back
		// finished wakes the loop when a crawl ends, so that a source
		// waiting for a free slot starts at once.
		finished = make(chan struct{}, 1)
	)
	db := &dbState{log: c.log, sched: sched}
	defer c.Wait()
	defer wg.Wait()
	for {
		if wait, down := db.down(); down {
			// Look again after a short, growing wait; nothing is
			// claimed meanwhile, so no source is fetched for nothing.
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return nil
			case <-t.C:
			}
			pctx, cancel := context.WithTimeout(ctx, pingTimeout)
			err := c.store.Ping(pctx)
			cancel()
			if ctx.Err() != nil {
				return nil
			}
			if err != nil {
				db.stillDown()
				continue
			}
			db.answered(ctx)
		}
		now := c.now()
		if free := min(maxParallel-int(running.Load()), maxInFlight-int(inFlight.Load())); free > 0 {
			ids, err := sched.Claim(ctx, now, free)
			if err != nil && ctx.Err() == nil {
				db.failed(fmt.Errorf("claim due sources: %w", err))
				continue
			}
			for _, id := range ids {
				src, ok := sources[id]
				if !ok { // not ours: hand it back untouched
					db.giveBack(ctx, id, now)
					continue
				}
				running.Add(1)
				inFlight.Add(1)
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer func() {
						inFlight.Add(-1)
						select {
						case finished <- struct{}{}:
						default:
						}
					}()
					var once sync.Once
					// Its feed read, a source waiting for its article
					// pages frees its slot.
					fed := func() {
						once.Do(func() {
							running.Add(-1)
							select {
							case finished <- struct{}{}:
							default:
							}
						})
					}
					defer fed()
					r := c.crawlSource(ctx, src, nil, fed, c.saveState(ctx))
					next := r.Next
					switch {
					case ctx.Err() != nil:
						next = c.now() // stopped: another crawler may take it at once
					case errors.Is(r.Err, ErrDatabase):
						next = c.now() // due again as soon as the database answers
						db.failed(r.Err)
					case next.IsZero(): // the state could not be read or saved
						next = c.now().Add(src.Interval.D())
					default:
						db.worked()
					}
					db.giveBack(ctx, id, next)
				}()
			}
		}
		due, upkeep, err := sched.Wake(ctx, now)
		if err != nil && ctx.Err() == nil {
			db.failed(fmt.Errorf("read the schedule: %w", err))
			continue
		}
		wait := maxWait // and the next crawl to end wakes the loop
		now = c.now()
		switch {
		case due.IsZero():
		case due.After(now):
			wait = due.Sub(now)
		case int(running.Load()) < maxParallel && int(inFlight.Load()) < maxInFlight:
			// Due but not handed out (another crawler was claiming it):
			// look again soon.
			wait = 250 * time.Millisecond
		}
		if !upkeep.IsZero() {
			wait = min(wait, max(upkeep.Sub(now), 10*time.Millisecond))
		}
		wait = min(wait, maxWait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-finished:
		case <-t.C:
		}
		t.Stop()
	}
}

// Backoff of the crawl loop while the database does not answer: from
// dbWaitMin, doubling, to dbWaitMax.
const (
	dbWaitMin = 500 * time.Millisecond
	dbWaitMax = 5 * time.Second
)

// dbState is the crawl loop's view of the database: down from a store
// error until a ping answers, looked at again after a wait that grows from
// dbWaitMin to dbWaitMax and shrinks back only when a crawl is stored
// (a database that answers pings but fails writes, as a full disk does,
// stays backed off). It logs the outage once, and its end.
type dbState struct {
	log   *slog.Logger
	sched Schedule

	mu       sync.Mutex
	since    time.Time            // when it went down; zero while up
	wait     time.Duration        // the next wait while down
	unsent   map[string]time.Time // sources whose release failed, with their next due time
	failures int                  // store errors seen during the outage
}

// down reports whether the database is down and how long to wait before looking again.
func (d *dbState) down() (time.Duration, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.wait, !d.since.IsZero()
}

// failed notes a store error: the database is down. The wait starts at
// dbWaitMin, or doubles when no crawl was stored since the last outage.
func (d *dbState) failed(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.failures++
	if !d.since.IsZero() {
		return
	}
	d.since = time.Now()
	d.wait = min(max(2*d.wait, dbWaitMin), dbWaitMax)
	d.log.Error("database unreachable: crawling paused until it answers", "err", err)
}

// stillDown notes a ping the database did not answer: the wait doubles.
func (d *dbState) stillDown() {
	d.mu.Lock()
	d.wait = min(2*d.wait, dbWaitMax)
	d.mu.Unlock()
}

// answered notes that the database answers again and gives back the
// sources whose release failed meanwhile.
func (d *dbState) answered(ctx context.Context) {
	d.mu.Lock()
	since, failures, unsent := d.since, d.failures, d.unsent
	d.since, d.failures, d.unsent = time.Time{}, 0, nil
	d.mu.Unlock()
	if !since.IsZero() {
		d.log.Info("database answers again: crawling resumes", "down", time.Since(since).Round(time.Millisecond), "store_errors", failures)
	}
	for id, next := range unsent {
		d.giveBack(ctx, id, next)
	}
}

// worked notes a crawl stored: the wait starts from dbWaitMin again.
func (d *dbState) worked() {
	d.mu.Lock()
	if d.since.IsZero() {
		d.wait = 0
	}
	d.mu.Unlock()
}

// giveBack releases a source; while the database does not answer, the
// release is kept and made again when it does.
func (d *dbState) giveBack(ctx context.Context, id string, next time.Time) {
	err := d.sched.Release(context.WithoutCancel(ctx), id, next)
	if err == nil {
		return
	}
	d.mu.Lock()
	if d.unsent == nil {
		d.unsent = map[string]time.Time{}
	}
	d.unsent[id] = next
	d.mu.Unlock()
	d.failed(fmt.Errorf("give back source %s: %w", id, err))
}

// LocalSchedule is the schedule of a crawler that has the database to
// itself: each source's next due time in memory, starting from its stored
// NextFetch (at once for a source never crawled).
type LocalSchedule struct {
	mu    sync.Mutex
	order []string // config order: the order due sources are handed out
	next  map[string]time.Time
	held  map[string]bool
}

var _ Schedule = (*LocalSchedule)(nil)

// LocalSchedule reads the stored schedule of c's sources.
func (c *Crawler) LocalSchedule(ctx context.Context) (*LocalSchedule, error) {
	states, err := c.store.SourceStates(ctx)
	if err != nil {
		return nil, err
	}
	next := make(map[string]time.Time, len(states))
	for _, st := range states {
		next[st.SourceID] = st.NextFetch
	}
	s := &LocalSchedule{next: make(map[string]time.Time, len(c.cfg.Sources)), held: map[string]bool{}}
	for _, src := range c.cfg.Sources {
		s.order = append(s.order, src.ID)
		s.next[src.ID] = next[src.ID]
	}
	return s, nil
}

// Claim returns the due sources not held, in config order.
func (s *LocalSchedule) Claim(_ context.Context, now time.Time, n int) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, id := range s.order {
		if len(ids) >= n {
			break
		}
		if !s.held[id] && !s.next[id].After(now) {
			s.held[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// Release makes id due at next.
func (s *LocalSchedule) Release(_ context.Context, id string, next time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.held, id)
	s.next[id] = next
	return nil
}

// Wake returns the earliest due time of a source not held; a local
// schedule needs no upkeep.
func (s *LocalSchedule) Wake(_ context.Context, _ time.Time) (due, upkeep time.Time, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	first := true
	for id, next := range s.next {
		if s.held[id] {
			continue
		}
		if first || next.Before(due) {
			due, first = next, false
		}
	}
	return due, time.Time{}, nil
}
