package store

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// TestPageQueryPlans pins the plans of the paged reads: a range search of an
// index in its order, never a scan of a table or a sort.
func TestPageQueryPlans(t *testing.T) {
	s := testStore(t)
	for name, q := range map[string]string{
		"sectionBefore": s.q.sectionBefore,
		"sourceBefore":  s.q.sourceBefore,
	} {
		plan := queryPlan(t, s, q, "world", int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64), 50)
		t.Logf("%s:\n%s", name, plan)
		if !strings.Contains(plan, "sort_time<?)") {
			t.Errorf("%s does not bound its index range by the cursor:\n%s", name, plan)
		}
		for _, bad := range []string{"SCAN", "TEMP B-TREE"} {
			if strings.Contains(plan, bad) {
				t.Errorf("%s plan has %s:\n%s", name, bad, plan)
			}
		}
	}
}

// TestPagesWalkEverything walks a section and a source page by page, with
// items stored between pages, and meets every item that existed at the start
// exactly once, in order.
func TestPagesWalkEverything(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		t0 := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
		s := testStore(t, WithClock(func() time.Time { return t0.Add(30 * time.Minute) }))
		var batch []news.Item
		for i := range 23 {
			it := item("src", fmt.Sprintf("g%d", i), fmt.Sprintf("https://src.test/%d", i), fmt.Sprintf("t%d", i))
			if i%4 != 0 {
				it.Published = t0.Add(time.Duration(i/2) * time.Minute) // pairs share a time: ties by ID
			}
			if i == 7 {
				it.Sections = nil // in no section: not in the source's pages either
			}
			batch = append(batch, it)
		}
		if _, err := s.SaveItems(ctx, batch); err != nil {
			t.Fatal(err)
		}
		v1, _, err := s.Version(ctx)
		if err != nil || v1 == 0 {
			t.Fatalf("Version = %d, %v", v1, err)
		}
		if all, err := s.SectionItems(ctx, "world", 100); err != nil || len(all) != 22 {
			t.Fatalf("SectionItems: %d items, %v", len(all), err)
		}
		walks := map[string]func(before time.Time, id int64, n int) ([]news.Item, error){
			"section": func(before time.Time, id int64, n int) ([]news.Item, error) {
				return s.SectionItemsBefore(ctx, "world", before, id, n)
			},
			"source": func(before time.Time, id int64, n int) ([]news.Item, error) {
				return s.SourceItems(ctx, "src", before, id, n)
			},
		}
		for name, page := range walks {
			t.Run(name, func(t *testing.T) {
				all, err := page(time.Time{}, 0, 1000)
				if err != nil || len(all) < 22 {
					t.Fatalf("whole %s: %d items, %v", name, len(all), err)
				}
				var got []int64
				var before time.Time
				var id int64
				for n := 0; ; n++ {
					items, err := page(before, id, 5)
					if err != nil {
						t.Fatal(err)
					}
					if len(items) == 0 {
						break
					}
					for _, it := range items {
						got = append(got, it.ID)
					}
					last := &items[len(items)-1]
					before, id = SortTime(last), last.ID
					// A newer item arrives between pages: it must not shift them.
					newer := item("src", fmt.Sprintf("%s-new%d", name, n), fmt.Sprintf("https://src.test/%s/new%d", name, n), "new")
					newer.Published = t0.Add(time.Hour + time.Duration(n)*time.Minute)
					if _, err := s.SaveItems(ctx, []news.Item{newer}); err != nil {
						t.Fatal(err)
					}
				}
				if len(got) != len(all) {
					t.Fatalf("walked %d items, want %d", len(got), len(all))
				}
				for i := range all {
					if got[i] != all[i].ID {
						t.Fatalf("item %d: id %d, want %d (order %v)", i, got[i], all[i].ID, got)
					}
				}
			})
		}
		if v2, _, _ := s.Version(ctx); v2 <= v1 {
			t.Errorf("Version did not grow: %d then %d", v1, v2)
		}
		if items, err := s.SourceItems(ctx, "nosuch", time.Time{}, 0, 5); err != nil || len(items) != 0 {
			t.Errorf("unknown source: %d items, %v", len(items), err)
		}
	})
}

// An empty store is dated by its creation (its clock when its first
// migration ran), so that the publisher's empty feeds have a real date.
func TestVersionEmpty(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		clock := &testClock{now: t0}
		v, at, err := testStore(t, WithClock(clock.Now)).Version(context.Background())
		if v != 0 || !at.Equal(t0) || err != nil {
			t.Errorf("Version of an empty store = %d, %v, %v; want 0, %v", v, at, err, t0)
		}
	})
}
