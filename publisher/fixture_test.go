package publisher

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/syndic/syndic/news"
)

// fakeStore is an in-memory Store: items per section, newest first, and a
// version per section bumped by touch.
type fakeStore struct {
	mu       sync.Mutex
	items    map[string][]news.Item
	version  map[string]int64
	modified map[string]time.Time
	reads    int // item reads
	nextID   int64
	err      error // every read fails with it
	itemsErr error // item reads fail with it (the database went away after a version read)
}

var _ Store = (*fakeStore)(nil)

// page returns up to limit of items (ordered by position, newest first)
// older than (before, id).
func page(items []news.Item, before time.Time, id int64, limit int) []news.Item {
	var out []news.Item
	cur := cursor{t: before.UnixMicro(), id: id}
	for _, it := range items {
		if len(out) == limit {
			break
		}
		c := cursorOf(&it)
		if !before.IsZero() && (c.t > cur.t || c.t == cur.t && c.id >= cur.id) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// sorted returns items ordered by position, newest first, as the store does.
func sorted(items []news.Item) []news.Item {
	out := append([]news.Item(nil), items...)
	slices.SortStableFunc(out, func(a, b news.Item) int {
		ca, cb := cursorOf(&a), cursorOf(&b)
		if ca.t != cb.t {
			return cmp.Compare(cb.t, ca.t)
		}
		return cmp.Compare(cb.id, ca.id)
	})
	return out
}

func (s *fakeStore) SectionItemsBefore(_ context.Context, section string, before time.Time, id int64, limit int) ([]news.Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := cmp.Or(s.err, s.itemsErr); err != nil {
		return nil, err
	}
	s.reads++
	return page(sorted(s.items[section]), before, id, limit), nil
}

func (s *fakeStore) SourceItems(_ context.Context, source string, before time.Time, id int64, limit int) ([]news.Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := cmp.Or(s.err, s.itemsErr); err != nil {
		return nil, err
	}
	s.reads++
	seen := map[int64]bool{}
	var all []news.Item
	for _, items := range s.items {
		for _, it := range items {
			if it.SourceID == source && !seen[it.ID] {
				seen[it.ID] = true
				all = append(all, it)
			}
		}
	}
	return page(sorted(all), before, id, limit), nil
}

func (s *fakeStore) Version(_ context.Context) (int64, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, time.Time{}, s.err
	}
	var v int64
	var at time.Time
	for sec, n := range s.version {
		v += n
		if s.modified[sec].After(at) {
			at = s.modified[sec]
		}
	}
	return v, at, nil
}

func (s *fakeStore) SectionVersion(_ context.Context, section string) (int64, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, time.Time{}, s.err
	}
	return s.version[section], s.modified[section], nil
}

// touch adds it (when not nil) at the head of section and bumps the version.
func (s *fakeStore) touch(section string, it *news.Item, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if it != nil {
		if it.ID == 0 {
			s.nextID++
			it.ID = s.nextID
		}
		s.items[section] = append([]news.Item{*it}, s.items[section]...)
	}
	s.version[section]++
	s.modified[section] = at
}

func (s *fakeStore) readCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reads
}

const testBase = "https://feeds.example.org"

var (
	msk       = time.FixedZone("MSK", 3*3600)
	baku      = time.FixedZone("AZT", 4*3600)
	testNow   = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	testMod   = time.Date(2025, 3, 1, 10, 30, 0, 0, time.UTC)
	fetchedAt = time.Date(2025, 3, 1, 9, 45, 0, 0, time.UTC)
)

var testSections = []news.Section{
	{ID: "world", Title: "World / Мир", Description: "World news from Russian and regional media"},
	{ID: "caucasus", Title: "Caucasus", Description: "Azerbaijan, Armenia & Georgia"},
}

var testSources = []news.Source{
	{ID: "lenta", Name: "Lenta.ru", URL: "https://lenta.ru/rss/news", Lang: "ru",
		Attribution: news.Attribution{Link: "https://lenta.ru/"}, Republish: news.RepublishFull},
	{ID: "caliber", Name: "Caliber.Az", URL: "https://caliber.az/rss", Lang: "en",
		Attribution: news.Attribution{Required: true, Link: "https://caliber.az",
			Notice: "Any use of materials is allowed only if there is a hyperlink to Caliber.az"},
		Republish: news.RepublishExcerpt},
	{ID: "tass", Name: "TASS", URL: "https://tass.com/rss/v2.xml",
		Attribution: news.Attribution{Link: "https://tass.com/"}, Republish: news.RepublishTitle},
	{ID: "mt", Name: "The Moscow Times", URL: "https://www.themoscowtimes.com/rss/news", Lang: "en",
		Attribution: news.Attribution{Link: "https://www.themoscowtimes.com/"}, Republish: news.RepublishFull},
}

