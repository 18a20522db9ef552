package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

func exitCode(err error) int {
	var e exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &e):
		return e.code
	default:
		return 1
	}
}

func TestCheck(t *testing.T) {
	out, _, err := runCmd(t, "check", "--config", "../../feeds.yaml")
	if err != nil || !strings.Contains(out, "ok (5 sections, 10 sources)") {
		t.Fatalf("check feeds.yaml: %q %v", out, err)
	}

	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("sections:\n  - id: all\nsources:\n  - id: x\n    url: gopher://x\n    sections: [al]\n    intervall: 5m\n"), 0o644)
	_, stderr, err := runCmd(t, "check", "--config", bad)
	if exitCode(err) != 1 {
		t.Errorf("exit code %d, want 1", exitCode(err))
	}
	for _, want := range []string{
		bad + `:5:10: sources[0].url: invalid URL "gopher://x" (only http and https)`,
		bad + `:6:16: sources[0].sections[0]: unknown section "al"`,
		bad + `:7:5: sources[0].intervall: unknown key "intervall"`,
		"problem(s) in " + bad,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check output lacks %q:\n%s", want, stderr)
		}
	}
	// Every other subcommand refuses to start on a bad config.
	for _, cmd := range [][]string{{"run"}, {"serve"}, {"crawl", "--once"}} {
		_, _, err := runCmd(t, append(cmd, "--config", bad)...)
		if err == nil || !strings.Contains(err.Error(), "bad config") || !strings.Contains(err.Error(), "unknown section") {
			t.Errorf("%v with a bad config: %v", cmd, err)
		}
	}
}

func TestUsage(t *testing.T) {
	if _, stderr, err := runCmd(t); exitCode(err) != 2 || !strings.Contains(stderr, "Usage:") {
		t.Errorf("no args: %v %q", err, stderr)
	}
	if _, stderr, err := runCmd(t, "frobnicate"); exitCode(err) != 2 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %v %q", err, stderr)
	}
	if _, stderr, err := runCmd(t, "run", "--role", "publish"); exitCode(err) != 2 || !strings.Contains(stderr, "want crawl, serve or all") {
		t.Errorf("unknown role: %v %q", err, stderr)
	}
}

func TestCrawlOnceSummaryAndSecondPass(t *testing.T) {
	feed, err := os.ReadFile("../../testdata/feeds/lenta_rss_2022-12-03.xml")
	if err != nil {
		t.Fatal(err)
	}
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/lenta.xml" {
			http.Error(w, "no such feed", http.StatusNotFound)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(feed)
	}))
	defer up.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "feeds.yaml")
	os.WriteFile(cfg, fmt.Appendf(nil, `
database: %s
sections: [{id: all}]
sources:
  - {id: lenta, url: "%s/lenta.xml", sections: [all], allow_private: true, fetch_article: false}
  - {id: gone, url: "%s/gone.xml", sections: [all], allow_private: true}
`, filepath.Join(dir, "x.db"), up.URL, up.URL), 0o644)

	out, _, err := runCmd(t, "crawl", "--once", "--config", cfg)
	if exitCode(err) != 1 {
		t.Errorf("exit code %d, want 1 (one source failed)", exitCode(err))
	}
	for _, re := range []string{
		`(?m)^lenta\s+new 198, updated 0, unchanged 2 \(`,
		`(?m)^gone\s+error: fetch feed: GET http://127\.0\.0\.1:\d+/gone\.xml: 404`,
		`(?m)^2 sources: new 198, updated 0, unchanged 2, 1 failed$`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("summary lacks %s:\n%s", re, out)
		}
	}
	// --db overrides the config's database.
	out, _, _ = runCmd(t, "crawl", "--once", "--config", cfg)
	if !regexp.MustCompile(`(?m)^lenta\s+not modified \(304\)`).MatchString(out) {
		t.Errorf("second pass:\n%s", out)
	}
	out, _, _ = runCmd(t, "crawl", "--once", "--config", cfg, "--db", filepath.Join(dir, "other.db"))
	if !strings.Contains(out, "new 198") {
		t.Errorf("--db: the other database should start empty:\n%s", out)
	}
}

