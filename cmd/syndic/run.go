package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/store"
)

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
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
	log := newLogger(stderr, slog.LevelInfo)
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		if ctx.Err() != nil {
			return nil // told to stop while starting
		}
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	log.Info("syndic running", "addr", ln.Addr().String(), "feeds", cfg.PublicBase()+"/", "database", cfg.Database, "sources", len(cfg.Sources))

	o := newOps()
	var wg sync.WaitGroup
	var crawlErr error
	crawler, err := aggregator.New(cfg, meteredFetcher{newFetcher(cfg), o}, meteredStore{st, o}, log, time.Now)
	if err != nil {
		return err
	}
	if _, _, err := crawler.RerouteIfChanged(ctx); err != nil {
		return err
	}
	pub := newPublisher(cfg, st, log, o.reg)
	wg.Add(2)
	go func() {
		defer wg.Done()
		crawlErr = crawler.Run(ctx)
	}()
	go func() {
		defer wg.Done()
		pub.Run(ctx) // notices section changes for WebSub
	}()
	err = serve(ctx, ln, o.handler(withHealth(pub, st, cfg)), log)
	wg.Wait() // in-flight crawls finish their writes before the store closes
	if err != nil {
		return err
	}
	return crawlErr
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
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
	log := newLogger(stderr, slog.LevelInfo)
	st, err := store.Open(ctx, cfg.Database)
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
	log.Info("serving", "addr", ln.Addr().String(), "feeds", cfg.PublicBase()+"/", "database", cfg.Database)
	o := newOps()
	pub := newPublisher(cfg, st, log, o.reg)
	done := make(chan struct{})
	go func() {
		defer close(done)
		// The crawler may run in another process: poll for section
		// changes to ping the WebSub hub.
		pub.Run(ctx)
	}()
	err = serve(ctx, ln, o.handler(withHealth(pub, st, cfg)), log)
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
	st, err := store.Open(ctx, cfg.Database)
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
	return crawlOnce(ctx, crawler, len(cfg.Sources), stdout, stderr)
}

func runReroute(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("reroute", flag.ContinueOnError)
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
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer st.Close()
	crawler, err := newCrawler(cfg, st, newLogger(stderr, slog.LevelWarn))
	if err != nil {
		return err
	}
	n, err := crawler.Reroute(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d stored items moved sections\n", n)
	return nil
}

// crawlOnce runs one pass and prints a summary line per source (and a
// progress line on a terminal). It fails when any source failed.
func crawlOnce(ctx context.Context, c *aggregator.Crawler, n int, stdout, stderr io.Writer) error {
	progress := isTerminal(stderr)
	done, failed := 0, 0
	results := c.CrawlOnce(ctx, func(r aggregator.Result) {
		done++
		if progress {
			fmt.Fprintf(stderr, "\r\033[K[%d/%d] %s", done, n, r.Source)
		}
	})
	if progress {
		fmt.Fprint(stderr, "\r\033[K")
	}
	var sum aggregator.Result
	flagged := 0
	for _, r := range results {
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
	if failed > 0 {
		return exitError{1}
	}
	return nil
}
