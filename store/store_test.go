package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// testClock is a controllable clock: it returns now until advanced.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// testStore opens a store in a fresh temporary directory, closed at the end
// of the test. Behaviour tests use only the exported API through it, so that
// another backend can run them.
func testStore(t testing.TB, opts ...Option) *Store {
	t.Helper()
	return openAt(t, testDatabase(t), opts...)
}

func openAt(t testing.TB, path string, opts ...Option) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func item(src, guid, link, title string) news.Item {
	return news.Item{SourceID: src, GUID: guid, Link: link, Title: title, Sections: []string{"world"}}
}

func save(t testing.TB, s *Store, items ...news.Item) news.SaveResult {
	t.Helper()
	res, err := s.SaveItems(context.Background(), items)
	if err != nil {
		t.Fatalf("SaveItems: %v", err)
	}
	return res
}

func count(t testing.TB, s *Store) int {
	t.Helper()
	n, err := s.CountItems(context.Background())
	if err != nil {
		t.Fatalf("CountItems: %v", err)
	}
	return n
}

// TestSaveItemsDedup saves batches one after the other and checks the status
// of every item and which ones were recognised as the same (same label, same
// ID; different label, different ID).
func TestSaveItemsDedup(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		pub := time.Date(2025, 2, 27, 9, 30, 0, 0, time.UTC)
		dated := func(it news.Item, p time.Time) news.Item { it.Published = p; return it }
		const (
			N = news.StatusNew
			U = news.StatusUpdated
			C = news.StatusUnchanged
		)
		type batch struct {
			items  []news.Item
			status []news.SaveStatus
			labels []string
		}
		tests := []struct {
			name    string
			batches []batch
			count   int
		}{
			{"same guid twice is unchanged", []batch{
				{[]news.Item{item("a", "g1", "https://a.test/1", "One"), item("a", "g2", "https://a.test/2", "Two")}, []news.SaveStatus{N, N}, []string{"1", "2"}},
				{[]news.Item{item("a", "g1", "https://a.test/1", "One"), item("a", "g2", "https://a.test/2", "Two")}, []news.SaveStatus{C, C}, []string{"1", "2"}},
			}, 2},
			{"guid identifies despite new link", []batch{
				{[]news.Item{item("a", "g1", "https://a.test/1", "One")}, []news.SaveStatus{N}, []string{"1"}},
				{[]news.Item{item("a", "g1", "https://a.test/moved", "One")}, []news.SaveStatus{U}, []string{"1"}},
			}, 1},
			{"same guid in another source is another item", []batch{
				{[]news.Item{item("a", "g1", "https://a.test/1", "One")}, []news.SaveStatus{N}, []string{"1"}},
				{[]news.Item{item("b", "g1", "https://b.test/1", "One")}, []news.SaveStatus{N}, []string{"2"}},
			}, 2},
			{"missing guids fall back to link", []batch{
				{[]news.Item{item("a", "", "https://a.test/1", "One"), item("a", "", "https://a.test/2", "Two")}, []news.SaveStatus{N, N}, []string{"1", "2"}},
				{[]news.Item{item("a", "", "https://a.test/2", "Two"), item("a", "", "https://a.test/1", "One")}, []news.SaveStatus{C, C}, []string{"2", "1"}},
			}, 2},
			{"missing guid and link fall back to title and date", []batch{
				{[]news.Item{dated(item("a", "", "", "One"), pub), dated(item("a", "", "", "Two"), pub), dated(item("a", "", "", "One"), pub.AddDate(0, 0, 1))}, []news.SaveStatus{N, N, N}, []string{"1", "2", "3"}},
				{[]news.Item{dated(item("a", "", "", "  one "), pub.Add(time.Hour))}, []news.SaveStatus{U}, []string{"1"}},
			}, 3},
			{"empty guids do not collapse items", []batch{
				{[]news.Item{item("a", "", "https://a.test/1", "One"), item("a", " ", "https://a.test/2", "Two"), item("a", "", "https://a.test/3", "Three")}, []news.SaveStatus{N, N, N}, []string{"1", "2", "3"}},
			}, 3},
			{"guid repeated in a batch falls back to link", []batch{
				{[]news.Item{item("a", "same", "https://a.test/1", "One"), item("a", "same", "https://a.test/2", "Two"), item("a", "same", "https://a.test/3", "Three")}, []news.SaveStatus{N, N, N}, []string{"1", "2", "3"}},
				{[]news.Item{item("a", "same", "https://a.test/2", "Two"), item("a", "other", "https://a.test/3", "Three")}, []news.SaveStatus{C, C}, []string{"2", "3"}},
			}, 3},
			{"item listed twice verbatim is one item", []batch{
				{[]news.Item{item("a", "g1", "https://a.test/1", "One"), item("a", "g1", "https://a.test/1", "One")}, []news.SaveStatus{N, C}, []string{"1", "1"}},
			}, 1},
			{"same link new guid is the same item", []batch{
				{[]news.Item{item("a", "g1", "https://a.test/1", "One")}, []news.SaveStatus{N}, []string{"1"}},
				{[]news.Item{item("a", "g1-v2", "https://a.test/1", "One")}, []news.SaveStatus{C}, []string{"1"}},
				{[]news.Item{item("a", "g1-v3", "http://www.A.test/1/?utm_source=rss#top", "One, edited")}, []news.SaveStatus{U}, []string{"1"}},
			}, 1},
			{"same link new guid in one batch is the same item", []batch{
				{[]news.Item{item("a", "g1", "https://a.test/1", "One"), item("a", "g2", "https://a.test/1", "One")}, []news.SaveStatus{N, C}, []string{"1", "1"}},
			}, 1},
			{"link shared by different stories does not merge them", []batch{
				{[]news.Item{item("a", "g1", "https://a.test/", "One"), item("a", "g2", "https://a.test/", "Two")}, []news.SaveStatus{N, N}, []string{"1", "2"}},
				{[]news.Item{item("a", "g3", "https://a.test/", "Three")}, []news.SaveStatus{N}, []string{"3"}},
				{[]news.Item{item("a", "", "https://a.test/", "Four"), item("a", "", "https://a.test/", "Five")}, []news.SaveStatus{N, N}, []string{"4", "5"}},
			}, 5},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := testStore(t)
				ids := make(map[string]int64)
				for b, bt := range tt.batches {
					res := save(t, s, bt.items...)
					if len(res.Items) != len(bt.items) {
						t.Fatalf("batch %d: %d results for %d items", b, len(res.Items), len(bt.items))
					}
					var n, u, c int
					for i, got := range res.Items {
						if got.Status != bt.status[i] {
							t.Errorf("batch %d item %d: status %v, want %v", b, i, got.Status, bt.status[i])
						}
						switch got.Status {
						case news.StatusNew:
							n++
						case news.StatusUpdated:
							u++
						case news.StatusUnchanged:
							c++
						}
						label := bt.labels[i]
						if want, ok := ids[label]; ok && want != got.ID {
							t.Errorf("batch %d item %d: id %d, want %d (item %s)", b, i, got.ID, want, label)
						}
						for l, id := range ids {
							if l != label && id == got.ID {
								t.Errorf("batch %d item %d: id %d is item %s's, want a distinct item %s", b, i, got.ID, l, label)
							}
						}
						ids[label] = got.ID
					}
					if res.New != n || res.Updated != u || res.Unchanged != c {
						t.Errorf("batch %d: counts %d/%d/%d, statuses say %d/%d/%d", b, res.New, res.Updated, res.Unchanged, n, u, c)
					}
				}
				if got := count(t, s); got != tt.count {
					t.Errorf("CountItems = %d, want %d", got, tt.count)
				}
			})
		}
	})
}

