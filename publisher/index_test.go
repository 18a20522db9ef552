package publisher

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/syndic/syndic/news"
)

// TestIndexLists checks that / lists each section's newest items (title
// linking the original, source, via, time, byline) and every feed.
func TestIndexLists(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	page := get(t, p, "GET", "/", nil).Body.String()
	for _, want := range []string{
		`<a href="https://lenta.ru/news/2025/03/01/sovbez/">Путин провёл оперативное совещание с постоянными членами Совбеза</a>`,
		`Lenta.ru · <time datetime="2025-03-01T12:40:00&#43;03:00">1 Mar 2025 12:40 &#43;03:00</time> · by Иван Петров`,
		`Caliber.Az, via TASS · <time datetime="2025-03-01T12:15:00&#43;04:00">`,
		`by Orkhan Aliyev, Leyla Mammadova`,
		`<a href="https://feeds.example.org/feeds/source/caliber.atom">Atom</a>`,
		`<link rel="alternate" type="text/x-opml" title="All feeds (OPML)" href="https://feeds.example.org/opml">`,
		`<a href="/quotes">Quote search</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index lacks %s", want)
		}
	}
	if strings.Contains(page, "relative") || strings.Contains(page, "Item with no link") {
		t.Error("index lists a withheld item")
	}
}

// TestOPML checks that /opml lists every section and every source that
// can have items once, in Atom, each served, grouped into sections and
// sources; a source no section takes is left out.
func TestOPML(t *testing.T) {
	sources := append(slices.Clone(testSources), news.Source{ID: "orphan", Name: "Orphan", Unrouted: true})
	p := New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: sources, Recheck: -1})
	w := get(t, p, "GET", "/opml", nil)
	if ct := w.Header().Get("Content-Type"); ct != "text/x-opml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if w.Header().Get("Last-Modified") != testMod.Format(http.TimeFormat) || w.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("headers %v", w.Header())
	}
	var doc struct {
		Title  string `xml:"head>title"`
		Groups []struct {
			Text     string `xml:"text,attr"`
			Outlines []struct {
				Text   string `xml:"text,attr"`
				Type   string `xml:"type,attr"`
				XMLURL string `xml:"xmlUrl,attr"`
			} `xml:"outline"`
		} `xml:"body>outline"`
	}
	if err := xml.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, g := range doc.Groups {
		for _, o := range g.Outlines {
			if o.Type != "rss" || o.Text == "" || !strings.HasSuffix(o.XMLURL, ".atom") {
				t.Errorf("outline %+v", o)
			}
			listed = append(listed, g.Text+" "+strings.TrimPrefix(o.XMLURL, testBase))
			if code := get(t, p, "GET", strings.TrimPrefix(o.XMLURL, testBase), nil).Code; code != 200 {
				t.Errorf("%s listed but served %d", o.XMLURL, code)
			}
		}
	}
	want := []string{"Sections /feeds/world.atom", "Sections /feeds/caucasus.atom", "Sources /feeds/source/lenta.atom",
		"Sources /feeds/source/caliber.atom", "Sources /feeds/source/tass.atom", "Sources /feeds/source/mt.atom"}
	if !slices.Equal(listed, want) {
		t.Errorf("listed %q,\nwant %q", listed, want)
	}
}

// findBrowser returns a headless-capable Chromium, or "".
func findBrowser() string {
	if b := os.Getenv("SYNDIC_CHROMIUM"); b != "" {
		return b
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// chromium runs the browser headless on a fresh profile, with everything
// that would reach the network disabled.
func chromium(t *testing.T, browser string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--no-proxy-server", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", browser, args, err, stderr.String())
	}
	return out
}

// TestIndexInBrowser loads / in a real headless Chromium: the rendered DOM
// has every section, item and feed link, every feed link it has works, and
// it has no script (it works without JavaScript), and a screenshot is kept (testdata/index.png with
// -update, else in a temporary folder named in the log).
func TestIndexInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium found (apt-get install chromium, or set SYNDIC_CHROMIUM)")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	srv := httptest.NewUnstartedServer(nil)
	base := "http://" + srv.Listener.Addr().String()
	srv.Config.Handler = New(newTestStore(), Options{BaseURL: base, Sections: testSections, Sources: testSources,
		Recheck: -1, Title: "syndic"})
	srv.Start()
	defer srv.Close()

	dom := chromium(t, browser, "--dump-dom", srv.URL+"/")
	doc, err := html.Parse(strings.NewReader(string(dom)))
	if err != nil {
		t.Fatal(err)
	}
	var hrefs, alternates, texts []string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch {
			case n.Data == "a":
				hrefs = append(hrefs, attr["href"])
			case n.Data == "script":
				t.Error("the page has a script")
			case n.Data == "link" && attr["rel"] == "alternate":
				alternates = append(alternates, attr["href"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	text := strings.Join(texts, "")
	for _, want := range []string{"World / Мир", "Caucasus", "Путин провёл оперативное совещание", "Caliber.Az, via TASS", "by Иван Петров"} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	if want := (len(testSections)+len(testSources))*3 + 1; len(alternates) != want {
		t.Errorf("%d <link rel=alternate>, want %d", len(alternates), want)
	}
	feeds := 0
	for _, h := range append(hrefs, alternates...) {
		if !strings.HasPrefix(h, srv.URL+"/") {
			continue // originals, and /quotes (served by another handler)
		}
		feeds++
		resp, err := srv.Client().Get(h)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("link %s: %d", h, resp.StatusCode)
		}
	}
	if feeds < len(alternates) {
		t.Errorf("only %d links to this server", feeds)
	}
	for _, want := range []string{"https://lenta.ru/news/2025/03/01/sovbez/", "/quotes"} {
		if !contains(hrefs, want) {
			t.Errorf("no link to %s", want)
		}
	}

	shot := filepath.Join(t.TempDir(), "index.png")
	if *update {
		shot, _ = filepath.Abs(filepath.Join("testdata", "index.png"))
	}
	chromium(t, browser, "--screenshot="+shot, "--window-size=1024,1400", "--hide-scrollbars", srv.URL+"/")
	png, err := os.ReadFile(shot)
	if err != nil || len(png) < 1000 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s: %d bytes, %v", shot, len(png), err)
	}
	t.Logf("screenshot: %s", shot)
}

// TestEmbedExample runs the embed snippet of README.md ("Embedding a
// section in a web page") in a real headless Chromium, on a partner page of
// another origin than the publisher's: the rendered page lists every item
// of the section, each title linking its original, followed by its credit
// (the source's name linking the original, the outlets it came through),
// each item in its language, and names the feed. A screenshot is kept
// (testdata/embed.png with -update, else in a temporary folder named in the log).
func TestEmbedExample(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium found (apt-get install chromium, or set SYNDIC_CHROMIUM)")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start, placeholder = "```html\n<!-- syndic: the newest items of one section", "https://feeds.example.org/feeds/world.json"
	i := strings.Index(string(readme), start)
	if i < 0 {
		t.Fatal("README.md has no embed example")
	}
	snippet, _, ok := strings.Cut(string(readme[i+len("```html\n"):]), "\n```")
	if !ok || !strings.Contains(snippet, placeholder) {
		t.Fatalf("embed example without %s:\n%s", placeholder, snippet)
	}

	pub := httptest.NewUnstartedServer(nil)
	pubBase := "http://" + pub.Listener.Addr().String()
	pub.Config.Handler = New(newTestStore(), Options{BaseURL: pubBase, Sections: testSections, Sources: testSources, Recheck: -1})
	pub.Start()
	defer pub.Close()
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A partner site</title>
<style>body{font:16px/1.45 system-ui,sans-serif;max-width:46rem;margin:1rem auto;color:#222}li{margin:.4em 0}</style></head>
<body><h1>A partner site</h1><p>News from our partners:</p>
` + strings.ReplaceAll(snippet, placeholder, pubBase+"/feeds/world.json") + "\n</body></html>\n"
	partner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer partner.Close()

	dom := chromium(t, browser, "--dump-dom", "--virtual-time-budget=10000", partner.URL+"/")
	doc, err := html.Parse(strings.NewReader(string(dom)))
	if err != nil {
		t.Fatal(err)
	}
	var items []string // per <li>: lang, then each link's href and text, then the text
	var footer string
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "li" {
			items = append(items, nodeSummary(n))
			return
		}
		if n.Type == html.ElementNode && n.Data == "p" && strings.HasPrefix(textOf(n), "From ") {
			footer = nodeSummary(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	caliber := "https://caliber.az/en/post/azerbaijan-russia-corridor"
	want := []string{
		`lang=ru [https://lenta.ru/news/2025/03/01/sovbez/ Путин провёл оперативное совещание с постоянными членами Совбеза] [https://lenta.ru/news/2025/03/01/sovbez/ Lenta.ru] Путин провёл оперативное совещание с постоянными членами Совбеза — Source: Lenta.ru`,
		`lang= [https://tass.com/politics/1921234 Russian Foreign Ministry comments on talks in Riyadh] [https://tass.com/politics/1921234 TASS] Russian Foreign Ministry comments on talks in Riyadh — Source: TASS`,
		`lang=en [` + caliber + ` Azerbaijan and Russia discuss North–South corridor] [` + caliber + ` Caliber.Az] Azerbaijan and Russia discuss North–South corridor — Source: Caliber.Az, via TASS`,
		`lang=en [https://www.themoscowtimes.com/2025/03/01/control-characters-a42 Control characters and ]]> in a title] [https://www.themoscowtimes.com/2025/03/01/control-characters-a42 The Moscow Times] Control characters and ]]> in a title — Source: The Moscow Times`,
	}
	if !slices.Equal(items, want) {
		t.Errorf("the embedded list:\n%s\nwant\n%s", strings.Join(items, "\n"), strings.Join(want, "\n"))
	}
	if wantFooter := "lang= [" + pubBase + "/ World / Мир] From World / Мир, republished with attribution."; footer != wantFooter {
		t.Errorf("footer %q, want %q", footer, wantFooter)
	}

	shot := filepath.Join(t.TempDir(), "embed.png")
	if *update {
		shot, _ = filepath.Abs(filepath.Join("testdata", "embed.png"))
	}
	chromium(t, browser, "--screenshot="+shot, "--window-size=900,340", "--hide-scrollbars", "--virtual-time-budget=10000", partner.URL+"/")
	png, err := os.ReadFile(shot)
	if err != nil || len(png) < 1000 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s: %d bytes, %v", shot, len(png), err)
	}
	t.Logf("screenshot: %s", shot)
}

// nodeSummary is an element's lang, each of its links as [href text], and its text.
func nodeSummary(n *html.Node) string {
	var b strings.Builder
	b.WriteString("lang=" + attrOf(n, "lang"))
	var links func(*html.Node)
	links = func(m *html.Node) {
		if m.Type == html.ElementNode && m.Data == "a" {
			b.WriteString(" [" + attrOf(m, "href") + " " + textOf(m) + "]")
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			links(c)
		}
	}
	links(n)
	b.WriteString(" " + textOf(n))
	return b.String()
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
