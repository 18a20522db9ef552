package main

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
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

func (m meteredStore) SaveItems(ctx context.Context, items []news.Item) (store.SaveResult, error) {
	res, err := m.Store.SaveItems(ctx, items)
	if err == nil {
		m.o.stored.WithLabelValues("new").Add(float64(res.New))
		m.o.stored.WithLabelValues("updated").Add(float64(res.Updated))
		m.o.stored.WithLabelValues("unchanged").Add(float64(res.Unchanged))
	}
	return res, err
}

// handler serves /metrics and gives h every other path.
func (o *ops) handler(h http.Handler) http.Handler {
	metrics := promhttp.HandlerFor(o.reg, promhttp.HandlerOpts{})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/metrics" {
			metrics.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}