func TestSaveItemsRejectsBadBatch(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t)
		tests := []struct {
			name  string
			items []news.Item
		}{
			{"empty source", []news.Item{item("", "g", "https://a.test/1", "x")}},
			{"mixed sources", []news.Item{item("a", "g", "https://a.test/1", "x"), item("b", "g", "https://b.test/1", "x")}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := s.SaveItems(context.Background(), tt.items); err == nil {
					t.Fatal("SaveItems: no error")
				}
				if n := count(t, s); n != 0 {
					t.Fatalf("CountItems = %d after a rejected batch", n)
				}
			})
		}
		if res, err := s.SaveItems(context.Background(), nil); err != nil || res.New+res.Updated+res.Unchanged != 0 {
			t.Fatalf("SaveItems(nil) = %+v, %v", res, err)
		}
	})
}

func fullItem() news.Item {
	return news.Item{
		SourceID:    "caliber",
		GUID:        "https://caliber.az/post/1",
		Link:        "https://caliber.az/post/1",
		Title:       "Title",
		Summary:     "<p>Summary</p>",
		Content:     "<p>Body</p>",
		Authors:     []string{"Ann Author", "Bob Byline"},
		Categories:  []string{"Politics"},
		Section:     "REGION",
		Published:   time.Date(2025, 2, 28, 10, 0, 0, 123456789, time.FixedZone("MSK", 3*3600)),
		Updated:     time.Date(2025, 2, 28, 11, 0, 0, 0, time.UTC),
		Image:       "https://caliber.az/img/1.jpg",
		Lang:        "en",
		Via:         []string{"TASS"},
		Attribution: news.Attribution{Required: true, Link: "https://caliber.az", Notice: "Any use of materials is allowed only if there is a hyperlink to Caliber.az"},
		Quotes: []news.Quote{
			{Text: "We will respond", Speaker: "Maria Zakharova", Role: "Foreign Ministry spokeswoman", Verb: "said", Direct: true, Pos: 42},
			{Text: "все под контролем", Speaker: "", Role: "", Verb: "заявил", Direct: false, Pos: 99},
		},
		Sections:   []string{"world", "caucasus"},
		Enclosures: []news.Enclosure{{URL: "https://caliber.az/img/1.jpg", Type: "image/jpeg", Length: 16180}, {URL: "https://caliber.az/a/1.mp3", Type: "audio/mpeg"}},
	}
}

