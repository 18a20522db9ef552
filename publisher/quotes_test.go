package publisher

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// quoteServer is a publisher over a real SQLite store holding the seed
// article (caliber.az, two Bortnikov quotes), a Lenta item with a
// Zakharova quote, and an item without a link that must never show.
func quoteServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	baku := time.FixedZone("", 4*3600)
	seed := news.Item{SourceID: "caliber", GUID: "https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto",
		Link: "https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto", Title: "FSB сhief: West aims to push Armenia out of CSTO",
		Content:   "<p>FSB Director Alexander Bortnikov has asserted that Western nations are actively seeking Armenia's withdrawal from the CSTO.</p>",
		Published: time.Date(2024, 10, 4, 13, 1, 0, 0, baku), Via: []string{"Russian media"}, Sections: []string{"region"},
		Quotes: []news.Quote{
			{Text: "In exchange for favourable arms supplies and security guarantees, the West aims to prompt the Armenian government’s exit from the CSTO", Speaker: "Alexander Bortnikov", Role: "FSB Director", Verb: "explained", Direct: true},
			{Text: "NATO mediation in different regions of the world", Speaker: "Alexander Bortnikov", Role: "FSB Director", Verb: "referenced", Direct: true},
		}}
	lenta := news.Item{SourceID: "lenta", GUID: "https://lenta.ru/news/2022/12/03/pogibshie/", Link: "https://lenta.ru/news/2022/12/03/pogibshie/",
		Title: "В Иране раскрыли число погибших в ходе последних протестов", Summary: "<p>Около 200 человек погибло в Иране в ходе протестов.</p>",
		Published: time.Date(2022, 12, 3, 14, 32, 0, 0, time.FixedZone("", 3*3600)), Sections: []string{"region"},
		Quotes: []news.Quote{{Text: "Брюссель пытается оказать деструктивное влияние", Speaker: "Мария Захарова", Verb: "заявила", Direct: true}}}
	bare := news.Item{SourceID: "lenta", GUID: "no-link", Title: "Без ссылки", Sections: []string{"region"},
		Quotes: []news.Quote{{Text: "Это не должно появиться", Speaker: "Мария Захарова", Verb: "сказала", Direct: true}}}
	for _, batch := range [][]news.Item{{seed}, {lenta, bare}} {
		if _, err := st.SaveItems(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	p := New(st, Options{BaseURL: "https://syndic.example", Sections: []news.Section{{ID: "region", Title: "REGION"}},
		Sources: []news.Source{
			{ID: "caliber", Name: "Caliber.Az", Attribution: news.Attribution{Required: true, Link: "https://caliber.az",
				Notice: "Any use of materials is allowed only if there is a hyperlink to Caliber.az"}},
			{ID: "lenta", Name: "Lenta.ru", Attribution: news.Attribution{Link: "https://lenta.ru"}},
		}, Search: st})
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return srv
}

func fetchURL(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

func TestQuoteSearch(t *testing.T) {
	srv := quoteServer(t)
	resp, body := fetchURL(t, srv.URL+"/quotes?speaker=bortnikov&format=json")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var got struct {
		Quotes []quoteJSON `json:"quotes"`
	}
	if err := json.Unmarshal(body, &got); err != nil || len(got.Quotes) != 2 {
		t.Fatalf("%v %s", err, body)
	}
	q := got.Quotes[0]
	if q.Speaker != "Alexander Bortnikov" || q.Role != "FSB Director" || q.Link != "https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto" ||
		q.Source != "Caliber.Az" || q.Published != "2024-10-04T13:01:00+04:00" || strings.Join(q.Via, ",") != "Russian media" {
		t.Errorf("quote = %+v", q)
	}
	// The same as HTML, negotiated; quoted text, speaker and original link shown.
	_, body = fetchURL(t, srv.URL+"/quotes?speaker=Захарова")
	html := string(body)
	for _, want := range []string{"«Брюссель пытается оказать деструктивное влияние»", "Мария Захарова", `href="https://lenta.ru/news/2022/12/03/pogibshie/"`,
		`href="https://syndic.example/feeds/quotes/%D0%97%D0%B0%D1%85%D0%B0%D1%80%D0%BE%D0%B2%D0%B0.atom"`} {
		if !strings.Contains(html, want) {
			t.Errorf("quotes page lacks %s", want)
		}
	}
	if strings.Contains(html, "Это не должно появиться") {
		t.Error("a quote of an item without a link is shown")
	}
	_, body = fetchURL(t, srv.URL+"/quotes?q=nato", "Accept", "application/json")
	if !strings.Contains(string(body), "NATO mediation") || strings.Contains(string(body), "favourable") {
		t.Errorf("text search: %s", body)
	}
	if resp, _ := fetchURL(t, srv.URL+"/quotes?since=yesterday"); resp.StatusCode != 400 {
		t.Errorf("bad since: %d", resp.StatusCode)
	}
}

func TestSpeakerFeeds(t *testing.T) {
	srv := quoteServer(t)
	for _, ext := range []string{"atom", "rss", "json"} {
		url := srv.URL + "/feeds/quotes/Alexander%20Bortnikov." + ext
		resp, body := fetchURL(t, url)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != formats[mustFormat(t, ext)].contentType {
			t.Fatalf("%s: %d %s", url, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if ext != "json" {
			dec := xml.NewDecoder(bytes.NewReader(body))
			dec.Strict = true
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: not well-formed: %v", url, err)
				}
			}
		}
		f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil || len(f.Items) != 2 {
			t.Fatalf("%s: %v, %d items", url, err, len(f.Items))
		}
		ids := map[string]bool{}
		for _, it := range f.Items {
			text := it.Content + it.Description
			if it.Link != "https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto" ||
				!strings.Contains(text, `Source: <a href="https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto">Caliber.Az</a>, via Russian media`) ||
				!strings.Contains(text, "<blockquote>") || !strings.HasPrefix(it.Title, "Alexander Bortnikov, FSB Director: «") ||
				!strings.Contains(text, `hyperlink to <a href="https://caliber.az">Caliber.az</a>`) {
				t.Errorf("%s entry: %q %q %q", ext, it.Title, it.Link, text)
			}
			ids[it.GUID] = true
		}
		if len(ids) != 2 {
			t.Errorf("%s: ids repeat: %v", ext, ids)
		}
	}
	// An unknown speaker is an empty feed, not an error; a bad path is 404.
	if resp, _ := fetchURL(t, srv.URL+"/feeds/quotes/Nobody.atom"); resp.StatusCode != 200 {
		t.Errorf("unknown speaker: %d", resp.StatusCode)
	}
	if resp, _ := fetchURL(t, srv.URL+"/feeds/quotes/Bortnikov.xml"); resp.StatusCode != 404 {
		t.Errorf("bad extension: %d", resp.StatusCode)
	}
	// Conditional requests.
	resp, _ := fetchURL(t, srv.URL+"/feeds/quotes/Bortnikov.atom")
	if resp2, _ := fetchURL(t, srv.URL+"/feeds/quotes/Bortnikov.atom", "If-None-Match", resp.Header.Get("ETag")); resp2.StatusCode != 304 {
		t.Errorf("If-None-Match: %d", resp2.StatusCode)
	}
}

func TestFullTextSearch(t *testing.T) {
	srv := quoteServer(t)
	_, body := fetchURL(t, srv.URL+"/search?q=иран+протесты&format=json")
	if !strings.Contains(string(body), "https://lenta.ru/news/2022/12/03/pogibshie/") || strings.Contains(string(body), "caliber") {
		t.Errorf("search: %s", body)
	}
	_, body = fetchURL(t, srv.URL+"/search?q=Armenia")
	if !strings.Contains(string(body), `href="https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto"`) ||
		!strings.Contains(string(body), "/feeds/search.atom?q=Armenia") {
		t.Errorf("search page: %s", body)
	}
	resp, body := fetchURL(t, srv.URL+"/feeds/search.rss?q=Иран")
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if resp.StatusCode != 200 || err != nil || len(f.Items) != 1 || !strings.Contains(f.Items[0].Description, "Source: <a href=") {
		t.Fatalf("search feed: %d %v %s", resp.StatusCode, err, body)
	}
	_, body = fetchURL(t, srv.URL+"/search?q=Без+ссылки&format=json")
	var res struct{ Items []json.RawMessage }
	if err := json.Unmarshal(body, &res); err != nil || len(res.Items) != 0 {
		t.Errorf("an item without a link is found: %s", body)
	}
}

func TestQueryPathsWithoutSearcher(t *testing.T) {
	p := New(&fakeStore{}, Options{BaseURL: "https://x"})
	for _, path := range []string{"/quotes", "/search?q=x", "/feeds/quotes/A.atom", "/feeds/search.rss?q=x"} {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != 404 {
			t.Errorf("%s: %d", path, rec.Code)
		}
	}
}

func mustFormat(t *testing.T, ext string) format {
	f, ok := formatByExt(ext)
	if !ok {
		t.Fatalf("format %s", ext)
	}
	return f
}
