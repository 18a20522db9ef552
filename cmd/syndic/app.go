package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/publisher"
	"github.com/syndic/syndic/store"
)

// newLogger writes text to a terminal and JSON lines otherwise.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if isTerminal(w) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// newFetcher is the client of every outbound request; hosts, when not nil,
// makes its requests take turns with other processes'.
func newFetcher(cfg config.Config, hosts fetch.HostGate) *fetch.Client {
	return fetch.New(fetch.Options{
		Hosts:         hosts,
		UserAgent:     cfg.UserAgent,
		Timeout:       cfg.Fetch.Timeout.D(),
		HeaderTimeout: cfg.Fetch.HeaderTimeout.D(),
		MaxBytes:      int64(cfg.Fetch.MaxBytes),
		MaxRedirects:  cfg.Fetch.MaxRedirects,
		HostSpacing:   cfg.Fetch.HostSpacing.D(),
		IgnoreRobots:  !cfg.Fetch.RobotsTxt,
	})
}

// newPublisher returns the publisher of cfg's sections and sources,
// registering its metrics on reg (nil: none).
func newPublisher(cfg config.Config, st *store.Store, log *slog.Logger, reg prometheus.Registerer) *publisher.Publisher {
	sources := make([]news.Source, len(cfg.Sources))
	for i, s := range cfg.Sources {
		sources[i] = s.News()
	}
	return publisher.New(st, publisher.Options{
		BaseURL:    cfg.PublicBase(),
		Sections:   cfg.NewsSections(),
		Sources:    sources,
		FeedLength: cfg.FeedLength,
		Logger:     log,
		Hub:        cfg.WebSubHub,
		Metrics:    reg,
		Search:     st,

		AttributionTemplate: cfg.Attribution.Template,
	})
}

// newCrawler is the crawler of cfg's sources.
func newCrawler(cfg config.Config, st *store.Store, log *slog.Logger) (*aggregator.Crawler, error) {
	return aggregator.New(cfg, newFetcher(cfg, hostGate(st)), st, log, time.Now)
}

// hostGate makes requests take turns host by host with the other crawlers
// of a shared (PostgreSQL) database; nil for a SQLite one.
func hostGate(st *store.Store) fetch.HostGate {
	if st.Shared() {
		return st
	}
	return nil
}

// serve runs h on ln until ctx is cancelled, then shuts down gracefully.
func serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down server: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