// want is it, stored under its GUID, as the store gives it back.
func want(it news.Item, id int64, fetched time.Time) news.Item {
	it = normalize(it)
	it.Published = inZone(it.Published.UTC(), zoneOffset(it.Published)) // the offset comes back, not the zone name
	it.ID = id
	it.FetchedAt = fetched
	it.Key = keyGUID + it.GUID
	return it
}

// TestEditsAndIdentity checks what the publisher reads of an item's history:
// Edited is set by an upstream edit and by nothing else (not by the media of
// an item stored before they were kept, not by an unchanged item), and Key
// stays the key the item was first stored under when the upstream gives it
// a new GUID at the same link (alone the new GUID is no change; with an
// edit it is written over the old one).
func TestEditsAndIdentity(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		clock := &testClock{now: t0}
		s := testStore(t, WithClock(clock.Now))
		ctx := context.Background()
		in := fullItem()
		media := in.Enclosures
		in.Enclosures = nil // as stored before enclosures were kept
		id := save(t, s, in).Items[0].ID
		read := func() news.Item {
			t.Helper()
			got, err := s.ItemByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		step := func(what string, it news.Item, status news.SaveStatus, edited time.Time) {
			t.Helper()
			clock.Advance(time.Hour)
			if res := save(t, s, it).Items[0]; res != (news.SavedItem{ID: id, Status: status}) {
				t.Fatalf("%s: saved as %+v, want %s of %d", what, res, status, id)
			}
			if got := read(); !got.Edited.Equal(edited) || got.Key != keyGUID+fullItem().GUID || !reflect.DeepEqual(got.Enclosures, it.Enclosures) {
				t.Fatalf("%s: Edited %v Key %q Enclosures %v, want %v %q %v", what, got.Edited, got.Key, got.Enclosures, edited, keyGUID+fullItem().GUID, it.Enclosures)
			}
		}
		in.Enclosures = media
		step("media added", in, news.StatusUpdated, time.Time{})
		step("the same again", in, news.StatusUnchanged, time.Time{})
		in.Title = "Title, corrected"
		step("title edited", in, news.StatusUpdated, t0.Add(3*time.Hour))
		in.GUID = "https://caliber.az/?p=1"
		step("new GUID", in, news.StatusUnchanged, t0.Add(3*time.Hour))
		in.Title = "Title, corrected again"
		step("new GUID and title", in, news.StatusUpdated, t0.Add(5*time.Hour))
		if got := read(); got.GUID != in.GUID {
			t.Errorf("GUID %q, want the new %q", got.GUID, in.GUID)
		}
	})
}

