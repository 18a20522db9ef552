package publisher

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// TestStoryCredits serves a section holding two outlets' reports of one
// story and a third item: each report names the story, the outlet that
// reported it first and the other outlet, in JSON Feed and as an "Also
// reported by" line in RSS and Atom; the third item names none.
func TestStoryCredits(t *testing.T) {
	srv, ids := storyServer(t)
	_, body := fetchURL(t, srv.URL+"/feeds/all.json")
	storyTestFeed(t, srv, ids, body)
}

// storyServer serves a store holding Interfax's and RIA's reports of one
// story (RIA allows its titles only) and RIA's report of another, and
// returns their ids.
func storyServer(t *testing.T) (*httptest.Server, []int64) { return storyServerWith(t, false, nil) }

// storyServerWith is storyServer, its section showing each story once when
// onePerStory, by the report of the first source of prefer that has one.
func storyServerWith(t *testing.T, onePerStory bool, prefer []string) (*httptest.Server, []int64) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	at := time.Date(2019, 11, 15, 10, 0, 0, 0, time.UTC)
	var ids []int64
	for _, it := range []news.Item{
		{SourceID: "interfax", GUID: "1", Link: "https://www.interfax.ru/russia/684300", Title: "Верховный суд ликвидировал движение «За права человека»", Published: at},
		{SourceID: "ria", GUID: "2", Link: "https://ria.ru/20191115/1561000000.html", Title: "Верховный суд РФ ликвидировал движение «За права человека»", Published: at.Add(20 * time.Minute)},
		{SourceID: "ria", GUID: "3", Link: "https://ria.ru/20191115/1561000001.html", Title: "В Москве выпал первый снег", Published: at.Add(time.Hour)},
	} {
		it.Sections = []string{"all"}
		if it.GUID != "3" {
			it.Quotes = []news.Quote{{Text: "Решение суда мы обжалуем", Speaker: "Лев Пономарев", Verb: "заявил", Direct: true}}
		}
		it.Summary = "<p>Текст " + it.GUID + ".</p>"
		res, err := st.SaveItems(ctx, []news.Item{it})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.Items[0].ID)
	}
	if err := st.SetStories(ctx, map[int64]int64{ids[0]: ids[0], ids[1]: ids[0], ids[2]: ids[2]}); err != nil {
		t.Fatal(err)
	}
	p := New(st, Options{BaseURL: "https://syndic.example", Sections: []news.Section{{ID: "all", Title: "ALL", OnePerStory: onePerStory, Prefer: prefer}},
		Sources: []news.Source{{ID: "interfax", Name: "Interfax"}, {ID: "ria", Name: "RIA Novosti", Republish: news.RepublishTitle}},
		Search:  st})
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return srv, ids
}

