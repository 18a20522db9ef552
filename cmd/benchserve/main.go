// Command benchserve is the helper of cmd/benchserve/serve.sh, the serving
// benchmark: it seeds a store with one 50-item section for `syndic serve`,
// and serves pre-compressed bytes from a bare net/http handler, the
// reference the publisher is measured against.
//
//	benchserve seed -dir DIR -addr 127.0.0.1:18081   # DIR/bench.db, DIR/bench.yaml
//	benchserve bare -file feed.rss.gz -etag '"..."' -addr 127.0.0.1:18082
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	_ "net/http/pprof" // benchserve pub's profile
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/publisher"
	"github.com/syndic/syndic/store"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchserve seed|bare [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "seed":
		err = seed(os.Args[2:])
	case "bare":
		err = bare(os.Args[2:])
	case "pub":
		err = pub(os.Args[2:])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchserve:", err)
		os.Exit(1)
	}
}

var words = strings.Fields(`правительство заявило что бюджет на следующий год будет принят в срок министр
финансов сообщил журналистам о росте доходов регионов президент провёл совещание с членами совета безопасности
по вопросам экономики и обороны представитель кремля отметил важность переговоров делегации обсудили транспортный
коридор север юг и строительство железной дороги в регионе эксперты ожидают снижения инфляции к концу года
the ministry said talks were constructive and both sides agreed on a timetable officials did not say when
construction would begin according to the report published on friday`)

// text returns n pseudo-random words: compresses like prose, not like a repeated string.
func text(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

func seed(args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	dir := fs.String("dir", ".", "folder for bench.db and bench.yaml")
	addr := fs.String("addr", "127.0.0.1:18081", "address syndic serve listens on")
	n := fs.Int("items", 60, "items in section bench")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db := filepath.Join(*dir, "bench.db")
	os.Remove(db)
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(1, 2))
	t0 := time.Date(2025, 3, 1, 12, 0, 0, 0, time.FixedZone("", 3*3600))
	items := make([]news.Item, *n)
	for i := range items {
		var body strings.Builder
		for range 4 {
			body.WriteString("<p>" + text(r, 60) + "</p>\n")
		}
		items[i] = news.Item{
			SourceID:   "lenta",
			GUID:       "https://lenta.ru/news/2025/03/01/bench" + strconv.Itoa(i) + "/",
			Link:       "https://lenta.ru/news/2025/03/01/bench" + strconv.Itoa(i) + "/",
			Title:      text(r, 9),
			Summary:    text(r, 30),
			Content:    body.String(),
			Authors:    []string{"Иван Петров"},
			Categories: []string{"Россия"},
			Published:  t0.Add(-time.Duration(i) * 7 * time.Minute),
			Image:      "/img/bench" + strconv.Itoa(i) + ".jpg",
			Via:        []string{"ТАСС"},
			Sections:   []string{"bench"},
		}
	}
	if _, err := st.SaveItems(ctx, items); err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	cfg := fmt.Sprintf(`database: %s
listen: %s
public_url: http://%s
sections:
  - {id: bench, title: Bench, description: 50 full-text items}
sources:
  - {id: lenta, name: Lenta.ru, url: "https://lenta.ru/rss/news", sections: [bench], republish: full}
`, db, *addr, *addr)
	return os.WriteFile(filepath.Join(*dir, "bench.yaml"), []byte(cfg), 0o644)
}

// pub serves section bench of a seeded store with the publisher alone (no
// /metrics, /healthz or logging), with a CPU profile on -profile-addr:
// where time goes in syndic's serving path.
func pub(args []string) error {
	fs := flag.NewFlagSet("pub", flag.ContinueOnError)
	db := fs.String("db", "bench.db", "seeded store")
	addr := fs.String("addr", "127.0.0.1:18084", "listen address")
	prof := fs.String("profile-addr", "127.0.0.1:18085", "net/http/pprof address")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := store.Open(context.Background(), *db)
	if err != nil {
		return err
	}
	defer st.Close()
	p := publisher.New(st, publisher.Options{BaseURL: "http://" + *addr,
		Sections: []news.Section{{ID: "bench", Title: "Bench", Description: "50 full-text items"}},
		Sources:  []news.Source{{ID: "lenta", Name: "Lenta.ru", URL: "https://lenta.ru/rss/news", Republish: news.RepublishFull}}})
	go http.ListenAndServe(*prof, nil) // DefaultServeMux: net/http/pprof
	srv := &http.Server{Addr: *addr, Handler: p, ReadHeaderTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

// bare serves one file as gzip with an ETag, answering a matching
// If-None-Match with 304: the least a handler serving cached,
// pre-compressed feeds can do.
func bare(args []string) error {
	fs := flag.NewFlagSet("bare", flag.ContinueOnError)
	file := fs.String("file", "", "gzip-compressed body")
	etag := fs.String("etag", "", "ETag, quoted")
	addr := fs.String("addr", "127.0.0.1:18082", "listen address")
	ctype := fs.String("type", "application/rss+xml; charset=utf-8", "Content-Type")
	rht := fs.Duration("read-header-timeout", 0, "http.Server ReadHeaderTimeout (syndic serve uses 10s)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	gz, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	ct, enc, tag, vary := []string{*ctype}, []string{"gzip"}, []string{*etag}, []string{"Accept-Encoding"}
	length := []string{strconv.Itoa(len(gz))}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd["Etag"] = tag
		hd["Vary"] = vary
		if inm := r.Header["If-None-Match"]; len(inm) == 1 && inm[0] == *etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		hd["Content-Type"] = ct
		hd["Content-Encoding"] = enc
		hd["Content-Length"] = length
		w.Write(gz)
	})
	srv := &http.Server{Addr: *addr, Handler: h, ReadHeaderTimeout: *rht}
	return srv.ListenAndServe()
}
