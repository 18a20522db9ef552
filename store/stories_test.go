package store

import (
	"context"
	"testing"
	"time"
)

// TestStories records items' stories and reads them back with the items of
// a time range.
func TestStories(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		day := time.Date(2019, 11, 15, 0, 0, 0, 0, time.UTC)
		a := item("tass", "g1", "https://tass.test/1", "Суд ликвидировал движение")
		a.Published = day.Add(time.Hour)
		b := item("ria", "g2", "https://ria.test/2", "Верховный суд ликвидировал движение")
		b.Published = day.Add(2 * time.Hour)
		c := item("ria", "g3", "https://ria.test/3", "Погода")
		c.Published = day.Add(30 * time.Hour)
		ra, rb := save(t, s, a), save(t, s, b, c)
		idA, idB, idC := ra.Items[0].ID, rb.Items[0].ID, rb.Items[1].ID
		if err := s.SetStories(ctx, map[int64]int64{idA: idA, idB: idA, 999999: 1}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStories(ctx, map[int64]int64{idB: idA}); err != nil { // again: replaced
			t.Fatal(err)
		}
		items, err := s.StoryItems(ctx, day, day.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 || items[0].ID != idA || items[1].ID != idB {
			t.Fatalf("items of the day: %+v, want %d and %d", items, idA, idB)
		}
		if items[0].Story != idA || items[1].Story != idA {
			t.Errorf("stories %d, %d, want both %d", items[0].Story, items[1].Story, idA)
		}
		all, err := s.StoryItems(ctx, time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 3 || all[2].ID != idC || all[2].Story != 0 {
			t.Errorf("all items: %d, last %d story %d; want 3, %d ungrouped", len(all), all[2].ID, all[2].Story, idC)
		}
	})
}
