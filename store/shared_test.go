package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/syndic/syndic/news"
)

// TestTwoStoresSaveOneSource saves overlapping batches of one source from
// two stores opened on one database (as two crawler processes would), all
// at once: every story is stored once, whether it arrives under its first
// GUID or under a new one with the same link.
func TestTwoStoresSaveOneSource(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		db := testDatabase(t)
		stores := []*Store{openAt(t, db), openAt(t, db)}
		const stories, writers, rounds = 60, 4, 5
		var wg sync.WaitGroup
		errs := make(chan error, writers*rounds)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := stores[w%len(stores)]
				for r := range rounds {
					var batch []news.Item
					for i := range stories {
						if (i+w+r)%3 == 0 {
							continue // each writer sees a different part of the feed
						}
						guid := fmt.Sprintf("g%d", i)
						if w%2 == 1 && i%2 == 0 {
							guid = fmt.Sprintf("g%d-v%d", i, w) // republished under a new GUID
						}
						batch = append(batch, news.Item{SourceID: "tass", GUID: guid,
							Link: fmt.Sprintf("https://tass.ru/%d", i), Title: fmt.Sprintf("Story %d", i), Sections: []string{"world"}})
					}
					if _, err := s.SaveItems(ctx, batch); err != nil {
						errs <- fmt.Errorf("writer %d round %d: %w", w, r, err)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if n := count(t, stores[0]); n != stories {
			t.Errorf("CountItems = %d, want %d", n, stories)
		}
		items, err := stores[1].SectionItems(ctx, "world", 1000)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, it := range items {
			if seen[it.Link] {
				t.Errorf("%s stored twice", it.Link)
			}
			seen[it.Link] = true
		}
	})
}
