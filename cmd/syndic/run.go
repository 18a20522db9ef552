package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
)

// Roles of a `syndic run` process.
const (
	roleAll   = "all"   // crawl and serve
	roleCrawl = "crawl" // crawl only; several may share a PostgreSQL database
	roleServe = "serve" // serve the feeds only
)

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	role := fs.String("role", roleAll, "what this process does: crawl, serve or all (several crawl processes need a postgres:// database)")
	listen := fs.String("listen", "", "address to serve on (overrides the config's listen; with --role crawl: /healthz and /metrics only, and only when given)")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	switch *role {
	case roleAll, roleCrawl, roleServe:
	default:
		fmt.Fprintf(stderr, "syndic run: --role %q: want crawl, serve or all\n", *role)
		return exitError{2}
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	if *listen != "" {
		cfg.Listen = *listen
	}
	log := newLogger(stderr, slog.LevelInfo).With("role", *role)
	st, err := openStore(ctx, cfg)
	if err != nil {
		if ctx.Err() != nil {
			return nil // told to stop while starting
		}
		return err
	}
	defer st.Close()
	var ln net.Listener
	if *role != roleCrawl || *listen != "" {
		if ln, err = net.Listen("tcp", cfg.Listen); err != nil {
			return fmt.Errorf("listen: %w", err)
		}
	}
	o := newOps()
	crawler, err := aggregator.New(cfg, meteredFetcher{newFetcher(cfg, hostGate(st)), o}, meteredStore{st, o}, log, time.Now)
	if err != nil {
		return err
	}
	o.reg.MustRegister(newPageQueues(crawler))
	if _, _, err := crawler.RerouteIfChanged(ctx); err != nil {
		return err
	}
	if _, err := crawler.FileSpeakers(ctx); err != nil {
		return err
	}
	attrs := []any{"database", store.Redact(cfg.Database), "sources", len(cfg.Sources)}
	if ln != nil {
		attrs = append(attrs, "addr", ln.Addr().String())
	}
	if ln != nil && *role != roleCrawl {
		attrs = append(attrs, "feeds", cfg.PublicBase()+"/")
	}
	log.Info("syndic running", attrs...)

	var wg sync.WaitGroup
	var crawlErr error
	if *role != roleServe {
		sched, err := newSchedule(ctx, cfg, st, crawler, log)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			crawlErr = crawler.RunSchedule(ctx, sched)
		}()
	}
	if ln != nil {
		var site http.Handler
		var feedReads func() error
		if *role != roleCrawl {
			pub := newPublisher(cfg, st, log, o.reg)
			wg.Add(1)
			go func() {
				defer wg.Done()
				pub.Run(ctx) // notices section changes for WebSub
			}()
			site, feedReads = pub, pub.ReadError
		}
		var eps []endpoint
		if eps, err = endpoints(cfg, ln, site, o.routes(st, cfg, feedReads), log); err == nil {
			err = serve(ctx, log, defaultLimits, eps...)
		}
	} else {
		<-ctx.Done()
	}
	wg.Wait() // in-flight crawls finish their writes before the store closes
	if err != nil {
		return err
	}
	return crawlErr
}

// newSchedule is the crawl schedule of this process: leases shared with
// the other crawlers of a shared (PostgreSQL) database, else the schedule
// of a process that has the database to itself.
func newSchedule(ctx context.Context, cfg config.Config, st *store.Store, c *aggregator.Crawler, log *slog.Logger) (aggregator.Schedule, error) {
	if !st.Shared() {
		return c.LocalSchedule(ctx)
	}
	l, err := aggregator.NewLeases(ctx, st, cfg, crawlerName(), cfg.Fetch.Lease.D(), log)
	if err != nil {
		return nil, err
	}
	log.Info("sharing the crawl through the database", "crawler", l.Owner(), "lease", cfg.Fetch.Lease.D().String())
	return l, nil
}

