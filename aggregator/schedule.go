package aggregator

import (
	"context"
	"sync"
	"time"
)

// Run crawls every source when it is due (its stored next-fetch time, or at
// once for a source never crawled) until ctx is cancelled, then waits for
// the crawls in flight to finish their writes and returns. The schedule
// lives in the store, so a restarted process resumes it.
func (c *Crawler) Run(ctx context.Context) error {
	next := make(map[string]time.Time, len(c.cfg.Sources))
	for _, src := range c.cfg.Sources {
		st, err := c.store.SourceState(ctx, src.ID)
		if err != nil {
			if ctx.Err() != nil {
				return nil // stopped while starting
			}
			return err
		}
		next[src.ID] = st.NextFetch
	}
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		sem = make(chan struct{}, maxParallel)
		// finished wakes the loop when a crawl ends, so that a source
		// waiting for a free slot starts at once.
		finished = make(chan struct{}, 1)
	)
	defer wg.Wait()
	for {
		now := c.now()
		wake := now.Add(time.Minute)
		for _, src := range c.cfg.Sources {
			mu.Lock()
			due := next[src.ID]
			mu.Unlock()
			if due.After(now) {
				if due.Before(wake) {
					wake = due
				}
				continue
			}
			if !c.claimable(src.ID) {
				continue
			}
			select {
			case sem <- struct{}{}:
			default:
				continue // all slots busy; try again at the next wake
			}
			mu.Lock()
			next[src.ID] = now.Add(src.Interval.D()) // until the crawl says otherwise
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					<-sem
					select {
					case finished <- struct{}{}:
					default:
					}
				}()
				c.Crawl(ctx, src)
				if st, err := c.store.SourceState(context.WithoutCancel(ctx), src.ID); err == nil && !st.NextFetch.IsZero() {
					mu.Lock()
					next[src.ID] = st.NextFetch
					mu.Unlock()
				}
			}()
		}
		wait := min(max(wake.Sub(c.now()), time.Second), time.Minute)
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

func (c *Crawler) claimable(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.inFlight[id]
}
