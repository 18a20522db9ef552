package publisher

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/syndic/syndic/news"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var allFormats = []struct {
	ext, contentType string
}{
	{"rss", "application/rss+xml; charset=utf-8"},
	{"atom", "application/atom+xml; charset=utf-8"},
	{"json", "application/feed+json; charset=utf-8"},
}

// get serves one request and returns the recorded response.
func get(t testing.TB, h http.Handler, method, path string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// strictXML decodes the whole token stream of b with a strict decoder.
func strictXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("strict XML decode: %v", err)
		}
	}
}

func attributionOf(link string) string {
	return `<p>Source: <a href="` + link + `">`
}

func TestFeedsParseAndCarryAttribution(t *testing.T) {
	var logs logBuffer
	st := newTestStore()
	p := newTestPublisher(st, &logs)
	for _, sec := range testSections {
		for _, f := range allFormats {
			t.Run(sec.ID+"."+f.ext, func(t *testing.T) {
				path := "/feeds/" + sec.ID + "." + f.ext
				w := get(t, p, "GET", path, nil)
				if w.Code != http.StatusOK {
					t.Fatalf("status %d: %s", w.Code, w.Body)
				}
				if got := w.Header().Get("Content-Type"); got != f.contentType {
					t.Errorf("Content-Type = %q, want %q", got, f.contentType)
				}
				body := w.Body.Bytes()
				if f.ext != "json" {
					strictXML(t, body)
				} else if !json.Valid(body) {
					t.Fatal("invalid JSON")
				}
				feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
				if err != nil {
					t.Fatalf("gofeed: %v", err)
				}
				if want := testBase + path; feed.FeedLink != want {
					t.Errorf("self link = %q, want %q", feed.FeedLink, want)
				}
				if feed.Link != testBase+"/" {
					t.Errorf("home link = %q, want %q", feed.Link, testBase+"/")
				}
				var links []string
				for _, it := range feed.Items {
					links = append(links, it.Link)
					if it.GUID == "" {
						t.Errorf("%s: no id", it.Link)
					}
					text := it.Content + it.Description
					if !strings.Contains(text, attributionOf(it.Link)) {
						t.Errorf("%s: no attribution paragraph in %q", it.Link, text)
					}
				}
				if want := publishable[sec.ID]; !slices.Equal(links, want) {
					t.Errorf("items = %q, want %q (newest first, withheld left out)", links, want)
				}
			})
		}
	}
	// Two withheld items in "world", met by three formats: counted and logged once each.
	if got := p.Withheld(); got != 2 {
		t.Errorf("Withheld() = %d, want 2", got)
	}
	for _, guid := range []string{"lenta-relative-1", "mt-no-link"} {
		if n := strings.Count(logs.String(), "guid="+guid); n != 1 {
			t.Errorf("withheld %s logged %d times, want 1:\n%s", guid, n, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "source=lenta") {
		t.Errorf("withheld log lacks the source:\n%s", logs.String())
	}
}

func TestRSSDetails(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	body := get(t, p, "GET", "/feeds/world.rss", nil).Body.String()
	for _, want := range []string{
		`xmlns:dc="http://purl.org/dc/elements/1.1/"`,
		`xmlns:atom="http://www.w3.org/2005/Atom"`,
		`<dc:creator>Иван Петров</dc:creator>`,
		`<dc:creator>Orkhan Aliyev</dc:creator>`,
		`<dc:creator>Leyla Mammadova</dc:creator>`,
		`<source url="https://caliber.az/rss">Caliber.Az</source>`,
		`<guid isPermaLink="false">` + uuidURN("tass\nhttps://tass.com/politics/1921234") + `</guid>`,
		`, via TASS&lt;/p&gt;`,
		`hyperlink to &lt;a href=&#34;https://caliber.az&#34;&gt;Caliber.az&lt;/a&gt;`,
		`<pubDate>Sat, 01 Mar 2025 12:40:00 +0300</pubDate>`,
		`<pubDate>Sat, 01 Mar 2025 09:00:00 +0000</pubDate>`, // TASS: FetchedAt stands in
	} {
		if !strings.Contains(body, want) {
			t.Errorf("RSS lacks %s", want)
		}
	}
	if regexp.MustCompile(`<author>`).MatchString(body) {
		t.Error("RSS has an <author> element (must be an e-mail address; bylines go to dc:creator)")
	}
	if regexp.MustCompile(`<(pubDate|lastBuildDate)>[^<]*[A-Z]{3}</`).MatchString(body) {
		t.Error("RSS date with a zone name instead of a numeric offset")
	}
	if n := len(regexp.MustCompile(`<guid isPermaLink="false">urn:uuid:[0-9a-f-]{36}</guid>`).FindAllString(body, -1)); n != len(publishable["world"]) {
		t.Errorf("%d isPermaLink=false urn:uuid guids, want one per item", n)
	}
	feed, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatal(err)
	}
	if c := feed.Items[0].DublinCoreExt; c == nil || len(c.Creator) != 1 || c.Creator[0] != "Иван Петров" {
		t.Errorf("dc:creator of the first item = %+v", c)
	}
}

// TestOneIDInEveryFormat checks that an item has the same id in RSS (guid),
// Atom (id) and JSON Feed (id), read by a real parser, in every feed.
func TestOneIDInEveryFormat(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	for _, path := range []string{"/feeds/world", "/feeds/caucasus", "/feeds/source/lenta", "/feeds/source/caliber"} {
		ids := map[string]map[string]string{} // link -> format -> id
		for _, f := range allFormats {
			feed, err := gofeed.NewParser().Parse(get(t, p, "GET", path+"."+f.ext, nil).Body)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range feed.Items {
				if ids[it.Link] == nil {
					ids[it.Link] = map[string]string{}
				}
				ids[it.Link][f.ext] = it.GUID
			}
		}
		for link, byFormat := range ids {
			if len(byFormat) != 3 || byFormat["rss"] != byFormat["atom"] || byFormat["rss"] != byFormat["json"] ||
				!strings.HasPrefix(byFormat["rss"], "urn:uuid:") {
				t.Errorf("%s: %s ids %v", path, link, byFormat)
			}
		}
	}
}

func TestAtomAndJSONDetails(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	atom := get(t, p, "GET", "/feeds/world.atom", nil).Body.String()
	for _, want := range []string{
		`<source>`, `<title>Caliber.Az</title>`,
		`<link href="https://caliber.az" rel="alternate" type="text/html"></link>`,
		`<name>Orkhan Aliyev</name>`, `<name>Leyla Mammadova</name>`,
		`<published>2025-03-01T12:40:00+03:00</published>`,
		`<updated>2025-03-01T08:00:00Z</updated>`, // the dirty item's Updated
	} {
		if !strings.Contains(atom, want) {
			t.Errorf("Atom lacks %s", want)
		}
	}
	ids := regexp.MustCompile(`<id>(urn:uuid:[^<]+)</id>`).FindAllStringSubmatch(atom, -1)
	if len(ids) != len(publishable["world"]) {
		t.Fatalf("%d urn:uuid entry ids, want %d", len(ids), len(publishable["world"]))
	}
	// The same item has the same id in another section's feed and another process.
	other := newTestPublisher(newTestStore(), nil)
	caucasus := get(t, other, "GET", "/feeds/caucasus.atom", nil).Body.String()
	caliberID := uuidURN("caliber\ncaliber-215311")
	if !strings.Contains(atom, "<id>"+caliberID+"</id>") || !strings.Contains(caucasus, "<id>"+caliberID+"</id>") {
		t.Errorf("caliber item id %s not stable across feeds", caliberID)
	}

	var jf struct {
		Version string `json:"version"`
		FeedURL string `json:"feed_url"`
		Items   []struct {
			ID      string `json:"id"`
			URL     string `json:"url"`
			Authors []struct {
				Name string `json:"name"`
			} `json:"authors"`
			Syndic struct {
				Source struct {
					Name string `json:"name"`
				} `json:"source"`
				Via []string `json:"via"`
			} `json:"_syndic"`
		} `json:"items"`
	}
	if err := json.Unmarshal(get(t, p, "GET", "/feeds/world.json", nil).Body.Bytes(), &jf); err != nil {
		t.Fatal(err)
	}
	if jf.Version != "https://jsonfeed.org/version/1.1" {
		t.Errorf("version = %q", jf.Version)
	}
	caliber := jf.Items[2]
	if len(caliber.Authors) != 2 || caliber.Authors[1].Name != "Leyla Mammadova" {
		t.Errorf("authors = %+v", caliber.Authors)
	}
	if caliber.Syndic.Source.Name != "Caliber.Az" || !slices.Equal(caliber.Syndic.Via, []string{"TASS"}) {
		t.Errorf("_syndic = %+v", caliber.Syndic)
	}
	if caliber.ID != caliberID {
		t.Errorf("JSON id = %q, want %q", caliber.ID, caliberID)
	}
}

func TestIllegalCharactersAndCDATA(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	for _, f := range allFormats {
		body := get(t, p, "GET", "/feeds/world."+f.ext, nil).Body.String()
		if strings.ContainsRune(body, 0x01) || strings.Contains(body, `\u0001`) {
			t.Errorf("%s: U+0001 survived", f.ext)
		}
		if strings.Contains(body, "<script") || strings.Contains(body, "javascript:") || strings.Contains(body, "onerror") {
			t.Errorf("%s: script survived sanitising", f.ext)
		}
	}
	feed, err := gofeed.NewParser().ParseString(get(t, p, "GET", "/feeds/world.rss", nil).Body.String())
	if err != nil {
		t.Fatal(err)
	}
	dirty := feed.Items[3]
	if dirty.Title != "Control characters and ]]> in a title" {
		t.Errorf("title = %q", dirty.Title)
	}
	if !strings.Contains(dirty.Content, "a CDATA end ]]&gt; marker") {
		t.Errorf("content lost the ]]> text: %q", dirty.Content)
	}
	if !strings.Contains(dirty.Content, `<img src="https://www.themoscowtimes.com/media/pic.jpg">`) {
		t.Errorf("relative image not resolved against the article: %q", dirty.Content)
	}
}

func TestConditionalRequestsAndCache(t *testing.T) {
	st := newTestStore()
	p := newTestPublisher(st, nil)
	for _, f := range allFormats {
		t.Run(f.ext, func(t *testing.T) {
			path := "/feeds/caucasus." + f.ext
			first := get(t, p, "GET", path, nil)
			etag := first.Header().Get("ETag")
			if !regexp.MustCompile(`^"[0-9a-f]{32}"$`).MatchString(etag) {
				t.Fatalf("ETag = %q, want a strong hash", etag)
			}
			if got, want := first.Header().Get("Last-Modified"), testMod.Format(http.TimeFormat); got != want {
				t.Errorf("Last-Modified = %q, want %q", got, want)
			}
			reads := st.readCount()
			tests := []struct {
				name   string
				method string
				header map[string]string
				code   int
				body   bool
			}{
				{"plain GET", "GET", nil, 200, true},
				{"If-None-Match", "GET", map[string]string{"If-None-Match": etag}, 304, false},
				{"If-None-Match list", "GET", map[string]string{"If-None-Match": `"nope", ` + etag}, 304, false},
				{"If-None-Match stale", "GET", map[string]string{"If-None-Match": `"stale"`}, 200, true},
				{"If-Modified-Since", "GET", map[string]string{"If-Modified-Since": testMod.Format(http.TimeFormat)}, 304, false},
				{"If-Modified-Since older", "GET", map[string]string{"If-Modified-Since": testMod.Add(-time.Hour).Format(http.TimeFormat)}, 200, true},
				{"HEAD", "HEAD", nil, 200, false},
				{"HEAD If-None-Match", "HEAD", map[string]string{"If-None-Match": etag}, 304, false},
			}
			for _, tt := range tests {
				w := get(t, p, tt.method, path, tt.header)
				if w.Code != tt.code {
					t.Errorf("%s: status %d, want %d", tt.name, w.Code, tt.code)
				}
				if got := w.Body.Len() > 0; got != tt.body {
					t.Errorf("%s: body %v, want %v", tt.name, got, tt.body)
				}
				if tt.code == 200 && w.Header().Get("ETag") != etag {
					t.Errorf("%s: ETag changed without a new version", tt.name)
				}
				if tt.method == "HEAD" && tt.code == 200 && w.Header().Get("Content-Type") != f.contentType {
					t.Errorf("HEAD Content-Type = %q", w.Header().Get("Content-Type"))
				}
			}
			if st.readCount() != reads {
				t.Errorf("store read %d times for unchanged section, want 0", st.readCount()-reads)
			}

			// Same data, another process: same ETag.
			if other := get(t, newTestPublisher(newTestStore(), nil), "GET", path, nil); other.Header().Get("ETag") != etag {
				t.Error("ETag differs across publishers for identical data")
			}
		})
	}

	// A new version re-renders; the old ETag no longer matches.
	old := get(t, p, "GET", "/feeds/caucasus.rss", nil).Header().Get("ETag")
	later := testMod.Add(time.Hour)
	st.touch("caucasus", &news.Item{
		SourceID: "caliber", GUID: "caliber-215400", Link: "https://caliber.az/en/post/new",
		Title: "Newer item", Summary: "<p>New.</p>", Published: later, FetchedAt: later,
	}, later)
	w := get(t, p, "GET", "/feeds/caucasus.rss", map[string]string{"If-None-Match": old})
	if w.Code != 200 || !strings.Contains(w.Body.String(), "https://caliber.az/en/post/new") {
		t.Fatalf("after a new version: status %d, new item present %v", w.Code, strings.Contains(w.Body.String(), "post/new"))
	}
	if w.Header().Get("ETag") == old {
		t.Error("ETag unchanged after a new version")
	}
	if got := w.Header().Get("Last-Modified"); got != later.Format(http.TimeFormat) {
		t.Errorf("Last-Modified = %q after a new version", got)
	}
}

func TestRoutes(t *testing.T) {
	st := newTestStore()
	p := newTestPublisher(st, nil)
	tests := []struct {
		method, path string
		code         int
	}{
		{"GET", "/feeds/nosuch.rss", 404},
		{"GET", "/feeds/world.xml", 404},
		{"GET", "/feeds/world", 404},
		{"GET", "/feeds/", 404},
		{"GET", "/elsewhere", 404},
		{"POST", "/feeds/world.rss", 405},
		{"GET", "/", 200},
		{"HEAD", "/", 200},
	}
	for _, tt := range tests {
		if w := get(t, p, tt.method, tt.path, nil); w.Code != tt.code {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, w.Code, tt.code)
		}
	}

	st.err = errors.New("database is locked")
	if w := get(t, newTestPublisher(st, nil), "GET", "/feeds/world.rss", nil); w.Code != 503 {
		t.Errorf("store error, nothing read before: status %d, want 503", w.Code)
	}
}

