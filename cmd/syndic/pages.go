package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/syndic/syndic/aggregator"
)

// pageQueues exports the crawler's article page queues to /metrics.
type pageQueues struct {
	c      *aggregator.Crawler
	length *prometheus.Desc
}

func newPageQueues(c *aggregator.Crawler) pageQueues {
	return pageQueues{c: c, length: prometheus.NewDesc("syndic_page_queue_length",
		"Article pages waiting to be fetched, by host.", []string{"host"}, nil)}
}

func (p pageQueues) Describe(ch chan<- *prometheus.Desc) { ch <- p.length }

func (p pageQueues) Collect(ch chan<- prometheus.Metric) {
	for _, h := range p.c.Pages() {
		ch <- prometheus.MustNewConstMetric(p.length, prometheus.GaugeValue, float64(h.Queued), h.Host)
	}
}

// pageProgress is the article page part of crawl --once's progress line:
// for the hosts with the most pages left, pages read (fetched or failed) of
// those asked for; "" when no page is waiting.
func pageProgress(hosts []aggregator.HostPages) string {
	var busy []aggregator.HostPages
	for _, h := range hosts {
		if h.Queued+h.InFlight > 0 {
			busy = append(busy, h)
		}
	}
	if len(busy) == 0 {
		return ""
	}
	sort.SliceStable(busy, func(i, k int) bool { return busy[i].Queued > busy[k].Queued })
	const shown = 3
	var parts []string
	for i, h := range busy {
		if i == shown {
			parts = append(parts, fmt.Sprintf("+%d hosts", len(busy)-shown))
			break
		}
		read := h.Fetched + h.Failed
		parts = append(parts, fmt.Sprintf("%s %d/%d", h.Host, read, read+h.InFlight+h.Queued))
	}
	return "pages " + strings.Join(parts, ", ")
}