// longParagraphs is an English body whose first paragraphs exceed the excerpt limit.
var longParagraphs = `<p>Azerbaijan and Russia discussed the North–South transport corridor at a meeting in Baku on Friday, the deputy prime ministers of both countries said after the talks.</p>
<p>"We agreed on the timetable for the Rasht–Astara railway," Deputy Prime Minister Shahin Mustafayev told reporters, adding that financing would be settled by the summer.</p>
<p>The corridor is meant to link the ports of St Petersburg and Mumbai through Russia, Azerbaijan and Iran, cutting transit times by up to ten days compared with the Suez route.</p>
<p>Officials did not say when construction would begin.</p>`

// testItems are the fixture items per section, newest first as the store returns them.
func testItems() map[string][]news.Item {
	lentaPutin := news.Item{
		SourceID: "lenta", GUID: "https://lenta.ru/news/2025/03/01/sovbez/",
		Link:       "https://lenta.ru/news/2025/03/01/sovbez/",
		Title:      "Путин провёл оперативное совещание с постоянными членами Совбеза",
		Summary:    "Президент обсудил с членами Совбеза ситуацию на Ближнем Востоке.",
		Content:    `<p>Президент России Владимир Путин провёл оперативное совещание с постоянными членами Совета безопасности.</p><p>«Обсудим ситуацию на Ближнем Востоке», — сказал он. <a href="/news/2025/02/28/previous/">Ранее</a> Кремль сообщал о подготовке встречи.</p><script>alert(1)</script>`,
		Authors:    []string{"Иван Петров"},
		Categories: []string{"Россия"},
		Published:  time.Date(2025, 3, 1, 12, 40, 0, 0, msk),
		Image:      "/img/2025/03/01/sovbez.jpg",
		Enclosures: []news.Enclosure{{URL: "https://icdn.lenta.ru/images/2025/03/01/pic_sovbez.jpg", Type: "image/jpeg", Length: 16180}},
		Lang:       "ru",
		FetchedAt:  fetchedAt,
		Sections:   []string{"world"},
	}
	caliber := news.Item{
		SourceID: "caliber", GUID: "caliber-215311",
		Link:       "https://caliber.az/en/post/azerbaijan-russia-corridor",
		Title:      "Azerbaijan and Russia discuss North–South corridor",
		Content:    longParagraphs,
		Authors:    []string{"Orkhan Aliyev", "Leyla Mammadova"},
		Categories: []string{"Politics"},
		Published:  time.Date(2025, 3, 1, 12, 15, 0, 0, baku),
		Lang:       "en",
		Via:        []string{"TASS"},
		FetchedAt:  fetchedAt,
		Sections:   []string{"world", "caucasus"},
		Key:        "g:caliber-215311",
		Edited:     time.Date(2025, 3, 1, 10, 20, 0, 0, time.UTC), // its title corrected upstream
	}
	tass := news.Item{
		SourceID: "tass", GUID: "https://tass.com/politics/1921234",
		Link:      "https://tass.com/politics/1921234",
		Title:     "Russian Foreign Ministry comments on talks in Riyadh",
		Summary:   "<p>The ministry said the talks were constructive.</p>",
		Image:     "https://tass.com/img/riyadh.jpg",           // not shown: TASS allows its titles only
		FetchedAt: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), // Published unknown
		Sections:  []string{"world"},
	}
	relative := news.Item{
		SourceID: "lenta", GUID: "lenta-relative-1",
		Link:      "/news/2025/03/01/relative/",
		Title:     "Новость без абсолютной ссылки",
		Published: time.Date(2025, 3, 1, 11, 0, 0, 0, msk),
		FetchedAt: fetchedAt,
	}
	noLink := news.Item{
		SourceID: "mt", GUID: "mt-no-link",
		Title:     "Item with no link at all",
		Published: time.Date(2025, 3, 1, 7, 0, 0, 0, time.UTC),
		FetchedAt: fetchedAt,
	}
	dirty := news.Item{
		SourceID: "mt", GUID: "mt-dirty-42",
		Link:    "https://www.themoscowtimes.com/2025/03/01/control-characters-a42",
		Title:   "Control\x01 characters and ]]> in a title",
		Content: "<p>A body with a control\x01character, a numeric &#1; reference and a CDATA end ]]> marker.</p><p><img src=\"/media/pic.jpg\" onerror=\"alert(1)\" srcset=\"javascript:alert(1) 1x\"> <a href=\"javascript:alert(1)\">bad link</a></p>",
		Authors: []string{"Jake\x01 Cordell"},
		Enclosures: []news.Enclosure{{URL: "/media/2025/03/01/briefing.mp3", Type: "audio/mpeg", Length: 4200000},
			{URL: "javascript:alert(1)", Type: "audio/mpeg"}},
		Published: time.Date(2025, 3, 1, 6, 30, 0, 0, time.UTC),
		Updated:   time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC),
		FetchedAt: fetchedAt,
		Sections:  []string{"world"},
	}
	caliberOnly := news.Item{
		SourceID: "caliber", GUID: "caliber-215300",
		Link:  "https://caliber.az/en/post/armenia-border-talks",
		Title: "Armenia and Azerbaijan border commissions to meet in March",
		Summary: "<p>The state commissions on border delimitation will meet in March, Deputy PM Mher Grigoryan said. " +
			"The meeting will discuss the regulations agreed last year.</p>",
		Published: time.Date(2025, 3, 1, 10, 5, 0, 0, baku),
		Lang:      "en",
		FetchedAt: fetchedAt,
		Attribution: news.Attribution{Required: true, Link: "https://caliber.az/",
			Notice: "При использовании материалов гиперссылка на Caliber.az обязательна"},
	}
	return map[string][]news.Item{
		"world":    {lentaPutin, tass, caliber, relative, noLink, dirty},
		"caucasus": {caliber, caliberOnly},
	}
}

