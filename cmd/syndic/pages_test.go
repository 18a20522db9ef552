package main

import (
	"testing"

	"github.com/syndic/syndic/aggregator"
)

func TestPageProgress(t *testing.T) {
	tests := []struct {
		hosts []aggregator.HostPages
		want  string
	}{
		{nil, ""},
		{[]aggregator.HostPages{{Host: "lenta.ru", Fetched: 9, Failed: 1}}, ""},
		{[]aggregator.HostPages{
			{Host: "a.test", Fetched: 3, Queued: 1},
			{Host: "idle.test", Fetched: 5},
			{Host: "lenta.ru", Fetched: 10, Failed: 2, InFlight: 1, Queued: 37},
		}, "pages lenta.ru 12/50, a.test 3/4"},
		{[]aggregator.HostPages{
			{Host: "a.test", Queued: 1}, {Host: "b.test", Queued: 2}, {Host: "c.test", Queued: 3},
			{Host: "d.test", Queued: 4}, {Host: "e.test", InFlight: 1},
		}, "pages d.test 0/4, c.test 0/3, b.test 0/2, +2 hosts"},
	}
	for _, tt := range tests {
		if got := pageProgress(tt.hosts); got != tt.want {
			t.Errorf("pageProgress(%+v) = %q, want %q", tt.hosts, got, tt.want)
		}
	}
}
