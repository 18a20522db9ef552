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
	"slices"
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
			{ID: "caliber", Name: "Caliber.Az", Lang: "en", Attribution: news.Attribution{Required: true, Link: "https://caliber.az",
				Notice: "Any use of materials is allowed only if there is a hyperlink to Caliber.az"}},
			{ID: "lenta", Name: "Lenta.ru", Lang: "ru", Attribution: news.Attribution{Link: "https://lenta.ru"}},
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
		`href="https://syndic.example/feeds/quotes/mariya-zakharova.atom"`} {
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
		// Any name of the speaker is sent to the feed of their key.
		alias := srv.URL + "/feeds/quotes/Alexander%20Bortnikov." + ext
		req, _ := http.NewRequest(http.MethodGet, alias, nil)
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusMovedPermanently || loc != "https://syndic.example/feeds/quotes/alexander-bortnikov."+ext {
			t.Errorf("%s: %d to %q, want 301 to the key's feed", alias, resp.StatusCode, loc)
		}
		url := srv.URL + "/feeds/quotes/alexander-bortnikov." + ext
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
	resp, _ := fetchURL(t, srv.URL+"/feeds/quotes/alexander-bortnikov.atom")
	if resp2, _ := fetchURL(t, srv.URL+"/feeds/quotes/alexander-bortnikov.atom", "If-None-Match", resp.Header.Get("ETag")); resp2.StatusCode != 304 {
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

// blockingSearcher answers every query only when released, or when its
// context ends, which it records.
type blockingSearcher struct {
	started  chan struct{}
	release  chan struct{}
	canceled chan struct{}
}

func (b *blockingSearcher) wait(ctx context.Context) error {
	b.started <- struct{}{}
	select {
	case <-b.release:
		return nil
	case <-ctx.Done():
		b.canceled <- struct{}{}
		return ctx.Err()
	}
}

func (b *blockingSearcher) Search(ctx context.Context, q news.SearchQuery) ([]news.Item, bool, error) {
	return nil, false, b.wait(ctx)
}

func (b *blockingSearcher) Quotes(ctx context.Context, q news.QuoteQuery) ([]news.QuoteHit, error) {
	return nil, b.wait(ctx)
}

func (b *blockingSearcher) Speakers(ctx context.Context) ([]*news.SpeakerGroup, error) {
	return nil, nil
}

func (b *blockingSearcher) ResolveSpeaker(ctx context.Context, typed string) ([]*news.SpeakerGroup, error) {
	return nil, nil
}

// A query costs bounded work: oversized or degenerate queries are refused
// with a clear 400, queries beyond MaxSearches wait for nobody (503 with
// Retry-After), feeds are served meanwhile, and a query stops when its
// client goes or its deadline passes.
func TestSearchLimits(t *testing.T) {
	bs := &blockingSearcher{started: make(chan struct{}, 8), release: make(chan struct{}), canceled: make(chan struct{}, 8)}
	p := New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Search: bs,
		MaxSearches: 2, SearchTimeout: time.Hour})
	srv := httptest.NewServer(p)
	defer srv.Close()

	for _, tt := range []struct{ query, want string }{
		{"q=" + strings.Repeat("a+", 40000), "too long"},
		{"q=" + strings.Repeat("слово+", 9), "too many words"},
		{"q=a+b+c", "two letters"},
		{"speaker=" + strings.Repeat("x", 300), "too long"},
	} {
		for _, path := range []string{"/search?", "/quotes?", "/feeds/search.rss?"} {
			resp, err := http.Get(srv.URL + path + tt.query)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), tt.want) {
				t.Errorf("%s%.40s…: %d %q, want 400 %q", path, tt.query, resp.StatusCode, body, tt.want)
			}
		}
	}

	// Two queries in flight hold both places; a third is turned away, and
	// a feed is served.
	ctx, cancel := context.WithCancel(context.Background())
	for range 2 {
		go func() {
			req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/search?q=Песков", nil)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		<-bs.started
	}
	resp, err := http.Get(srv.URL + "/quotes?speaker=Zakharova")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("third query: %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, err := http.Get(srv.URL + "/feeds/world.rss"); err != nil || resp.StatusCode != 200 {
		t.Errorf("feed while searches run: %v %v", resp.StatusCode, err)
	} else {
		resp.Body.Close()
	}
	// The clients go: both queries stop.
	cancel()
	for range 2 {
		select {
		case <-bs.canceled:
		case <-time.After(10 * time.Second):
			t.Fatal("a query went on after its client left")
		}
	}

	// A query past its deadline stops and says so.
	p2 := New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Search: bs,
		SearchTimeout: 50 * time.Millisecond})
	w := httptest.NewRecorder()
	go func() { <-bs.started }()
	p2.ServeHTTP(w, httptest.NewRequest("GET", "/search?q=Песков", nil))
	<-bs.canceled
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "too long") {
		t.Errorf("query past its deadline: %d %q", w.Code, w.Body.String())
	}
}

