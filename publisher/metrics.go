package publisher

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the publisher's Prometheus metrics. Counters on the serving
// path are resolved once, so counting a response is one atomic add.
type metrics struct {
	ok, notModified prometheus.Counter
	render          *prometheus.HistogramVec
	renderKind      [kindOPML + 1]prometheus.Observer
	pings           *prometheus.CounterVec
	staleServed     prometheus.Counter
}

func newMetrics(reg prometheus.Registerer, p *Publisher) *metrics {
	responses := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "syndic_publisher_responses_total",
		Help: "Documents served (feeds, index, OPML), by status: 200 or 304 (not modified).",
	}, []string{"code"})
	m := &metrics{
		ok:          responses.WithLabelValues("200"),
		notModified: responses.WithLabelValues("304"),
		render: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "syndic_publisher_render_duration_seconds",
			Help:    "Time to read and render a document and compress it, by kind: section, source, index or opml.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"kind"}),
		pings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "syndic_websub_pings_total",
			Help: "WebSub publish pings sent to the hub, by result: ok or error.",
		}, []string{"result"}),
	}
	for k, name := range map[docKind]string{kindSection: "section", kindSource: "source", kindIndex: "index", kindOPML: "opml"} {
		m.renderKind[k] = m.render.WithLabelValues(name)
	}
	m.staleServed = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "syndic_publisher_stale_served_total",
		Help: "Documents served as last read because the database could not be read (stale-if-error).",
	})
	m.pings.WithLabelValues("ok")
	m.pings.WithLabelValues("error")
	withheld := prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "syndic_items_withheld_total",
		Help: "Distinct items withheld from the feeds for lack of an absolute http(s) original link.",
	}, func() float64 { return float64(p.Withheld()) })
	if reg != nil {
		reg.MustRegister(responses, m.render, m.pings, m.staleServed, withheld)
	}
	return m
}

func (m *metrics) observeRender(k docKind, d time.Duration) {
	if int(k) < len(m.renderKind) && m.renderKind[k] != nil {
		m.renderKind[k].Observe(d.Seconds())
	}
}
