package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// TestConcurrentReadersAndWriter runs one goroutine saving batches (new items
// and edits) while readers render sections and a background checkpoint runs
// often: no call may fail, SQLITE_BUSY least of all, and every read must be
// a consistent, ordered page.
func TestConcurrentReadersAndWriter(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t, WithCheckpointInterval(100*time.Millisecond))
		ctx := context.Background()
		const (
			batches = 30
			readers = 3
		)
		var (
			wg     sync.WaitGroup
			done   atomic.Bool
			reads  atomic.Int64
			errsMu sync.Mutex
			errs   []error
		)
		fail := func(err error) {
			errsMu.Lock()
			defer errsMu.Unlock()
			if len(errs) < 20 {
				errs = append(errs, err)
			}
		}

		wg.Add(1)
		go func() { // the one writer, as the crawler
			defer wg.Done()
			defer done.Store(true)
			n := 0
			for b := range batches {
				src := fmt.Sprintf("src%d", b%4)
				var batch []news.Item
				for range 20 {
					batch = append(batch, smallItem(src, n))
					n++
				}
				if b >= 4 { // edits of the batch this source saved last time
					for j := range 10 {
						it := smallItem(src, (b-4)*20+j)
						it.Title += fmt.Sprintf(" (edit %d)", b)
						batch = append(batch, it)
					}
				}
				if _, err := s.SaveItems(ctx, batch); err != nil {
					fail(fmt.Errorf("SaveItems batch %d: %w", b, err))
				}
				st := news.SourceState{SourceID: src, LastFetch: time.Now(), ETag: fmt.Sprint(b)}
				if err := s.SaveSourceStates(ctx, st); err != nil {
					fail(fmt.Errorf("SaveSourceState: %w", err))
				}
			}
		}()

		for r := range readers {
			wg.Add(1)
			go func() { // readers, as the publisher
				defer wg.Done()
				for i := 0; !done.Load(); i++ {
					sec := benchSections[(r+i)%len(benchSections)]
					if _, _, err := s.SectionVersion(ctx, sec); err != nil {
						fail(fmt.Errorf("SectionVersion: %w", err))
					}
					items, err := s.SectionItems(ctx, sec, 50)
					if err != nil {
						fail(fmt.Errorf("SectionItems: %w", err))
						continue
					}
					for k := 1; k < len(items); k++ {
						if items[k].Published.After(items[k-1].Published) {
							fail(fmt.Errorf("SectionItems(%s) out of order at %d", sec, k))
						}
					}
					if i%10 == 0 {
						if _, err := s.CountItems(ctx); err != nil {
							fail(fmt.Errorf("CountItems: %w", err))
						}
						if _, err := s.HasItem(ctx, "src0", "x", "https://src0.test/news/1"); err != nil {
							fail(fmt.Errorf("HasItem: %w", err))
						}
					}
					reads.Add(1)
				}
			}()
		}
		wg.Wait()

		busy := 0
		for _, err := range errs {
			if strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "locked") {
				busy++
			}
			t.Error(err)
		}
		if busy > 0 {
			t.Errorf("%d errors were SQLITE_BUSY", busy)
		}
		if n := count(t, s); n != batches*20 {
			t.Errorf("CountItems = %d, want %d", n, batches*20)
		}
		if v := version(t, s, "world"); v == 0 {
			t.Errorf("section world never bumped")
		}
		if reads.Load() == 0 {
			t.Error("readers ran no query while the writer was busy")
		}
		t.Logf("%d section reads during %d batches", reads.Load(), batches)
	})
}

// smallItem is benchItem without the long body.
func smallItem(src string, i int) news.Item {
	it := benchItem(src, i)
	it.Content = "<p>Body.</p>"
	return it
}