func TestItemRoundTrip(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		clock := &testClock{now: t0}
		s := testStore(t, WithClock(clock.Now))
		ctx := context.Background()
		in := fullItem()
		res := save(t, s, in)
		got, err := s.ItemByID(ctx, res.Items[0].ID)
		if err != nil {
			t.Fatalf("ItemByID: %v", err)
		}
		if w := want(in, res.Items[0].ID, t0); !reflect.DeepEqual(got, w) {
			t.Fatalf("ItemByID:\n got %+v\nwant %+v", got, w)
		}
		if !got.Published.Equal(in.Published.Truncate(time.Microsecond)) {
			t.Errorf("Published = %v, want the instant %v", got.Published, in.Published)
		}

		// Quotes and sections are replaced on update; FetchedAt stays.
		clock.Advance(time.Hour)
		ed := in
		ed.Quotes = []news.Quote{{Text: "New words", Speaker: "Sergei Lavrov", Verb: "told", Direct: true, Pos: 7}}
		ed.Sections = []string{"politics"}
		ed.FetchedAt = t0.Add(time.Hour) // ignored on update
		res2 := save(t, s, ed)
		if res2.Items[0] != (news.SavedItem{ID: res.Items[0].ID, Status: news.StatusUpdated}) {
			t.Fatalf("edit saved as %+v, want update of %d", res2.Items[0], res.Items[0].ID)
		}
		got, err = s.ItemByID(ctx, res.Items[0].ID)
		if err != nil {
			t.Fatalf("ItemByID: %v", err)
		}
		w := want(ed, res.Items[0].ID, t0)
		w.Edited = t0.Add(time.Hour)
		if !reflect.DeepEqual(got, w) {
			t.Fatalf("after edit:\n got %+v\nwant %+v", got, w)
		}

		if _, err := s.ItemByID(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Fatalf("ItemByID(999) error = %v, want ErrNotFound", err)
		}
	})
}

func TestFetchedAtGivenIsKept(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t, WithClock((&testClock{now: t0}).Now))
		it := item("a", "g", "https://a.test/1", "x")
		it.FetchedAt = t0.Add(-time.Minute)
		id := save(t, s, it).Items[0].ID
		got, err := s.ItemByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if !got.FetchedAt.Equal(it.FetchedAt) {
			t.Fatalf("FetchedAt = %v, want %v", got.FetchedAt, it.FetchedAt)
		}
	})
}

func version(t testing.TB, s *Store, section string) int64 {
	t.Helper()
	v, _, err := s.SectionVersion(context.Background(), section)
	if err != nil {
		t.Fatalf("SectionVersion(%s): %v", section, err)
	}
	return v
}

