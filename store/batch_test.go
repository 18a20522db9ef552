package store

import (
	"context"
	"testing"

	"github.com/syndic/syndic/news"
)

// A batch written in many multi-row statements (2,500 items: 9 pieces of
// 256 rows and smaller) is stored whole: every item under its own ID, with its sections
// and quotes, findable by search; saving it again changes nothing.
func TestSaveItemsLargeBatch(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t)
		ctx := context.Background()
		const n = 2500
		batch := make([]news.Item, n)
		for i := range batch {
			batch[i] = benchItem("big", i)
		}
		batch[n-1].Title = "Уникальный заголовок последней новости"
		res, err := s.SaveItems(ctx, batch)
		if err != nil || res.New != n {
			t.Fatalf("SaveItems: %d new, %v", res.New, err)
		}
		seen := map[int64]bool{}
		for i, saved := range res.Items {
			if saved.ID == 0 || seen[saved.ID] {
				t.Fatalf("item %d: ID %d (0 or repeated)", i, saved.ID)
			}
			seen[saved.ID] = true
		}
		for _, i := range []int{0, 255, 256, 2303, n - 1} {
			it, err := s.ItemByID(ctx, res.Items[i].ID)
			if err != nil || it.GUID != batch[i].GUID || len(it.Quotes) != 1 || len(it.Sections) != len(normalize(batch[i]).Sections) {
				t.Errorf("item %d read back: %q, %d quotes, sections %v, %v", i, it.GUID, len(it.Quotes), it.Sections, err)
			}
		}
		found, err := s.SearchItems(ctx, "уникальный заголовок", 10)
		if err != nil || len(found) != 1 || found[0].ID != res.Items[n-1].ID {
			t.Errorf("search for the last item: %d found, %v", len(found), err)
		}
		again, err := s.SaveItems(ctx, batch)
		if err != nil || again.Unchanged != n {
			t.Errorf("saved again: %+v %v", again.Unchanged, err)
		}
	})
}

// A document whose items are saved in several batches (each as its page is
// read) dedups as if saved at once: a GUID the feed gives two stories is
// not trusted in either batch.
func TestSaveDocumentItemsInBatches(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t)
		ctx := context.Background()
		doc := []news.Item{
			item("a", "same", "https://a.test/1", "One"),
			item("a", "same", "https://a.test/2", "Two"),
		}
		for i := range doc {
			res, err := s.SaveDocumentItems(ctx, doc, doc[i:i+1])
			if err != nil || res.New != 1 {
				t.Fatalf("batch %d: %+v, %v; want a new item", i, res, err)
			}
		}
		if n, _ := s.CountItems(ctx); n != 2 {
			t.Errorf("%d items stored, want the two stories", n)
		}
		// Saved again at once, the document changes nothing.
		res, err := s.SaveItems(ctx, doc)
		if err != nil || res.Unchanged != 2 {
			t.Errorf("saved at once: %+v, %v; want 2 unchanged", res, err)
		}
	})
}
