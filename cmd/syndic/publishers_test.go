package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
	"github.com/syndic/syndic/store/storetest"
)

// serveChildEnv names the config and address a re-executed test binary
// runs `syndic run --role serve` with ("config address").
const serveChildEnv = "SYNDIC_SERVE_CHILD"

// TestPublishersAgree serves one PostgreSQL store from two publisher
// processes started a second and a half apart (as behind a load balancer,
// with one public_url) and requests every document the index links to, and
// the index itself, from both: bodies, ETags and Last-Modified are
// identical, an empty section included; and after an edit in the store,
// both serve the new version, still identical.
func TestPublishersAgree(t *testing.T) {
	if v := os.Getenv(serveChildEnv); v != "" {
		cfg, addr, _ := strings.Cut(v, " ")
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if err := run(ctx, []string{"run", "--role", "serve", "--config", cfg, "--listen", addr}, strings.NewReader(""), io.Discard, io.Discard); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	db := storetest.Postgres(t)
	if testing.Short() {
		t.Skip("starts child processes")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pub := time.Date(2026, 3, 2, 10, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	sections := []string{"world", "russia", "economy"}
	for s, src := range []string{"tass", "ria", "caliber"} {
		var items []news.Item
		for i := range 30 {
			items = append(items, news.Item{SourceID: src, GUID: fmt.Sprintf("%s-%d", src, i), Link: fmt.Sprintf("https://%s.test/news/%d", src, i),
				Title: fmt.Sprintf("Заголовок %d от %s", i, src), Summary: "<p>Кратко.</p>", Content: fmt.Sprintf("<p>Текст новости %d.</p>", i),
				Authors: []string{"Иван Петров"}, Published: pub.Add(time.Duration(i*3+s) * time.Minute),
				Quotes:   []news.Quote{{Text: "Мы ответим", Speaker: "Мария Захарова", Direct: true}},
				Sections: []string{sections[i%3], sections[(i+s)%3]}})
		}
		if _, err := st.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	cfg := fmt.Sprintf(`database: %q
public_url: https://feeds.example.org
sections: [{id: world}, {id: russia}, {id: economy}, {id: empty, match: {any: [Антарктида]}}]
sources:
  - {id: tass, name: TASS, url: "https://tass.test/rss", sections: [world], republish: full}
  - {id: ria, name: RIA, url: "https://ria.test/rss", sections: [russia], republish: excerpt}
  - {id: caliber, name: Caliber.Az, url: "https://caliber.test/rss", sections: [economy],
     attribution: {notice: "Any use of materials is allowed only if there is a hyperlink to Caliber.az"}}
`, db)
	path := filepath.Join(dir, "feeds.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	start := func() string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		cmd := exec.Command(os.Args[0], "-test.run=^TestPublishersAgree$")
		cmd.Env = append(os.Environ(), serveChildEnv+"="+path+" "+addr)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Signal(syscall.SIGTERM)
			cmd.Wait()
		})
		deadline := time.Now().Add(20 * time.Second)
		for {
			resp, err := http.Get("http://" + addr + "/")
			if err == nil {
				resp.Body.Close()
				return "http://" + addr
			}
			if time.Now().After(deadline) {
				t.Fatalf("publisher on %s did not answer: %v", addr, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	a := start()
	time.Sleep(1500 * time.Millisecond) // another start time, to the second
	b := start()

	get := func(base, path string) (int, string, http.Header) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(body), resp.Header
	}
	href := regexp.MustCompile(`(?:href|src)="(?:https://feeds\.example\.org)?(/[^"]*)"`)
	// Documents the index does not link: quote and search feeds, found
	// and empty.
	extra := []string{"/opml", "/feeds/quotes/mariya-zakharova.atom", "/feeds/quotes/Nobody.rss",
		"/feeds/search.atom?q=" + url.QueryEscape("заголовок"), "/feeds/search.json?q=nothingmatches", "/quotes?speaker=Nobody"}
	compare := func(round string) int {
		t.Helper()
		_, index, _ := get(a, "/")
		paths := map[string]bool{"/": true}
		for _, p := range extra {
			paths[p] = true
		}
		for _, m := range href.FindAllStringSubmatch(index, -1) {
			paths[strings.ReplaceAll(m[1], "&amp;", "&")] = true
		}
		var sorted []string
		for p := range paths {
			sorted = append(sorted, p)
		}
		sort.Strings(sorted)
		feeds := 0
		for _, p := range sorted {
			codeA, bodyA, hA := get(a, p)
			codeB, bodyB, hB := get(b, p)
			// Each publisher re-reads the versions at most every Recheck
			// (2s): one may serve the previous version a little longer.
			for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
				if codeA == codeB && bodyA == bodyB && hA.Get("ETag") == hB.Get("ETag") && hA.Get("Last-Modified") == hB.Get("Last-Modified") {
					break
				}
				time.Sleep(100 * time.Millisecond)
				codeA, bodyA, hA = get(a, p)
				codeB, bodyB, hB = get(b, p)
			}
			if codeA != codeB || bodyA != bodyB {
				t.Errorf("%s: %s differs between the publishers: %d, %d bytes and %d, %d bytes\n%s",
					round, p, codeA, len(bodyA), codeB, len(bodyB), firstDifference(bodyA, bodyB))
				continue
			}
			for _, h := range []string{"ETag", "Last-Modified", "Content-Type"} {
				if hA.Get(h) != hB.Get(h) {
					t.Errorf("%s: %s: %s %q and %q", round, p, h, hA.Get(h), hB.Get(h))
				}
			}
			if strings.HasPrefix(p, "/feeds/") && codeA == http.StatusOK {
				feeds++
			}
		}
		t.Logf("%s: %d documents compared, %d of them feeds", round, len(sorted), feeds)
		return feeds
	}
	// Every document a publisher renders it once and keeps: ask A for all
	// of them first, and B more than a second later, so that anything
	// taken from a clock at render time shows.
	warm := func(base string) {
		_, index, _ := get(base, "/")
		for _, m := range href.FindAllStringSubmatch(index, -1) {
			get(base, strings.ReplaceAll(m[1], "&amp;", "&"))
		}
		for _, p := range extra {
			get(base, p)
		}
	}
	warm(a)
	time.Sleep(1100 * time.Millisecond)
	if n := compare("first"); n < 12 {
		t.Errorf("only %d feeds compared, want the 3 formats of the 4 sections at least", n)
	}

	// An edit: both publishers notice the new version and still agree.
	_, before, _ := get(a, "/feeds/world.rss")
	edit := news.Item{SourceID: "tass", GUID: "tass-0", Link: "https://tass.test/news/0", Title: "Исправленный заголовок",
		Published: pub, Sections: []string{"world"}}
	if _, err := st.SaveItems(ctx, []news.Item{edit}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, bodyA, _ := get(a, "/feeds/world.rss")
		_, bodyB, _ := get(b, "/feeds/world.rss")
		if bodyA != before && bodyB != before {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the publishers did not serve the edit within 15s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	compare("after an edit")
}

// firstDifference shows where two documents part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n  %q\n  %q", i, a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}