func storyTestFeed(t *testing.T, srv *httptest.Server, ids []int64, body []byte) {
	t.Helper()
	var feed struct {
		Items []struct {
			URL    string  `json:"url"`
			Syndic jsonExt `json:"_syndic"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &feed); err != nil {
		t.Fatal(err)
	}
	got := map[string]jsonExt{}
	for _, it := range feed.Items {
		got[it.URL] = it.Syndic
	}
	first := &jsonCredit{Name: "Interfax", URL: "https://www.interfax.ru/russia/684300"}
	ifx, ria, snow := got["https://www.interfax.ru/russia/684300"], got["https://ria.ru/20191115/1561000000.html"], got["https://ria.ru/20191115/1561000001.html"]
	if ifx.Story != ids[0] || *ifx.FirstReportedBy != *first || len(ifx.AlsoReportedBy) != 1 ||
		ifx.AlsoReportedBy[0] != (jsonCredit{Name: "RIA Novosti", URL: "https://ria.ru/20191115/1561000000.html"}) {
		t.Errorf("Interfax's report: %+v", ifx)
	}
	if ria.Story != ids[0] || *ria.FirstReportedBy != *first || len(ria.AlsoReportedBy) != 1 || ria.AlsoReportedBy[0] != *first {
		t.Errorf("RIA's report: %+v", ria)
	}
	if snow.Story != 0 || snow.FirstReportedBy != nil || snow.AlsoReportedBy != nil {
		t.Errorf("an item of its own story: %+v", snow)
	}
	for _, format := range []string{"rss", "atom"} {
		_, body := fetchURL(t, srv.URL+"/feeds/all."+format)
		s := string(body)
		if !strings.Contains(s, `Also reported by: &lt;a href=&#34;https://ria.ru/20191115/1561000000.html&#34;&gt;RIA Novosti&lt;/a&gt;`) &&
			!strings.Contains(s, `Also reported by: <a href="https://ria.ru/20191115/1561000000.html">RIA Novosti</a>`) {
			t.Errorf("%s: no line crediting RIA Novosti:\n%s", format, s)
		}
		// Interfax's summary and full text, RIA's summary (titles only).
		if n := strings.Count(s, "Also reported by"); n != 3 {
			t.Errorf("%s: %d credit lines, want 3", format, n)
		}
	}
}

// TestStoryPages serves /stories and /stories/{id}: each story of more than
// one report with its outlets in order of first report and each quote once,
// with the outlets that carried it; a title-only source's words are not shown.
func TestStoryPages(t *testing.T) {
	srv, ids := storyServer(t)
	_, body := fetchURL(t, srv.URL+"/stories?format=json")
	var page struct{ Stories []storyJSON }
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if len(page.Stories) != 1 {
		t.Fatalf("stories: %s", body)
	}
	st := page.Stories[0]
	if st.Story != ids[0] || len(st.Reports) != 2 || st.Reports[0].Source != "Interfax" || st.Reports[1].Source != "RIA Novosti" ||
		st.FirstReported != "2019-11-15T10:00:00Z" || st.Link != "https://www.interfax.ru/russia/684300" {
		t.Errorf("story: %s", body)
	}
	if len(st.Quotes) != 1 || st.Quotes[0].Text != "Решение суда мы обжалуем" || strings.Join(st.Quotes[0].CarriedBy, ",") != "Interfax,RIA Novosti" {
		t.Errorf("quotes: %+v", st.Quotes)
	}
	resp, body := fetchURL(t, fmt.Sprintf("%s/stories/%d", srv.URL, ids[0]))
	if resp.StatusCode != 200 || !strings.Contains(string(body), "carried by Interfax, RIA Novosti") ||
		!strings.Contains(string(body), `<a href="https://ria.ru/20191115/1561000000.html">`) {
		t.Errorf("/stories/%d: %d\n%s", ids[0], resp.StatusCode, body)
	}
	for _, path := range []string{"/stories/424242", "/stories/x", "/stories/-1"} {
		if resp, _ := fetchURL(t, srv.URL+path); resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
}

// TestStoriesFeed serves /feeds/stories.*: one entry per story of more than
// one report, its first report, crediting the other outlets.
func TestStoriesFeed(t *testing.T) {
	srv, ids := storyServer(t)
	_, body := fetchURL(t, srv.URL+"/feeds/stories.json")
	var feed struct {
		Items []struct {
			URL    string  `json:"url"`
			Syndic jsonExt `json:"_syndic"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &feed); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if len(feed.Items) != 1 || feed.Items[0].URL != "https://www.interfax.ru/russia/684300" || feed.Items[0].Syndic.Story != ids[0] ||
		len(feed.Items[0].Syndic.AlsoReportedBy) != 1 || feed.Items[0].Syndic.AlsoReportedBy[0].Name != "RIA Novosti" {
		t.Errorf("stories feed: %s", body)
	}
	for _, f := range []string{"rss", "atom"} {
		resp, body := fetchURL(t, srv.URL+"/feeds/stories."+f)
		if resp.StatusCode != 200 || !strings.Contains(string(body), "Also reported by") || strings.Contains(string(body), "первый снег") {
			t.Errorf("stories.%s: %d\n%s", f, resp.StatusCode, body)
		}
		strictXML(t, body)
	}
	if resp, _ := fetchURL(t, srv.URL+"/feeds/stories.xml"); resp.StatusCode != 404 {
		t.Errorf("stories.xml: %d, want 404", resp.StatusCode)
	}
}

// TestOnePerStory serves a section with one_per_story: Interfax's first
// report stands for the story, crediting RIA, whose report is left out;
// the other story's item stays. The section without it keeps all three.
func TestOnePerStory(t *testing.T) {
	srv, _ := storyServerWith(t, true, nil)
	_, body := fetchURL(t, srv.URL+"/feeds/all.json")
	var feed struct {
		Items []struct {
			URL    string  `json:"url"`
			Syndic jsonExt `json:"_syndic"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &feed); err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, it := range feed.Items {
		urls = append(urls, it.URL)
	}
	want := "https://ria.ru/20191115/1561000001.html https://www.interfax.ru/russia/684300"
	if strings.Join(urls, " ") != want {
		t.Errorf("one_per_story section: %v, want %s", urls, want)
	}
	if len(feed.Items) == 2 && (len(feed.Items[1].Syndic.AlsoReportedBy) != 1 || feed.Items[1].Syndic.AlsoReportedBy[0].Name != "RIA Novosti") {
		t.Errorf("the story's entry credits %+v, want RIA Novosti", feed.Items[1].Syndic.AlsoReportedBy)
	}
}

// TestQuoteOfSeveralOutlets: one quote of a story carried by two outlets is
// one quote, the first report's, listing both, in /quotes and in the
// speaker's feed.
func TestQuoteOfSeveralOutlets(t *testing.T) {
	srv, _ := storyServer(t)
	_, body := fetchURL(t, srv.URL+"/quotes?speaker=Пономарев&format=json")
	var page struct{ Quotes []quoteJSON }
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if len(page.Quotes) != 1 || page.Quotes[0].Source != "Interfax" || page.Quotes[0].Text != "Решение суда мы обжалуем" ||
		len(page.Quotes[0].CarriedBy) != 2 || page.Quotes[0].CarriedBy[1].Name != "RIA Novosti" {
		t.Errorf("/quotes: %s", body)
	}
	_, body = fetchURL(t, srv.URL+"/quotes?speaker=Пономарев")
	if !strings.Contains(string(body), "carried by Interfax, RIA Novosti") {
		t.Errorf("/quotes HTML:\n%s", body)
	}
	_, body = fetchURL(t, srv.URL+"/feeds/quotes/lev-ponomarev.atom")
	if n := strings.Count(string(body), "<entry>"); n != 1 || !strings.Contains(string(body), "Carried by:") {
		t.Errorf("speaker feed: %d entries\n%s", n, body)
	}
}

// TestIndexCreditsStories: the index page shows, under an item of a story
// another outlet reported, that outlet linking its original.
func TestIndexCreditsStories(t *testing.T) {
	srv, _ := storyServer(t)
	_, body := fetchURL(t, srv.URL+"/")
	if !strings.Contains(string(body), `also reported by <a href="https://ria.ru/20191115/1561000000.html">RIA Novosti</a>`) ||
		!strings.Contains(string(body), `also reported by <a href="https://www.interfax.ru/russia/684300">Interfax</a>`) {
		t.Errorf("index:\n%s", body)
	}
	if strings.Count(string(body), "also reported by") != 2 {
		t.Errorf("%d credits on the index, want 2", strings.Count(string(body), "also reported by"))
	}
}

// TestOnePerStoryPrefers: a section preferring RIA shows the story by RIA's
// report, crediting Interfax.
func TestOnePerStoryPrefers(t *testing.T) {
	srv, _ := storyServerWith(t, true, []string{"tass", "ria"})
	_, body := fetchURL(t, srv.URL+"/feeds/all.json")
	var feed struct {
		Items []struct {
			URL    string  `json:"url"`
			Syndic jsonExt `json:"_syndic"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 2 || feed.Items[1].URL != "https://ria.ru/20191115/1561000000.html" ||
		len(feed.Items[1].Syndic.AlsoReportedBy) != 1 || feed.Items[1].Syndic.AlsoReportedBy[0].Name != "Interfax" {
		t.Errorf("prefer ria: %s", body)
	}
}
