package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/syndic/syndic/aggregator/quote"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
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
	return publisher.New(st, publisher.Options{
		BaseURL:    cfg.PublicBase(),
		Sections:   cfg.NewsSections(),
		Sources:    cfg.NewsSources(),
		FeedLength: cfg.FeedLength,
		Logger:     log,
		Hub:        cfg.WebSubHub,
		HubPoster:  hubPoster{newFetcher(cfg, nil)},
		Metrics:    reg,
		Search:     st,

		AttributionTemplate: cfg.Attribution.Template,
	})
}

// hubPoster sends WebSub pings through the guarded client: the hub is the
// operator's own choice, so it may be a private address (never a cloud
// metadata one).
type hubPoster struct{ c *fetch.Client }

func (h hubPoster) PostForm(ctx context.Context, target string, form url.Values) error {
	return h.c.PostForm(ctx, target, form, true)
}

// newCrawler is the crawler of cfg's sources.
// openStore opens the config's database with its speaker rules.
func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return nil, err
	}
	st.SetSpeakerRules(store.SpeakerRules{Merge: cfg.Speakers.Merge, Separate: cfg.Speakers.Separate})
	st.SetNameReader(quote.Nominatives)
	return st, nil
}

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

// serverLimits bound what one client may hold of a server: a connection
// that sends its request too slowly, does not read its answer, or idles
// between requests is closed, and request headers are capped. A feed page
// is at most a few hundred KB, so a minute to read it is generous.
type serverLimits struct {
	readHeader, read, write, idle time.Duration
	maxHeaderBytes                int
}

var defaultLimits = serverLimits{
	readHeader:     10 * time.Second,
	read:           30 * time.Second,
	write:          60 * time.Second,
	idle:           60 * time.Second,
	maxHeaderBytes: 32 << 10,
}

// endpoint is a listener and the handler it serves.
type endpoint struct {
	ln net.Listener
	h  http.Handler
}

// serve runs every endpoint until ctx is cancelled or one fails, then
// shuts them all down gracefully.
func serve(ctx context.Context, log *slog.Logger, lim serverLimits, eps ...endpoint) error {
	errc := make(chan error, len(eps))
	var servers []*http.Server
	for _, ep := range eps {
		srv := &http.Server{
			Handler:           ep.h,
			ReadHeaderTimeout: lim.readHeader,
			ReadTimeout:       lim.read,
			WriteTimeout:      lim.write,
			IdleTimeout:       lim.idle,
			MaxHeaderBytes:    lim.maxHeaderBytes,
			ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		}
		servers = append(servers, srv)
		go func() { errc <- srv.Serve(ep.ln) }()
	}
	var first error
	select {
	case first = <-errc:
		first = fmt.Errorf("serve: %w", first)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	for _, srv := range servers {
		if err := srv.Shutdown(sctx); err != nil && first == nil {
			first = fmt.Errorf("shut down server: %w", err)
		}
	}
	if first != nil {
		return first
	}
	for range servers {
		if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
	}
	return nil
}