func TestEditBumpsSectionVersions(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		clock := &testClock{now: t0}
		s := testStore(t, WithClock(clock.Now))
		ctx := context.Background()

		// Never changed: dated by the store's creation (its clock at Open).
		if v, at, err := s.SectionVersion(ctx, "world"); v != 0 || !at.Equal(t0) || err != nil {
			t.Fatalf("SectionVersion of an unknown section = %d, %v, %v; want 0, %v", v, at, err, t0)
		}
		a := item("a", "g1", "https://a.test/1", "One")
		a.Sections = []string{"world", "europe"}
		b := item("a", "g2", "https://a.test/2", "Two")
		b.Sections = []string{"sport"}
		save(t, s, a, b)
		v0 := map[string]int64{"world": version(t, s, "world"), "europe": version(t, s, "europe"), "sport": version(t, s, "sport")}
		for sec, v := range v0 {
			if v == 0 {
				t.Fatalf("section %s has version 0 after an insert", sec)
			}
		}

		tests := []struct {
			name    string
			edit    func(*news.Item)
			changed []string // sections whose version must change
		}{
			{"title", func(it *news.Item) { it.Title = "One (updated)" }, []string{"world", "europe"}},
			{"content", func(it *news.Item) { it.Content = "<p>more</p>" }, []string{"world", "europe"}},
			{"authors", func(it *news.Item) { it.Authors = []string{"X"} }, []string{"world", "europe"}},
			{"published", func(it *news.Item) { it.Published = t0.Add(-time.Hour) }, []string{"world", "europe"}},
			{"quotes", func(it *news.Item) { it.Quotes = []news.Quote{{Text: "q"}} }, []string{"world", "europe"}},
			{"leaves a section", func(it *news.Item) { it.Sections = []string{"world"} }, []string{"world", "europe"}},
			{"moves to another section", func(it *news.Item) { it.Sections = []string{"sport"} }, []string{"world", "sport"}},
			{"section order only", func(it *news.Item) { it.Sections = []string{"sport", "sport", " "} }, nil},
		}
		cur := a
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				clock.Advance(time.Minute)
				before := map[string]int64{}
				for _, sec := range []string{"world", "europe", "sport"} {
					before[sec] = version(t, s, sec)
				}
				tt.edit(&cur)
				res := save(t, s, cur, b)
				wantStatus := news.StatusUpdated
				if tt.changed == nil {
					wantStatus = news.StatusUnchanged
				}
				if res.Items[0].Status != wantStatus || res.Items[1].Status != news.StatusUnchanged {
					t.Fatalf("statuses %v, %v; want %v, unchanged", res.Items[0].Status, res.Items[1].Status, wantStatus)
				}
				changed := map[string]bool{}
				for _, sec := range tt.changed {
					changed[sec] = true
				}
				for sec, v := range before {
					got, at, err := s.SectionVersion(ctx, sec)
					if err != nil {
						t.Fatal(err)
					}
					if changed[sec] && (got <= v || !at.Equal(clock.Now())) {
						t.Errorf("section %s: version %d at %v, want > %d at %v", sec, got, at, v, clock.Now())
					}
					if !changed[sec] && got != v {
						t.Errorf("section %s: version %d, want unchanged %d", sec, got, v)
					}
				}
			})
		}
	})
}

func TestUnchangedBatchWritesNothing(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		clock := &testClock{now: t0}
		s := testStore(t, WithClock(clock.Now))
		ctx := context.Background()
		var batch []news.Item
		for i := range 20 {
			it := fullItem()
			it.GUID = fmt.Sprintf("g%d", i)
			it.Link = fmt.Sprintf("https://caliber.az/post/%d", i)
			batch = append(batch, it)
		}
		save(t, s, batch...)
		v, at, err := s.SectionVersion(ctx, "world")
		if err != nil {
			t.Fatal(err)
		}
		changes := totalChanges(t, s)
		clock.Advance(time.Hour)
		res := save(t, s, batch...)
		if res.Unchanged != len(batch) || res.New+res.Updated != 0 {
			t.Fatalf("second save: %+v, want all unchanged", res)
		}
		if got := totalChanges(t, s); got != changes {
			t.Errorf("an unchanged batch wrote rows (changes mark %d, then %d)", changes, got)
		}
		v2, at2, err := s.SectionVersion(ctx, "world")
		if err != nil {
			t.Fatal(err)
		}
		if v2 != v || !at2.Equal(at) {
			t.Errorf("section version went from %d@%v to %d@%v", v, at, v2, at2)
		}
	})
}