// TestDemo runs `syndic demo` as a user who installed the binary would,
// in a folder that is not a checkout (its config and fixtures are built
// in), and reads its feeds: they parse with gofeed and a strict XML
// decoder, and every item links to its original and ends with the
// attribution paragraph.
func TestDemo(t *testing.T) {
	t.Chdir(t.TempDir())
	d := startDemo(t)
	if !strings.Contains(d.out.String(), "7 sources: new 290") || strings.Contains(d.out.String(), "error") {
		t.Errorf("demo crawl:\n%s", d.out.String())
	}
	base := d.base
	for _, format := range []string{"rss", "atom", "json"} {
		url := base + "/feeds/all." + format
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", url, resp.StatusCode)
		}
		if format != "json" {
			dec := xml.NewDecoder(bytes.NewReader(body))
			dec.Strict = true
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", url, err)
				}
			}
		}
		f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s does not parse: %v", url, err)
		}
		if len(f.Items) != 50 {
			t.Errorf("%s: %d items, want 50", url, len(f.Items))
		}
		for _, it := range f.Items {
			text := it.Content
			if text == "" {
				text = it.Description
			}
			if !strings.HasPrefix(it.Link, "http") || !strings.Contains(text, `Source: <a href="`+it.Link+`">`) {
				t.Errorf("%s: item %q lacks its link or attribution: link %q, text ends %q", url, it.Title, it.Link, tail(text, 200))
				break
			}
		}
	}
	d.stop(t)
}

// demo is a running `syndic demo`.
type demo struct {
	base, upstream string // the publisher's and the fixture upstream's URLs
	out            *syncBuffer
	cancel         func()
	done           chan error
}

// startDemo starts `syndic demo` on a free port and waits until it serves.
func startDemo(t *testing.T) *demo {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	d := &demo{out: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() {
		d.done <- run(ctx, []string{"demo", "--listen", "127.0.0.1:0"}, strings.NewReader(""), d.out, io.Discard)
	}()
	for deadline := time.Now().Add(60 * time.Second); d.base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := regexp.MustCompile(`(?m)^  (http://127\.0\.0\.1:\d+)/$`).FindStringSubmatch(d.out.String()); m != nil {
			d.base = m[1]
		}
	}
	if d.base == "" {
		cancel()
		t.Fatalf("demo did not start:\n%s", d.out.String())
	}
	d.upstream = regexp.MustCompile(`demo upstream (http://\S+) serves`).FindStringSubmatch(d.out.String())[1]
	t.Cleanup(cancel)
	return d
}

// stop stops the demo and checks that it ends cleanly.
func (d *demo) stop(t *testing.T) {
	t.Helper()
	d.cancel()
	select {
	case err := <-d.done:
		if err != nil {
			t.Errorf("demo returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Error("demo did not stop")
	}
}

// TestInit checks that `syndic init` writes the built-in feeds.yaml (the
// repository's) where there is none and never overwrites one, and that
// the commands that need a config say to run it when there is none.
func TestInit(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range [][]string{{"run"}, {"crawl", "--once"}, {"serve"}, {"check"}, {"demo", "--config", "mine.yaml"}} {
		_, stderr, err := runCmd(t, args...)
		msg := stderr
		if err != nil {
			msg += err.Error()
		}
		if err == nil || !strings.Contains(msg, "no such file") || !strings.Contains(msg, "run 'syndic init") {
			t.Errorf("syndic %v without a config: %v %q", args, err, msg)
		}
	}
	out, _, err := runCmd(t, "init")
	if err != nil || !strings.Contains(out, "wrote feeds.yaml: 5 sections, 10 sources") {
		t.Fatalf("init: %v %q", err, out)
	}
	want, err := os.ReadFile(filepath.Join(repoRoot, "feeds.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile("feeds.yaml"); !bytes.Equal(got, want) {
		t.Error("init wrote something other than the repository's feeds.yaml")
	}
	os.WriteFile("feeds.yaml", []byte("# mine\n"), 0o644)
	if _, _, err := runCmd(t, "init"); err == nil || !strings.Contains(err.Error(), "exists: not overwritten") {
		t.Errorf("init over an existing file: %v", err)
	}
	if got, _ := os.ReadFile("feeds.yaml"); string(got) != "# mine\n" {
		t.Errorf("init overwrote feeds.yaml: %q", got)
	}
	if out, _, err := runCmd(t, "init", "--config", "other.yaml"); err != nil || !strings.Contains(out, "'syndic run --config other.yaml'") {
		t.Errorf("init --config: %v %q", err, out)
	}
	if out, _, err := runCmd(t, "check", "--config", "other.yaml"); err != nil || !strings.Contains(out, "ok (5 sections, 10 sources)") {
		t.Errorf("check of the written config: %v %q", err, out)
	}
}

// repoRoot is the repository's root, found before a test changes folder.
var repoRoot, _ = filepath.Abs("../..")

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func TestQuotesCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 10, 4, 13, 1, 0, 0, time.FixedZone("", 4*3600))
	_, err = st.SaveItems(context.Background(), []news.Item{{SourceID: "caliber", GUID: "1",
		Link: "https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto", Title: "FSB сhief: West aims to push Armenia out of CSTO",
		Published: pub, Sections: []string{"all"}, Quotes: []news.Quote{
			{Text: "NATO mediation in different regions of the world", Speaker: "Alexander Bortnikov", Role: "FSB Director", Verb: "referenced", Direct: true}}}})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "quotes", "--config", "../../feeds.yaml", "--db", db, "--speaker", "bortnikov", "--since", "2024-10-01")
	want := "2024-10-04 13:01  Alexander Bortnikov, FSB Director referenced: «NATO mediation in different regions of the world»\n" +
		"    FSB сhief: West aims to push Armenia out of CSTO — https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto\n1 quote(s)\n"
	if err != nil || out != want {
		t.Errorf("quotes:\n%s\nwant:\n%s(%v)", out, want, err)
	}
	out, _, _ = runCmd(t, "quotes", "--config", "../../feeds.yaml", "--db", db, "--speaker", "bortnikov", "--since", "2024-10-05")
	if !strings.HasPrefix(out, "0 quote(s)") {
		t.Errorf("--since after the item: %s", out)
	}
	if _, stderr, err := runCmd(t, "quotes", "--since", "last week"); exitCode(err) != 2 || !strings.Contains(stderr, "invalid --since") {
		t.Errorf("bad --since: %v %s", err, stderr)
	}
}

