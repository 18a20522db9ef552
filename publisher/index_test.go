package publisher

import (
	"context"
	"encoding/xml"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
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

// TestOPML checks that /opml lists every feed, each of which is served.
func TestOPML(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	w := get(t, p, "GET", "/opml", nil)
	if ct := w.Header().Get("Content-Type"); ct != "text/x-opml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
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
	listed := map[string]bool{}
	for _, g := range doc.Groups {
		for _, o := range g.Outlines {
			if o.Type != "rss" || o.Text == "" {
				t.Errorf("outline %+v", o)
			}
			listed[o.XMLURL] = true
			path := strings.TrimPrefix(o.XMLURL, testBase)
			if code := get(t, p, "GET", path, nil).Code; code != 200 {
				t.Errorf("%s listed but served %d", o.XMLURL, code)
			}
		}
	}
	for path, rt := range p.routes {
		if rt.format != 0 && !listed[testBase+path] {
			t.Errorf("feed %s not in the OPML", path)
		}
	}
	if want := len(testSections)*3 + len(testSources)*3; len(listed) != want {
		t.Errorf("%d feeds listed, want %d", len(listed), want)
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
