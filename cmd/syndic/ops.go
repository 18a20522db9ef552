package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
)

// ops holds the process's metrics: the crawler's, counted by wrapping its
// fetcher and store, and the publisher's, registered by the publisher.
type ops struct {
	reg      *prometheus.Registry
	fetches  *prometheus.CounterVec
	fetchDur prometheus.Histogram
	stored   *prometheus.CounterVec
}

func newOps() *ops {
	o := &ops{
		reg: prometheus.NewRegistry(),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "syndic_fetches_total",
			Help: "Upstream requests (feeds, listing and article pages), by result: ok, not_modified (304), http_error, error or canceled.",
		}, []string{"result"}),
		fetchDur: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "syndic_fetch_duration_seconds",
			Help:    "Time of one upstream request, body read and converted.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}),
		stored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "syndic_items_stored_total",
			Help: "Items the crawler saved, by status: new, updated or unchanged.",
		}, []string{"status"}),
	}
	for _, r := range []string{"ok", "not_modified", "http_error", "error", "canceled"} {
		o.fetches.WithLabelValues(r)
	}
	for _, s := range []string{"new", "updated", "unchanged"} {
		o.stored.WithLabelValues(s)
	}
	o.reg.MustRegister(o.fetches, o.fetchDur, o.stored,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return o
}

// meteredFetcher counts the fetcher's requests by result and times them.
type meteredFetcher struct {
	f aggregator.Fetcher
	o *ops
}

func (m meteredFetcher) Get(ctx context.Context, req fetch.Request) (*fetch.Response, error) {
	start := time.Now()
	resp, err := m.f.Get(ctx, req)
	m.o.fetchDur.Observe(time.Since(start).Seconds())
	var se *fetch.StatusError
	result := "ok"
	switch {
	case err != nil && errors.As(err, &se):
		result = "http_error"
	case err != nil && ctx.Err() != nil:
		result = "canceled"
	case err != nil:
		result = "error"
	case resp.NotModified:
		result = "not_modified"
	}
	m.o.fetches.WithLabelValues(result).Inc()
	return resp, err
}

// meteredStore counts the items the crawler saves.
type meteredStore struct {
	aggregator.Store
	o *ops
}

func (m meteredStore) SaveDocumentItems(ctx context.Context, doc, items []news.Item) (news.SaveResult, error) {
	res, err := m.Store.SaveDocumentItems(ctx, doc, items)
	if err == nil {
		m.o.stored.WithLabelValues("new").Add(float64(res.New))
		m.o.stored.WithLabelValues("updated").Add(float64(res.Updated))
		m.o.stored.WithLabelValues("unchanged").Add(float64(res.Unchanged))
	}
	return res, err
}

// routes serves /healthz (from st, and feedReads when the process serves
// feeds) and /metrics, to GET and HEAD only; any other path is not found.
func (o *ops) routes(st sourceStates, cfg config.Config, feedReads func() error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", healthHandler(st, cfg, feedReads))
	mux.Handle("GET /metrics", promhttp.HandlerFor(o.reg, promhttp.HandlerOpts{}))
	return mux
}

// endpoints are where a process serves: site (the feeds; nil for a
// crawl-only process) on ln, and the ops routes on cfg.OpsListen when set,
// else beside the site when ln is a loopback address, else not at all (a
// public listener never shows source errors and metrics by default). A
// crawl-only process serves the ops routes alone on ln.
func endpoints(cfg config.Config, ln net.Listener, site, opsRoutes http.Handler, log *slog.Logger) ([]endpoint, error) {
	if site == nil {
		return []endpoint{{ln, opsRoutes}}, nil
	}
	if cfg.OpsListen != "" && cfg.OpsListen != cfg.Listen {
		oln, err := net.Listen("tcp", cfg.OpsListen)
		if err != nil {
			return nil, fmt.Errorf("listen (ops_listen): %w", err)
		}
		return []endpoint{{ln, site}, {oln, opsRoutes}}, nil
	}
	if cfg.OpsListen == "" && !isLoopback(ln.Addr()) {
		log.Warn("/healthz and /metrics are not served on a public address; set ops_listen to serve them", "addr", ln.Addr().String())
		return []endpoint{{ln, site}}, nil
	}
	return []endpoint{{ln, withOps(site, opsRoutes)}}, nil
}

// withOps serves the ops routes beside site.
func withOps(site, opsRoutes http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", site)
	mux.Handle("/healthz", opsRoutes)
	mux.Handle("/metrics", opsRoutes)
	return mux
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