// syndic quotes and syndic speakers find a speaker by any form of the
// name once the command has filed the names; --merge and --split write
// the config's speakers: section, which the next run obeys.
func TestSpeakersCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2019, 11, 1, 12, 54, 0, 0, time.UTC)
	_, err = st.SaveItems(context.Background(), []news.Item{{SourceID: "kommersant", GUID: "1", Link: "https://www.kommersant.ru/doc/4147673",
		Title: "Песков назвал неудачной идею выплаты Россией репараций Украине", Published: pub, Quotes: []news.Quote{
			{Text: "Давайте не будем все-таки забывать, кто начал войну на Донбассе", Speaker: "Дмитрий Песков", Verb: "сказал", Direct: true},
			{Text: "Это не относится к разряду удачных", Speaker: "Майк Помпео", Verb: "сказал", Direct: true},
			{Text: "Это внутриукраинский конфликт", Speaker: "Майкл Помпео", Verb: "сказал", Direct: true}}}})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "feeds.yaml")
	data, err := os.ReadFile("../../feeds.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, form := range []string{"Peskov", "Пескову", "Дмитрия Пескова", "dmitriy-peskov"} {
		out, _, err := runCmd(t, "quotes", "--config", cfg, "--db", db, "--speaker", form)
		if err != nil || !strings.HasSuffix(out, "1 quote(s)\n") || !strings.Contains(out, "Дмитрий Песков сказал") {
			t.Errorf("quotes --speaker %s: %v\n%s", form, err, out)
		}
	}
	out, _, err := runCmd(t, "speakers", "--config", cfg, "--db", db)
	if err != nil || !strings.Contains(out, "dmitriy-peskov") || !strings.Contains(out, "mayk-pompeo") || !strings.HasSuffix(out, "3 speaker(s)\n") {
		t.Errorf("speakers: %v\n%s", err, out)
	}
	if out, _, err := runCmd(t, "speakers", "--config", cfg, "--merge", "mike-pompeo", "Майк Помпео", "Майкл Помпео"); err != nil {
		t.Fatalf("--merge: %v %s", err, out)
	}
	out, _, err = runCmd(t, "speakers", "--config", cfg, "--db", db, "--json")
	var groups []news.SpeakerGroup
	if err != nil || json.Unmarshal([]byte(out), &groups) != nil || len(groups) != 2 {
		t.Fatalf("speakers after the merge: %v\n%s", err, out)
	}
	if g := groups[0]; g.Key != "mike-pompeo" || g.Quotes != 2 || len(g.Names) != 2 {
		t.Errorf("merged speaker = %+v", g)
	}
	if _, stderr, err := runCmd(t, "speakers", "--config", cfg, "--split", "mike-pompeo"); exitCode(err) != 2 || !strings.Contains(stderr, "two keys or names") {
		t.Errorf("--split of one: %v %s", err, stderr)
	}
}