// publishable are the links each section's feeds must carry, newest first.
var publishable = map[string][]string{
	"world": {
		"https://lenta.ru/news/2025/03/01/sovbez/",
		"https://tass.com/politics/1921234",
		"https://caliber.az/en/post/azerbaijan-russia-corridor",
		"https://www.themoscowtimes.com/2025/03/01/control-characters-a42",
	},
	"caucasus": {
		"https://caliber.az/en/post/azerbaijan-russia-corridor",
		"https://caliber.az/en/post/armenia-border-talks",
	},
}

func newTestStore() *fakeStore {
	s := &fakeStore{items: testItems(), version: map[string]int64{}, modified: map[string]time.Time{}}
	s.assignIDs()
	for _, sec := range testSections {
		s.version[sec.ID] = 1
		s.modified[sec.ID] = testMod
	}
	return s
}

// assignIDs gives every item without one an ID, the same for the same
// source and GUID in every section, in order of appearance.
func (s *fakeStore) assignIDs() {
	ids := map[string]int64{}
	for _, sec := range slices.Sorted(maps.Keys(s.items)) {
		for i := range s.items[sec] {
			it := &s.items[sec][i]
			if it.ID != 0 {
				continue
			}
			key := it.SourceID + "\x00" + it.GUID
			if ids[key] == 0 {
				s.nextID++
				ids[key] = s.nextID
			}
			it.ID = ids[key]
		}
	}
}

// logBuffer collects log lines for assertions.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func newTestPublisher(st Store, logs *logBuffer) *Publisher {
	opt := Options{
		BaseURL:  testBase + "/",
		Sections: testSections,
		Sources:  testSources,
		Recheck:  -1,
	}
	if logs != nil {
		opt.Logger = newTextLogger(logs)
	}
	return New(st, opt)
}

// benchItems returns n realistic items of one full-text source, newest first.
func benchItems(n int) []news.Item {
	items := make([]news.Item, n)
	for i := range items {
		items[i] = news.Item{
			SourceID: []string{"lenta", "caliber", "mt"}[i%3],
			GUID:     fmt.Sprintf("bench-%d", i),
			Link:     fmt.Sprintf("https://lenta.ru/news/2025/03/01/item%d/", i),
			Title:    fmt.Sprintf("Новость номер %d: правительство обсудило бюджет", i),
			Content:  longParagraphs + longParagraphs,
			Authors:  []string{"Иван Петров"},
			Via:      []string{"TASS"},
			Published: time.Date(2025, 3, 1, 12, 0, 0, 0, msk).
				Add(-time.Duration(i) * time.Minute),
			FetchedAt: fetchedAt,
		}
	}
	return items
}

func newTextLogger(logs *logBuffer) *slog.Logger { return slog.New(slog.NewTextHandler(logs, nil)) }