// totalChanges is a number that changes when a row is written: on SQLite
// the number of rows the writer connection has changed; on PostgreSQL a
// sum over the row versions of the item tables (each write makes a row
// version with a new transaction ID, xmin).
func totalChanges(t testing.TB, s *Store) int64 {
	t.Helper()
	query := `SELECT total_changes()`
	if s.pg {
		var parts []string
		for _, table := range []string{"items", "item_sections", "quotes", "items_fts", "section_versions"} {
			parts = append(parts, `SELECT xmin::text::bigint + 1 AS x FROM `+table)
		}
		query = `SELECT coalesce(sum(x), 0) FROM (` + strings.Join(parts, " UNION ALL ") + `) AS rows`
	}
	var n int64
	if err := s.w.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSectionItemsOrderAndLimit(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		clock := &testClock{now: t0}
		s := testStore(t, WithClock(clock.Now))
		ctx := context.Background()
		mk := func(guid string, pub time.Time, secs ...string) news.Item {
			it := item("a", guid, "https://a.test/"+guid, guid)
			it.Published = pub
			it.Sections = secs
			return it
		}
		save(t, s,
			mk("old", t0.Add(-48*time.Hour), "world"),
			mk("new", t0.Add(-1*time.Hour), "world"),
			mk("undated", time.Time{}, "world"), // sorts at t0, its first storing
			mk("mid", t0.Add(-5*time.Hour), "world", "sport"),
			mk("other", t0.Add(time.Hour), "sport"),
		)
		clock.Advance(time.Minute)
		save(t, s, mk("tie-b", t0.Add(-3*time.Hour), "world"))
		save(t, s, mk("tie-a", t0.Add(-3*time.Hour), "world")) // same time, higher id: first

		tests := []struct {
			section string
			limit   int
			want    []string
		}{
			{"world", 50, []string{"undated", "new", "tie-a", "tie-b", "mid", "old"}},
			{"world", 3, []string{"undated", "new", "tie-a"}},
			{"sport", 50, []string{"other", "mid"}},
			{"world", 0, nil},
			{"nowhere", 10, nil},
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%d", tt.section, tt.limit), func(t *testing.T) {
				items, err := s.SectionItems(ctx, tt.section, tt.limit)
				if err != nil {
					t.Fatalf("SectionItems: %v", err)
				}
				var got []string
				for _, it := range items {
					got = append(got, it.GUID)
					if len(it.Sections) == 0 {
						t.Errorf("item %s has no sections", it.GUID)
					}
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("SectionItems = %v, want %v", got, tt.want)
				}
			})
		}
	})
}

func TestSectionItemsFollowEdits(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t)
		ctx := context.Background()
		a := item("a", "g1", "https://a.test/1", "One")
		a.Published = t0
		b := item("a", "g2", "https://a.test/2", "Two")
		b.Published = t0.Add(time.Hour)
		save(t, s, a, b)
		a.Published = t0.Add(2 * time.Hour) // re-dated upstream: moves to the top
		save(t, s, a)
		items, err := s.SectionItems(ctx, "world", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 || items[0].GUID != "g1" {
			t.Fatalf("after re-dating, order = %v", items)
		}
		a.Sections = []string{"sport"}
		save(t, s, a)
		items, err = s.SectionItems(ctx, "world", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 1 || items[0].GUID != "g2" {
			t.Fatalf("after leaving the section, world = %v", items)
		}
	})
}