func TestIndexPage(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	w := get(t, p, "GET", "/", nil)
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	page := w.Body.String()
	head, bodyPart, ok := strings.Cut(page, "</head>")
	if !ok {
		t.Fatal("no </head>")
	}
	for _, sec := range testSections {
		for _, f := range allFormats {
			href := testBase + "/feeds/" + sec.ID + "." + f.ext
			mime, _, _ := strings.Cut(f.contentType, ";")
			if !strings.Contains(head, `<link rel="alternate" type="`+mime+`"`) || !strings.Contains(head, `href="`+href+`"`) {
				t.Errorf("head lacks the alternate link to %s", href)
			}
			if !strings.Contains(bodyPart, `<a href="`+href+`">`) {
				t.Errorf("body lacks a link to %s", href)
			}
		}
	}
	for _, want := range []string{"World / Мир", "Azerbaijan, Armenia &amp; Georgia"} {
		if !strings.Contains(page, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Error("index has a script")
	}
	if h := get(t, p, "HEAD", "/", nil); h.Body.Len() != 0 {
		t.Error("HEAD / has a body")
	}
}

func TestGolden(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	for _, sec := range testSections {
		for _, f := range allFormats {
			name := sec.ID + "." + f.ext
			t.Run(name, func(t *testing.T) {
				got := get(t, p, "GET", "/feeds/"+name, nil).Body.Bytes()
				golden := filepath.Join("testdata", name+".golden")
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./publisher -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s (run go test ./publisher -update and review the diff)", name, golden)
				}
			})
		}
	}
}