// crawlerName names this process among the crawlers sharing a database:
// host name, process ID and a random suffix (process IDs repeat).
func crawlerName() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	var b [3]byte
	rand.Read(b[:])
	return fmt.Sprintf("%s/%d/%x", host, os.Getpid(), b)
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	listen := fs.String("listen", "", "address to serve on (overrides the config's listen)")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	if *listen != "" {
		cfg.Listen = *listen
	}
	log := newLogger(stderr, slog.LevelInfo)
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	crawler, err := newCrawler(cfg, st, log)
	if err != nil {
		return err
	}
	if _, _, err := crawler.RerouteIfChanged(ctx); err != nil {
		return err
	}
	if _, err := crawler.FileSpeakers(ctx); err != nil {
		return err
	}
	log.Info("serving", "addr", ln.Addr().String(), "feeds", cfg.PublicBase()+"/", "database", store.Redact(cfg.Database))
	o := newOps()
	pub := newPublisher(cfg, st, log, o.reg)
	done := make(chan struct{})
	go func() {
		defer close(done)
		// The crawler may run in another process: poll for section
		// changes to ping the WebSub hub.
		pub.Run(ctx)
	}()
	eps, err := endpoints(cfg, ln, pub, o.routes(st, cfg, pub.ReadError), log)
	if err == nil {
		err = serve(ctx, log, defaultLimits, eps...)
	}
	<-done
	return err
}

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("crawl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	once := fs.Bool("once", false, "one pass over all sources, then exit (the only mode for now)")
	verbose := fs.Bool("v", false, "log every step")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if !*once {
		fmt.Fprintln(stderr, "syndic crawl: only --once is supported; 'syndic run' crawls on a schedule")
		return exitError{2}
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	level := slog.LevelError + 1 // the summary lines say it all
	if *verbose {
		level = slog.LevelDebug
	}
	log := newLogger(stderr, level)
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	crawler, err := newCrawler(cfg, st, log)
	if err != nil {
		return err
	}
	if n, did, err := crawler.RerouteIfChanged(ctx); err != nil {
		return err
	} else if did && n > 0 {
		fmt.Fprintf(stdout, "routing rules changed: %d stored items moved sections\n", n)
	}
	if _, err := crawler.FileSpeakers(ctx); err != nil {
		return err
	}
	return crawlOnce(ctx, crawler, len(cfg.Sources), stdout, stderr)
}

func runReroute(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return withCrawler(ctx, "reroute", args, stderr, func(crawler *aggregator.Crawler) error {
		n, err := crawler.Reroute(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d stored items moved sections\n", n)
		return nil
	})
}

// withCrawler is a maintenance command that takes only the config flags:
// it loads the config, opens the store and runs do with a crawler on it
// (warnings logged to stderr), then closes the store.
func withCrawler(ctx context.Context, name string, args []string, stderr io.Writer, do func(*aggregator.Crawler) error) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	crawler, err := newCrawler(cfg, st, newLogger(stderr, slog.LevelWarn))
	if err != nil {
		return err
	}
	return do(crawler)
}

// crawlOnce runs one pass and prints a summary line per source (and, on a
// terminal, a progress line with each busy host's article pages). It fails when any source failed;
// when the database was unreachable it says so once, not once per source.
func crawlOnce(ctx context.Context, c *aggregator.Crawler, n int, stdout, stderr io.Writer) error {
	progress := isTerminal(stderr)
	var mu sync.Mutex
	done, failed := 0, 0
	last := ""
	line := func() { // with mu held
		s := fmt.Sprintf("[%d/%d] %s", done, n, last)
		if p := pageProgress(c.Pages()); p != "" {
			s += " · " + p
		}
		fmt.Fprintf(stderr, "\r\033[K%s", s)
	}
	stop := make(chan struct{})
	ticked := make(chan struct{})
	go func() {
		defer close(ticked)
		if !progress {
			return
		}
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				mu.Lock()
				line()
				mu.Unlock()
			}
		}
	}()
	results := c.CrawlOnce(ctx, func(r aggregator.Result) {
		mu.Lock()
		defer mu.Unlock()
		done++
		last = r.Source
		if progress {
			line()
		}
	})
	close(stop)
	<-ticked
	if progress {
		fmt.Fprint(stderr, "\r\033[K")
	}
	var sum aggregator.Result
	flagged, unstored := 0, 0
	var dbErr error
	for _, r := range results {
		if errors.Is(r.Err, aggregator.ErrDatabase) {
			// Said once below, not once per source.
			unstored++
			dbErr = r.Err
			continue
		}
		fmt.Fprintln(stdout, r)
		if r.Err != nil {
			failed++
		}
		if r.Flagged {
			flagged++
		}
		sum.New += r.New
		sum.Updated += r.Updated
		sum.Unchanged += r.Unchanged
	}
	fmt.Fprintf(stdout, "%d sources: new %d, updated %d, unchanged %d, %d failed",
		len(results), sum.New, sum.Updated, sum.Unchanged, failed)
	if flagged > 0 {
		fmt.Fprintf(stdout, " (%d flagged: failing repeatedly)", flagged)
	}
	fmt.Fprintln(stdout)
	if dbErr != nil {
		return fmt.Errorf("%d sources not crawled or not stored (no failure recorded; the next crawl takes them again): %w", unstored, dbErr)
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}