// A query answer is compressed only in the coding it is sent in (coding
// names in any case), and varies with Accept as well, which picks HTML or
// JSON.
func TestQueryAnswerCodings(t *testing.T) {
	srv := quoteServer(t)
	for _, tt := range []struct{ ae, want string }{{"", ""}, {"GZIP", "gzip"}, {"gzip, br", "br"}, {"br;q=0, gzip", "gzip"}} {
		req, _ := http.NewRequest("GET", srv.URL+"/quotes?speaker=Bortnikov&format=json", nil)
		if tt.ae != "" {
			req.Header.Set("Accept-Encoding", tt.ae)
		}
		// A transport that leaves the body as sent.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Encoding"); got != tt.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tt.ae, got, tt.want)
		}
		if v := resp.Header.Get("Vary"); !strings.Contains(v, "Accept,") || !strings.Contains(v, "Accept-Encoding") {
			t.Errorf("Vary %q", v)
		}
	}
}

// Every route obeys each source's reuse rule: a title-only source's words
// beyond its title appear nowhere, an excerpt source's beyond its excerpt
// (the first paragraphs up to about 500 characters) or a quote's first
// sentence nowhere, in any format; a title-only source's images and media
// neither.
func TestEveryRouteObeysRepublish(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := time.Date(2019, 11, 15, 12, 0, 0, 0, time.FixedZone("", 3*3600))
	// Real sentences (Interfax and Izvestia, November 2019); each item's
	// later words are marked so a leak is easy to see.
	items := []news.Item{
		{SourceID: "interfax", GUID: "ifx-1", Link: "https://www.interfax.ru/russia/684682", Title: "Песков прокомментировал слова Криклия",
			Content:   "<p>Песков ответил министру инфраструктуры Украины.</p><p>Давайте не будем забывать, кто начал войну, сказал он. Зумпфтитул.</p>",
			Published: at, Sections: []string{"world"}, Image: "https://www.interfax.ru/ftproot/zumpfmedia.jpg",
			Enclosures: []news.Enclosure{{URL: "https://www.interfax.ru/ftproot/zumpfmedia.mp3", Type: "audio/mpeg"}},
			Quotes:     []news.Quote{{Text: "Давайте не будем забывать, кто начал войну. Зумпфцитата продолжается здесь", Speaker: "Дмитрий Песков", Verb: "сказал", Direct: true}}},
		{SourceID: "iz", GUID: "iz-1", Link: "https://iz.ru/943424/2019-11-15/lavrov", Title: "Лавров о переговорах в Женеве",
			Content: "<p>Лавров рассказал о встрече в Женеве. " + strings.Repeat("Министр подробно описал ход переговоров и позиции сторон. ", 12) +
				"</p><p>Второй абзац Зумпфэксцерпт не публикуется.</p>",
			Published: at.Add(time.Minute), Sections: []string{"world"},
			Enclosures: []news.Enclosure{{URL: "https://cdn.iz.ru/sites/default/files/lavrov.jpg", Type: "image/jpeg", Length: 52110}},
			Quotes:     []news.Quote{{Text: "Мы готовы к диалогу. Зумпфвтораяфраза не публикуется", Speaker: "Сергей Лавров", Verb: "заявил", Direct: true}}},
	}
	for _, it := range items {
		if _, err := st.SaveItems(ctx, []news.Item{it}); err != nil {
			t.Fatal(err)
		}
	}
	p := New(st, Options{BaseURL: "https://syndic.example", Sections: []news.Section{{ID: "world", Title: "World"}},
		Sources: []news.Source{
			{ID: "interfax", Name: "Интерфакс", Republish: news.RepublishTitle, Attribution: news.Attribution{Link: "https://www.interfax.ru"}},
			{ID: "iz", Name: "Известия", Republish: news.RepublishExcerpt, Attribution: news.Attribution{Link: "https://iz.ru"}},
		}, Search: st})
	srv := httptest.NewServer(p)
	defer srv.Close()
	var routes []string
	for _, f := range []string{"rss", "atom", "json"} {
		routes = append(routes, "/feeds/world."+f, "/feeds/source/interfax."+f, "/feeds/source/iz."+f,
			"/feeds/quotes/dmitriy-peskov."+f, "/feeds/quotes/sergey-lavrov."+f, "/feeds/search."+f+"?q=Женеве", "/feeds/search."+f+"?q=Песков")
	}
	routes = append(routes, "/", "/opml", "/quotes", "/quotes?speaker=Песков", "/quotes?speaker=Лавров", "/quotes?format=json",
		"/quotes?format=csv", "/quotes?speaker=Peskov&format=csv", "/speakers", "/speakers?format=json", "/search?q=Песков&format=json&author=",
		"/quotes?q=диалогу&format=json", "/search?q=Песков", "/search?q=Женеве&format=json")
	for _, r := range routes {
		resp, body := fetchURL(t, srv.URL+r)
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", r, resp.StatusCode)
			continue
		}
		for _, leak := range []string{"Зумпф", "\\u0417\\u0443\\u043c\\u043f\\u0444", "zumpfmedia"} {
			if strings.Contains(string(body), leak) {
				i := strings.Index(string(body), leak)
				t.Errorf("%s republishes beyond the source's rule: …%s…", r, body[max(0, i-80):min(len(body), i+40)])
			}
		}
	}
	// What may be shown is shown: the excerpt source's media, the excerpt's
	// first sentence, the title-only source's speaker and title.
	for _, f := range []string{"rss", "atom", "json"} {
		if _, body := fetchURL(t, srv.URL+"/feeds/world."+f); !strings.Contains(string(body), "https://cdn.iz.ru/sites/default/files/lavrov.jpg") {
			t.Errorf("world.%s lacks the excerpt source's image", f)
		}
	}
	_, body := fetchURL(t, srv.URL+"/feeds/quotes/sergey-lavrov.json")
	if !strings.Contains(string(body), "Мы готовы к диалогу.") {
		t.Errorf("excerpt source's quote feed lacks the quote's first sentence: %s", body)
	}
	_, body = fetchURL(t, srv.URL+"/feeds/quotes/dmitriy-peskov.json")
	if !strings.Contains(string(body), "Дмитрий Песков, in «Песков прокомментировал слова Криклия»") {
		t.Errorf("title-only source's quote feed lacks speaker and title: %s", body)
	}
}

