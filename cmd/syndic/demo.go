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
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/syndic/syndic"
	"github.com/syndic/syndic/config"
)

// demoFeeds are the fixture feeds the demo upstream serves: file name (in
// testdata/feeds, built into the binary), the feeds.yaml source whose name
// and sections it borrows (if any), the name to credit otherwise, and its
// language. They are served without a charset, so that the crawler must
// read it from the document.
var demoFeeds = []struct {
	file, source, name, lang string
}{
	{"lenta_rss_2022-12-03.xml", "lenta", "Lenta.ru", "ru"},
	{"node-feedparser_oren_ru_windows-1251_yandex.xml", "", "Oren.ru", "ru"},
	{"miniflux_ibash_windows-1251.xml", "", "ibash.org.ru", "ru"},
	{"feedparser_koi8r_nodecl.xml", "", "KOI8-R sample", "ru"},
	{"feeder_suspilne_ukrnet_fulltext.xml", "", "Suspilne", "uk"},
	{"milkleaks_turbo_undeclared_ns.xml.gz", "", "Milkleaks", "ru"},
	{"podfetch_wdr_1live_audio.xml", "", "WDR 1LIVE", "de"},
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("demo", flag.ContinueOnError)
	flags.SetOutput(stderr)
	cfgPath := flags.String("config", "", "config whose sections (and matching sources) the demo borrows (default: the built-in feeds.yaml)")
	fixtures := flags.String("fixtures", "", "folder of the fixture feeds (default: the built-in ones)")
	listen := flags.String("listen", "127.0.0.1:8080", "address to serve the republished feeds on")
	if err := flags.Parse(args); err != nil {
		return exitError{2}
	}
	base, err := builtinConfig()
	if *cfgPath != "" {
		cf := configFlags{path: *cfgPath}
		base, err = cf.load()
	}
	if err != nil {
		return err
	}
	feeds := syndic.Feeds()
	if *fixtures != "" {
		feeds = os.DirFS(*fixtures)
	}

	up, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen for the demo upstream: %w", err)
	}
	upstream := &http.Server{Handler: fixtureHandler(feeds), ReadHeaderTimeout: 5 * time.Second}
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
	cfg, err := demoConfig(base, upURL, filepath.Join(dir, "demo.db"), ln.Addr().String(), feeds)
	if err != nil {
		return err
	}
	log := newLogger(stderr, slog.LevelError+1)
	st, err := openStore(ctx, cfg)
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
func demoConfig(base config.Config, upstream, db, listen string, feeds fs.FS) (config.Config, error) {
	cfg := config.Default()
	cfg.Database = db
	cfg.Listen = listen
	cfg.PublicURL = "http://" + listen
	cfg.Sections = base.Sections
	cfg.Fetch.HostSpacing = 0 // the demo upstream is ours: no need to spare it
	no := false
	for _, f := range demoFeeds {
		if _, err := fs.Stat(feeds, f.file); err != nil {
			return cfg, fmt.Errorf("demo fixtures: %w", err)
		}
		src := config.Source{
			ID:           demoSourceID(f.name),
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

// demoSourceID is the id of the demo source crediting name ("Lenta.ru" is lenta-ru).
func demoSourceID(name string) string {
	return strings.ToLower(strings.NewReplacer(".", "-", " ", "-").Replace(name))
}

// fixtureHandler serves the fixture feeds as a real upstream would: with
// ETag and Last-Modified (so a second crawl gets 304s), gzip when the file
// is gzipped, and a Content-Type without charset.
func fixtureHandler(feeds fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		data, err := fs.ReadFile(feeds, name)
		gz := false
		if err != nil {
			data, err = fs.ReadFile(feeds, name+".gz")
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