func TestHasItem(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t)
		ctx := context.Background()
		save(t, s,
			item("a", "g1", "https://a.test/1", "One"),
			item("a", "", "https://a.test/2", "Two"),
			item("a", "g3", "https://a.test/", "Three"),
			item("a", "g4", "https://a.test/", "Four"),
		)
		tests := []struct {
			src, guid, link string
			want            bool
		}{
			{"a", "g1", "", true},
			{"a", "g1", "https://a.test/elsewhere", true},
			{"a", "other", "https://a.test/1", true},
			{"a", "", "https://www.a.test/1?utm_medium=rss", true},
			{"a", "", "https://a.test/2", true},
			{"a", "", "https://a.test/", false}, // two stories share it
			{"a", "g9", "https://a.test/9", false},
			{"a", "", "", false},
			{"b", "g1", "https://a.test/1", false},
		}
		for _, tt := range tests {
			got, err := s.HasItem(ctx, tt.src, tt.guid, tt.link)
			if err != nil {
				t.Fatalf("HasItem: %v", err)
			}
			if got != tt.want {
				t.Errorf("HasItem(%q, %q, %q) = %v, want %v", tt.src, tt.guid, tt.link, got, tt.want)
			}
			if _, found, err := s.StoredItem(ctx, tt.src, tt.guid, tt.link); err != nil || found != tt.want {
				t.Errorf("StoredItem(%q, %q, %q) found %v, %v; want %v", tt.src, tt.guid, tt.link, found, err, tt.want)
			}
		}
		// The GUID's item, not the one whose link key the link is.
		it, found, err := s.StoredItem(ctx, "a", "g1", "https://a.test/2")
		if err != nil || !found || it.Title != "One" || it.Link != "https://a.test/1" {
			t.Errorf("StoredItem(g1, /2) = %q %q, %v, %v; want One", it.Title, it.Link, found, err)
		}
	})
}

func TestSourceStateRoundTrip(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t)
		ctx := context.Background()
		got, err := s.SourceState(ctx, "tass")
		if err != nil || got != (news.SourceState{}) {
			t.Fatalf("SourceState of an unknown source = %+v, %v; want zero", got, err)
		}
		states := []news.SourceState{
			{
				SourceID: "tass", ETag: `W/"abc"`, LastModified: "Sat, 01 Mar 2025 12:00:00 GMT",
				LastFetch: t0, LastSuccess: t0.Add(-time.Minute), LastError: "", Failures: 0,
				NextFetch:   t0.Add(10 * time.Minute).In(time.FixedZone("MSK", 3*3600)),
				Attribution: news.Attribution{Required: true, Link: "https://tass.com", Notice: "hyperlink required"},
			},
			{SourceID: "caliber", LastFetch: t0, LastError: "fetch: 503", Failures: 3, NextFetch: t0.Add(time.Hour)},
		}
		if err := s.SaveSourceStates(ctx, states...); err != nil { // together, in one transaction
			t.Fatalf("SaveSourceStates: %v", err)
		}
		// Saving again replaces.
		states[1].Failures, states[1].LastError, states[1].LastSuccess = 0, "", t0.Add(time.Hour)
		if err := s.SaveSourceStates(ctx, states[1]); err != nil {
			t.Fatal(err)
		}
		for _, st := range states {
			got, err := s.SourceState(ctx, st.SourceID)
			if err != nil {
				t.Fatal(err)
			}
			if !sameState(got, st) {
				t.Errorf("SourceState(%s) = %+v, want %+v", st.SourceID, got, st)
			}
		}
		all, err := s.SourceStates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[0].SourceID != "caliber" || all[1].SourceID != "tass" {
			t.Fatalf("SourceStates = %+v", all)
		}
		if err := s.SaveSourceStates(ctx, news.SourceState{SourceID: "ria"}, news.SourceState{}); err == nil {
			t.Fatal("SaveSourceStates with a state without a source id: no error")
		}
		if got, _ := s.SourceStates(ctx); len(got) != 2 {
			t.Fatalf("a failed SaveSourceStates saved some: %+v", got)
		}
	})
}

func sameState(a, b news.SourceState) bool {
	ta := []time.Time{a.LastFetch, a.LastSuccess, a.NextFetch}
	tb := []time.Time{b.LastFetch, b.LastSuccess, b.NextFetch}
	for i := range ta {
		if !ta[i].Equal(tb[i]) {
			return false
		}
	}
	a.LastFetch, a.LastSuccess, a.NextFetch = time.Time{}, time.Time{}, time.Time{}
	b.LastFetch, b.LastSuccess, b.NextFetch = time.Time{}, time.Time{}, time.Time{}
	return a == b
}

