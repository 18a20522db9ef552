package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
)

// demoFeeds are the fixture feeds the demo upstream serves: file name,
// the feeds.yaml source whose name and sections it borrows (if any), the
// name to credit otherwise, and the Content-Type it is served with (no
// charset, so the crawler must read it from the document).
var demoFeeds = []struct {
	file, source, name, lang string
}{
	{"lenta_rss_2022-12-03.xml", "lenta", "Lenta.ru", "ru"},
	{"node-feedparser_oren_ru_windows-1251_yandex.xml", "", "Oren.ru", "ru"},
	{"miniflux_ibash_windows-1251.xml", "", "ibash.org.ru", "ru"},
	{"feedparser_koi8r_nodecl.xml", "", "KOI8-R sample", "ru"},
	{"feeder_suspilne_ukrnet_fulltext.xml", "", "Suspilne", "uk"},
	{"milkleaks_turbo_undeclared_ns.xml.gz", "", "Milkleaks", "ru"},
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("config", config.DefaultPath, "config whose sections (and matching sources) the demo borrows")
	fixtures := fs.String("fixtures", filepath.Join("testdata", "feeds"), "folder of the fixture feeds")
	listen := fs.String("listen", "127.0.0.1:8080", "address to serve the republished feeds on")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	base, err := config.Load(*cfgPath)
	if err != nil {
		return fmt.Errorf("bad config (run 'syndic check --config %s'):\n%w", *cfgPath, err)
	}

	up, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen for the demo upstream: %w", err)
	}
	upstream := &http.Server{Handler: fixtureHandler(*fixtures), ReadHeaderTimeout: 5 * time.Second}
	go upstream.Serve(up)
	defer upstream.Close()
	upURL := "http://" + up.Addr().String()

	dir, err := os.MkdirTemp("", "syndic-demo-")
	if err != nil {
		return fmt.Errorf("make demo folder: %w", err)
	}
	defer os.RemoveAll(dir)

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer ln.Close()
	cfg, err := demoConfig(base, upURL, filepath.Join(dir, "demo.db"), ln.Addr().String(), *fixtures)
	if err != nil {
		return err
	}
	log := newLogger(stderr, slog.LevelError+1)
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer st.Close()

	fmt.Fprintf(stdout, "demo upstream %s serves %d fixture feeds; crawling them into %s\n", upURL, len(cfg.Sources), cfg.Database)
	crawler, err := newCrawler(cfg, st, log)
	if err != nil {
		return err
	}
	if err := crawlOnce(ctx, crawler, len(cfg.Sources), stdout, stderr); err != nil {
		fmt.Fprintln(stdout, "(some fixture sources failed; see above)")
	}

	fmt.Fprintf(stdout, "\nrepublished feeds (Ctrl-C to stop):\n  %s/\n", cfg.PublicBase())
	for _, s := range cfg.Sections {
		fmt.Fprintf(stdout, "  %s/feeds/%s.rss  .atom  .json\n", cfg.PublicBase(), s.ID)
	}
	o := newOps()
	pub := newPublisher(cfg, st, log, o.reg)
	eps, err := endpoints(cfg, ln, pub, o.routes(st, cfg, pub.ReadError), log)
	if err != nil {
		return err
	}
	return serve(ctx, newLogger(stderr, slog.LevelWarn), defaultLimits, eps...)
}

// demoConfig builds the demo's config: base's sections, and a source per
// fixture feed on the loopback upstream.
func demoConfig(base config.Config, upstream, db, listen, fixtures string) (config.Config, error) {
	cfg := config.Default()
	cfg.Database = db
	cfg.Listen = listen
	cfg.PublicURL = "http://" + listen
	cfg.Sections = base.Sections
	cfg.Fetch.HostSpacing = 0 // the demo upstream is ours: no need to spare it
	no := false
	for _, f := range demoFeeds {
		if _, err := os.Stat(filepath.Join(fixtures, f.file)); err != nil {
			return cfg, fmt.Errorf("demo fixtures: %w (run syndic demo from the repository root, or pass --fixtures)", err)
		}
		src := config.Source{
			ID:           strings.ToLower(strings.NewReplacer(".", "-", " ", "-").Replace(f.name)),
			Name:         f.name,
			Lang:         f.lang,
			Sections:     []config.SectionRef{{ID: "all"}},
			Timezone:     "Europe/Moscow",
			Republish:    "full",
			Kind:         config.KindFeed,
			FetchArticle: &no, // the articles live on the real internet
		}
		if real, ok := base.Source(f.source); ok {
			src.Sections, src.Attribution, src.Timezone = real.Sections, real.Attribution, real.Timezone
		}
		src.URL = upstream + "/" + strings.TrimSuffix(f.file, ".gz")
		src.Interval = config.Duration(10 * time.Minute)
		src.AllowPrivate = true // the demo upstream is on loopback
		cfg.Sources = append(cfg.Sources, src)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("demo config: %w", err)
	}
	return cfg, nil
}

// fixtureHandler serves the fixture feeds as a real upstream would: with
// ETag and Last-Modified (so a second crawl gets 304s), gzip when the file
// is gzipped, and a Content-Type without charset.
func fixtureHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Base(r.URL.Path)
		data, err := os.ReadFile(filepath.Join(dir, name))
		gz := false
		if err != nil {
			data, err = os.ReadFile(filepath.Join(dir, name+".gz"))
			gz = err == nil
		}
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if gz {
			if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
				data, _ = io.ReadAll(zr)
			}
		}
		sum := sha256.Sum256(data)
		w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
		w.Header().Set("Content-Type", "application/xml")
		http.ServeContent(w, r, name, time.Date(2024, 10, 4, 9, 1, 0, 0, time.UTC), bytes.NewReader(data))
	})
}
