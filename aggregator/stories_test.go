package aggregator_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// TestStoriesAcrossOutlets crawls two outlets' feeds: Kommersant's and
// Meduza's reports of the Supreme Court closing Ponomarev's movement are
// one story; Izvestia's Geneva report, in Kommersant's feed, another. A
// regroup keeps them so. (The pages are dated two weeks apart, and the
// page queue reads the newest first: the window is set wide enough for all
// three, since a report older than the window before the newest one seen
// is grouped with nothing.)
func TestStoriesAcrossOutlets(t *testing.T) {
	ctx := context.Background()
	pages := articleUpstream(t)
	feeds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		item := func(guid, title, path, date string) string {
			return fmt.Sprintf(`<item><guid isPermaLink="false">%s</guid><title>%s</title><link>%s%s</link>
<description>Коротко.</description><pubDate>%s</pubDate></item>`, guid, title, pages.URL, path, date)
		}
		var items string
		switch r.URL.Path {
		case "/kommersant.xml":
			items = item("k-1", "Суд ликвидировал движение", "/kommersant/ponomarev", "Fri, 15 Nov 2019 10:00:00 +0000") +
				item("k-2", "Женева", "/iz/geneva", "Fri, 15 Nov 2019 11:00:00 +0000")
		case "/meduza.xml":
			items = item("m-1", "Верховный суд ликвидировал движение", "/meduza/ponomarev", "Fri, 15 Nov 2019 10:30:00 +0000")
		default:
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>%s</channel></rss>`, items)
	}))
	t.Cleanup(feeds.Close)
	now := func() time.Time { return time.Date(2019, 11, 15, 12, 0, 0, 0, time.UTC) }
	c, st := articleCrawler(t, fmt.Sprintf(`
sections: [{id: all}]
fetch: {host_spacing: 0s}
stories: {window: 720h}
sources:
  - {id: kommersant, name: Коммерсантъ, url: "%[1]s/kommersant.xml", sections: [all], allow_private: true}
  - {id: meduza, name: Meduza, url: "%[1]s/meduza.xml", sections: [all], allow_private: true}
`, feeds.URL), now)
	for _, r := range c.CrawlOnce(ctx, nil) {
		if r.Err != nil || r.New == 0 {
			t.Fatalf("%s: %v", r.Source, r)
		}
	}
	check := func(when string) {
		t.Helper()
		items, err := st.StoryItems(ctx, time.Time{}, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		by := map[string]news.Item{}
		for _, it := range items {
			by[strings.TrimPrefix(it.Link, pages.URL)] = it
		}
		k, m, iz := by["/kommersant/ponomarev"], by["/meduza/ponomarev"], by["/iz/geneva"]
		if k.Story == 0 || k.Story != m.Story {
			t.Errorf("%s: Kommersant's story %d, Meduza's %d: want one story", when, k.Story, m.Story)
		}
		if k.Story != k.ID && k.Story != m.ID {
			t.Errorf("%s: story %d, want the id of one of its reports (%d, %d)", when, k.Story, k.ID, m.ID)
		}
		if iz.Story == 0 || iz.Story == k.Story {
			t.Errorf("%s: the Geneva report's story %d, want one of its own", when, iz.Story)
		}
	}
	check("after the crawl")
	n, stories, err := c.Regroup(ctx)
	if err != nil || n != 3 || stories != 2 {
		t.Fatalf("Regroup: %d items, %d stories, %v; want 3 items, 2 stories", n, stories, err)
	}
	check("after regroup")
}
