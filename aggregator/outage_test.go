package aggregator_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// outageStore is a store whose database can be cut: while down, every call
// fails as a refused connection does.
type outageStore struct {
	*store.Store
	down      atomic.Bool
	downPings atomic.Int32 // pings refused
	firstSave chan time.Time
	saveOnce  sync.Once
}

var refused = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}

func (s *outageStore) err() error {
	if s.down.Load() {
		return refused
	}
	return nil
}

func (s *outageStore) Ping(ctx context.Context) error {
	if err := s.err(); err != nil {
		s.downPings.Add(1)
		return err
	}
	return s.Store.Ping(ctx)
}

func (s *outageStore) SaveDocumentItems(ctx context.Context, doc, items []news.Item) (news.SaveResult, error) {
	if err := s.err(); err != nil {
		return news.SaveResult{}, err
	}
	res, err := s.Store.SaveDocumentItems(ctx, doc, items)
	if err == nil {
		s.saveOnce.Do(func() { s.firstSave <- time.Now() })
	}
	return res, err
}

func (s *outageStore) SourceState(ctx context.Context, id string) (news.SourceState, error) {
	if err := s.err(); err != nil {
		return news.SourceState{}, err
	}
	return s.Store.SourceState(ctx, id)
}

func (s *outageStore) SaveSourceStates(ctx context.Context, states ...news.SourceState) error {
	if err := s.err(); err != nil {
		return err
	}
	return s.Store.SaveSourceStates(ctx, states...)
}

func (s *outageStore) StoredItems(ctx context.Context, src string, items []news.Item) ([]news.Item, []bool, error) {
	if err := s.err(); err != nil {
		return nil, nil, err
	}
	return s.Store.StoredItems(ctx, src, items)
}

// A database outage during a crawl blames no source and costs seconds:
// the database goes down just after the first feed is fetched (so that
// crawl's save fails, and every crawl after it); once the crawl loop has
// found it down, it comes back. Every source is then stored within the
// scenario's deadline, each item once, with no failure counted or backoff
// given to any source; the source fetched during the outage is fetched
// again; the log says "database unreachable" once, and no source's crawl
// failed.
func TestDatabaseOutageBlamesNoSource(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls 40 feeds through an outage")
	}
	full := fixture(t, "feeds/feeder_suspilne_ukrnet_fulltext.xml")
	const n = 40
	var fetches sync.Map // path → *atomic.Int32
	ost := &outageStore{firstSave: make(chan time.Time, 1)}
	var hosts []*httptest.Server
	for range 4 {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, _ := fetches.LoadOrStore(r.URL.Path, new(atomic.Int32))
			c.(*atomic.Int32).Add(1)
			if r.URL.Path == "/feed/0" && c.(*atomic.Int32).Load() == 1 {
				ost.down.Store(true) // the database dies as the first feed comes in
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, full)
		}))
		t.Cleanup(srv.Close)
		hosts = append(hosts, srv)
	}
	var b strings.Builder
	b.WriteString("sections: [{id: all}]\nsources:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: s%d, url: %q, sections: [all], allow_private: true, max_items: 3, interval: 1h}\n", i, hosts[i%4].URL+fmt.Sprintf("/feed/%d", i))
	}
	cfg, err := config.Parse("t.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	st := tempStore(t)
	ost.Store = st
	var logs lockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	c, err := aggregator.New(cfg, fetch.New(fetch.Options{Timeout: 10 * time.Second}), ost, log, nil)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()

	deadline := time.After(60 * time.Second) // the scenario's, not a measure
	for ost.downPings.Load() < 2 {           // the loop has looked twice and found it down
		select {
		case <-deadline:
			t.Fatalf("the database never went down or was never looked at: %d pings", ost.downPings.Load())
		case <-time.After(10 * time.Millisecond):
		}
	}
	back := time.Now()
	ost.down.Store(false)
	select {
	case first := <-ost.firstSave:
		t.Logf("first save %s after the database came back", first.Sub(back).Round(time.Millisecond))
	case <-deadline:
		t.Fatal("nothing saved after the database came back")
	}
	for {
		stored := 0
		for i := range n {
			s, err := st.SourceState(ctx, fmt.Sprintf("s%d", i))
			if err != nil {
				t.Fatal(err)
			}
			if !s.LastSuccess.IsZero() {
				stored++
			}
		}
		if stored == n {
			t.Logf("all %d sources stored %s after the database came back", n, time.Since(back).Round(time.Millisecond))
			break
		}
		select {
		case <-deadline:
			t.Fatalf("%d of %d sources stored", stored, n)
		case <-time.After(50 * time.Millisecond):
		}
	}
	for i := range n {
		s, _ := st.SourceState(ctx, fmt.Sprintf("s%d", i))
		if s.Failures != 0 || s.LastError != "" || s.NextFetch.Before(s.LastSuccess.Add(30*time.Minute)) {
			t.Errorf("s%d blamed: failures %d, error %q, next %s after its success", i, s.Failures, s.LastError, s.NextFetch.Sub(s.LastSuccess))
		}
	}
	if got, _ := st.CountItems(ctx); got != 3*n {
		t.Errorf("%d items stored, want %d (3 a source, each once)", got, 3*n)
	}
	if c, _ := fetches.Load("/feed/0"); c.(*atomic.Int32).Load() < 2 {
		t.Errorf("the feed fetched as the database died was not fetched again")
	}
	out := logs.String()
	if got := strings.Count(out, `msg="database unreachable`); got != 1 {
		t.Errorf("log says database unreachable %d times, want once:\n%s", got, out)
	}
	if strings.Contains(out, "crawl failed") || strings.Contains(out, "flagged") {
		t.Errorf("a source is blamed in the log:\n%s", out)
	}
	if !strings.Contains(out, "database answers again") {
		t.Errorf("the log does not say the database came back:\n%s", out)
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