func TestReopenKeepsEverything(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		path := testDatabase(t)
		s, err := Open(ctx, path, WithClock((&testClock{now: t0}).Now))
		if err != nil {
			t.Fatal(err)
		}
		in := fullItem()
		id := save(t, s, in, item("caliber", "g2", "https://caliber.az/post/2", "Two")).Items[0].ID
		st := news.SourceState{SourceID: "caliber", ETag: "x", LastFetch: t0, Failures: 1}
		if err := s.SaveSourceStates(ctx, st); err != nil {
			t.Fatal(err)
		}
		v, at, err := s.SectionVersion(ctx, "world")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}

		for round := range 2 { // the second reopen finds the schema up to date
			s := openAt(t, path)
			if n := count(t, s); n != 2 {
				t.Fatalf("round %d: CountItems = %d, want 2", round, n)
			}
			got, err := s.ItemByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if w := want(in, id, t0); !reflect.DeepEqual(got, w) {
				t.Fatalf("round %d: item:\n got %+v\nwant %+v", round, got, w)
			}
			gst, err := s.SourceState(ctx, "caliber")
			if err != nil || !sameState(gst, st) {
				t.Fatalf("round %d: SourceState = %+v, %v", round, gst, err)
			}
			v2, at2, err := s.SectionVersion(ctx, "world")
			if err != nil || v2 != v || !at2.Equal(at) {
				t.Fatalf("round %d: SectionVersion = %d, %v, %v; want %d, %v", round, v2, at2, err, v, at)
			}
			if res := save(t, s, in); res.Unchanged != 1 {
				t.Fatalf("round %d: resaving after reopen: %+v", round, res)
			}
			var migrations int
			if err := s.r.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&migrations); err != nil {
				t.Fatal(err)
			}
			ms, err := s.migrations()
			if err != nil {
				t.Fatal(err)
			}
			if migrations != len(ms) {
				t.Fatalf("round %d: %d migrations recorded, want %d", round, migrations, len(ms))
			}
		}
	})
}

func TestQuotesBySpeaker(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		s := testStore(t)
		save(t, s, fullItem())
		// Journalists will query quotes by speaker; the index must serve it.
		var text string
		if err := s.r.QueryRow(`SELECT text FROM quotes WHERE speaker = $1`, "Maria Zakharova").Scan(&text); err != nil {
			t.Fatal(err)
		}
		if text != "We will respond" {
			t.Fatalf("quote = %q", text)
		}
		plan := queryPlan(t, s, `SELECT item_id FROM quotes WHERE speaker = $1`, "x")
		if !containsAll(plan, "quotes_speaker") {
			t.Fatalf("quotes by speaker plan does not use quotes_speaker:\n%s", plan)
		}
	})
}

func TestPublishedKeepsItsOffset(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		msk := time.FixedZone("MSK", 3*3600)
		pub := time.Date(2022, 12, 3, 19, 43, 0, 0, msk)
		if _, err := s.SaveItems(ctx, []news.Item{{SourceID: "lenta", GUID: "a", Link: "https://lenta.ru/a", Title: "A", Published: pub, Sections: []string{"all"}}}); err != nil {
			t.Fatal(err)
		}
		items, err := s.SectionItems(ctx, "all", 10)
		if err != nil || len(items) != 1 {
			t.Fatalf("%v %v", items, err)
		}
		got := items[0].Published
		if _, off := got.Zone(); !got.Equal(pub) || off != 3*3600 {
			t.Errorf("published = %v, want %v", got, pub)
		}
		// The same instant written in another zone is not an edit.
		res, _ := s.SaveItems(ctx, []news.Item{{SourceID: "lenta", GUID: "a", Link: "https://lenta.ru/a", Title: "A", Published: pub.UTC(), Sections: []string{"all"}}})
		if res.Unchanged != 1 {
			t.Errorf("same instant in UTC: %+v", res)
		}
	})
}