func TestFeedLength(t *testing.T) {
	st := newTestStore()
	p := New(st, Options{BaseURL: testBase, Sections: testSections, Sources: testSources, FeedLength: 2})
	feed, err := gofeed.NewParser().ParseString(get(t, p, "GET", "/feeds/world.json", nil).Body.String())
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, it := range feed.Items {
		links = append(links, it.Link)
	}
	if want := publishable["world"][:2]; !slices.Equal(links, want) {
		t.Errorf("items = %q, want the 2 newest %q", links, want)
	}
	// The withheld items lie beyond the first two publishable ones: not met, not counted.
	if got := p.Withheld(); got != 0 {
		t.Errorf("Withheld() = %d, want 0", got)
	}
}

// TestConcurrentServe runs readers of every feed while the section changes;
// run with -race.
func TestConcurrentServe(t *testing.T) {
	st := newTestStore()
	p := newTestPublisher(st, nil)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 20 {
			at := testMod.Add(time.Duration(i+1) * time.Minute)
			st.touch("world", &news.Item{SourceID: "lenta", GUID: "c" + strconv.Itoa(i),
				Link: "https://lenta.ru/c/" + strconv.Itoa(i), Title: "Новость", Published: at}, at)
		}
	}()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				f := allFormats[(g+i)%len(allFormats)]
				if w := get(t, p, "GET", "/feeds/world."+f.ext, nil); w.Code != 200 {
					t.Errorf("status %d", w.Code)
				}
			}
		}()
	}
	wg.Wait()
	<-done
	w := get(t, p, "GET", "/feeds/world.rss", nil)
	if !strings.Contains(w.Body.String(), "https://lenta.ru/c/19") {
		t.Error("latest item missing after the last version")
	}
	if p.Withheld() != 2 {
		t.Errorf("Withheld() = %d, want 2", p.Withheld())
	}
}