// /speakers gives each speaker's roles with the days they were first and
// last given, in JSON and HTML.
func TestSpeakersShowRolesWithDates(t *testing.T) {
	srv := quoteServer(t)
	_, body := fetchURL(t, srv.URL+"/speakers?format=json")
	var doc struct {
		Speakers []struct {
			Key   string     `json:"key"`
			Roles []roleSeen `json:"roles"`
		} `json:"speakers"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	roles := map[string][]roleSeen{}
	for _, s := range doc.Speakers {
		roles[s.Key] = s.Roles
	}
	want := []roleSeen{{Role: "FSB Director", Count: 2, FirstSeen: "2024-10-04", LastSeen: "2024-10-04"}}
	if got := roles["alexander-bortnikov"]; !slices.Equal(got, want) {
		t.Errorf("Bortnikov's roles = %+v, want %+v", got, want)
	}
	if got, ok := roles["mariya-zakharova"]; !ok || len(got) != 0 {
		t.Errorf("Zakharova's roles = %+v, want none (her quotes give none)", got)
	}
	if _, page := fetchURL(t, srv.URL+"/speakers"); !strings.Contains(string(page), `<span class="meta">FSB Director, 2024-10-04</span>`) {
		t.Error("/speakers lacks Bortnikov's role with its date")
	}
}
