package store

import (
	"context"
	"errors"
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
		v0, _, err := s.SectionVersion(ctx, "world")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetStories(ctx, map[int64]int64{idB: idA}); err != nil { // again: replaced
			t.Fatal(err)
		}
		// The story's feeds name its outlets: they are rendered again.
		if v1, _, _ := s.SectionVersion(ctx, "world"); v1 == v0 {
			t.Errorf("section version %d unchanged by a story's new report", v1)
		}
		items, err := s.StoryItems(ctx, day, 0, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 || items[0].ID != idA || items[1].ID != idB {
			t.Fatalf("first two items: %+v, want %d and %d", items, idA, idB)
		}
		if items[0].Story != idA || items[1].Story != idA {
			t.Errorf("stories %d, %d, want both %d", items[0].Story, items[1].Story, idA)
		}
		rest, err := s.StoryItems(ctx, items[1].Published, items[1].ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(rest) != 1 || rest[0].ID != idC || rest[0].Story != 0 {
			t.Errorf("read on: %+v; want %d alone, ungrouped", rest, idC)
		}
		storyOf, reports, err := s.StoriesOf(ctx, []int64{idB, idC})
		if err != nil {
			t.Fatal(err)
		}
		if storyOf[idB] != idA || storyOf[idA] != idA || storyOf[idC] != 0 || len(reports[idA]) != 2 ||
			reports[idA][0].SourceID != "tass" || reports[idA][1].Link != "https://ria.test/2" {
			t.Errorf("StoriesOf: %v %+v", storyOf, reports)
		}
		recent, err := s.RecentStories(ctx, 48*time.Hour, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(recent) != 1 || recent[0].ID != idA || len(recent[0].Items) != 2 || recent[0].Items[1].ID != idB {
			t.Errorf("RecentStories: %+v, want story %d of %d and %d", recent, idA, idA, idB)
		}
		// The newest item is of 06:00 the next day: 20 hours back do not
		// reach the story's reports.
		if recent, _ := s.RecentStories(ctx, 20*time.Hour, 10); len(recent) != 0 {
			t.Errorf("RecentStories 20h back: %+v, want none", recent)
		}
		if one, err := s.StoryByID(ctx, idA); err != nil || len(one.Items) != 2 {
			t.Errorf("StoryByID(%d): %+v %v", idA, one, err)
		}
		if _, err := s.StoryByID(ctx, 424242); !errors.Is(err, ErrNotFound) {
			t.Errorf("StoryByID of no story: %v, want ErrNotFound", err)
		}
		late, err := s.StoryItems(ctx, day.Add(3*time.Hour), 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(late) != 1 || late[0].ID != idC {
			t.Errorf("items from 03:00: %d, want %d alone", len(late), idC)
		}
	})
}
