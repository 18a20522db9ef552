package publisher

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// TestPageBuiltOncePerVersion checks that the three formats of a page are
// written from one build of its entries (one read of the store, upstream
// HTML sanitised once), on the newest page and an older one; that a new
// version builds the page again, also for a format whose document was
// rendered before it; and that every document is byte for byte the one a
// publisher rendering that format alone gives.
func TestPageBuiltOncePerVersion(t *testing.T) {
	opt := Options{BaseURL: testBase, Sections: []news.Section{{ID: "big", Title: "Big"}}, Sources: testSources, FeedLength: 10, Recheck: -1}
	st, twin := archiveStore(40), archiveStore(40)
	p := New(st, opt)
	step := func(name string, paths []string, builds int64, contains string) {
		t.Helper()
		reads := st.readCount()
		before := p.pagesBuilt.Load()
		for _, path := range paths {
			w := get(t, p, "GET", path, nil)
			if w.Code != 200 {
				t.Fatalf("%s: GET %s: status %d", name, path, w.Code)
			}
			if !strings.Contains(w.Body.String(), contains) {
				t.Errorf("%s: %s lacks %q", name, path, contains)
			}
			alone := get(t, New(twin, opt), "GET", path, nil)
			if !bytes.Equal(w.Body.Bytes(), alone.Body.Bytes()) {
				t.Errorf("%s: %s differs from the document of a publisher rendering it alone", name, path)
			}
		}
		if got := p.pagesBuilt.Load() - before; got != builds {
			t.Errorf("%s: %d pages built, want %d", name, got, builds)
		}
		if got := st.readCount() - reads; got != int(builds) {
			t.Errorf("%s: store read %d times, want %d", name, got, builds)
		}
	}
	paths := func(query string) []string {
		var out []string
		for _, f := range allFormats {
			out = append(out, "/feeds/big."+f.ext+query)
		}
		return out
	}
	step("newest page, three formats", paths(""), 1, "https://lenta.ru/news/0/")
	if p.routes["/feeds/big.rss"].feed.head.page != nil {
		t.Error("the built page is kept after every format has rendered it")
	}
	_, older, _ := strings.Cut(nextLink(t, get(t, p, "GET", "/feeds/big.rss", nil).Body.Bytes()), "?")
	step("older page, three formats", paths("?"+older), 1, "https://lenta.ru/news/13/")
	step("cached documents", append(paths(""), paths("?"+older)...), 0, "https://lenta.ru/news/")

	// A new version: the newest page is built again, once, whichever
	// format asks first; the older page's items have not changed but its
	// version has, so it is built again too. A page built for a version
	// and not yet taken by every format is not used for the next one.
	for i, guid := range []string{"fresh", "fresher"} {
		at := testMod.Add(time.Duration(i+1) * time.Hour)
		for _, s := range []*fakeStore{st, twin} {
			s.touch("big", &news.Item{SourceID: "lenta", GUID: guid, Link: "https://lenta.ru/" + guid + "/",
				Title: guid, Content: "<p>New <b>text</b>.</p>", Published: at, FetchedAt: at}, at)
		}
		if i == 0 {
			step("new version, Atom and JSON", []string{"/feeds/big.atom", "/feeds/big.json"}, 1, "https://lenta.ru/fresh/")
		}
	}
	step("another version, RSS first", []string{"/feeds/big.rss", "/feeds/big.atom", "/feeds/big.json"}, 1, "https://lenta.ru/fresher/")
	step("older page, new version", paths("?"+older), 1, "https://lenta.ru/news/13/")
}
