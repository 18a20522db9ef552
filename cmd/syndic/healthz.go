package main

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
)

// sourceStates is the one store method /healthz reads.
type sourceStates interface {
	SourceStates(ctx context.Context) ([]news.SourceState, error)
}

// health is the body of /healthz.
type health struct {
	// Status is "ok", or "degraded" when a source is flagged (failing
	// fetch.flag_after times in a row or more).
	Status  string         `json:"status"`
	Flagged []string       `json:"flagged"`
	Sources []sourceHealth `json:"sources"`
}

type sourceHealth struct {
	ID          string     `json:"id"`
	Flagged     bool       `json:"flagged"`
	Failures    int        `json:"failures"`
	LastError   string     `json:"last_error,omitempty"`
	LastFetch   *time.Time `json:"last_fetch,omitempty"`
	LastSuccess *time.Time `json:"last_success,omitempty"`
	NextFetch   *time.Time `json:"next_fetch,omitempty"`
}

// healthHandler serves /healthz from the crawler's source states. It
// answers 200 while the store can be read (a failing upstream is not syndic
// being unwell, so it shows as "degraded" with the sources named), and 503
// with {"status":"error","error":"database unreachable"} when the store
// cannot be read, or the last feed read failed (feedReads, nil in a process
// that serves no feeds).
func healthHandler(st sourceStates, cfg config.Config, feedReads func() error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		states, err := st.SourceStates(r.Context())
		if err == nil && feedReads != nil {
			err = feedReads()
		}
		if err != nil {
			// The feeds go on from the documents last read (see
			// publisher.ServeHTTP); the error itself may name hosts.
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(map[string]string{"status": "error", "error": "database unreachable"})
			return
		}
		byID := make(map[string]news.SourceState, len(states))
		for _, s := range states {
			byID[s.SourceID] = s
		}
		out := health{Status: "ok", Flagged: []string{}, Sources: make([]sourceHealth, 0, len(cfg.Sources))}
		for _, src := range cfg.Sources {
			s := byID[src.ID]
			sh := sourceHealth{ID: src.ID, Failures: s.Failures, LastError: s.LastError,
				LastFetch: timePtr(s.LastFetch), LastSuccess: timePtr(s.LastSuccess), NextFetch: timePtr(s.NextFetch)}
			if s.Failures >= cfg.Fetch.FlagAfter {
				sh.Flagged = true
				out.Status = "degraded"
				out.Flagged = append(out.Flagged, src.ID)
			}
			out.Sources = append(out.Sources, sh)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	})
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}
