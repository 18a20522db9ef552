package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store/storetest"
)

func TestLeasesNeedPostgres(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	if s.Shared() {
		t.Fatal("a SQLite store says it is shared")
	}
	if _, err := s.ClaimSources(ctx, "a", "set", time.Now(), 1, time.Minute); !errors.Is(err, ErrNotShared) {
		t.Errorf("ClaimSources on SQLite: %v", err)
	}
	if _, _, err := s.HostTurn(ctx, "example.org:443"); !errors.Is(err, ErrNotShared) {
		t.Errorf("HostTurn on SQLite: %v", err)
	}
}

func TestSourceLeases(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, storetest.Postgres(t))
	if !s.Shared() {
		t.Fatal("a PostgreSQL store says it is not shared")
	}
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	// c was crawled before: it is due when its state says.
	if err := s.SaveSourceStates(ctx, news.SourceState{SourceID: "c", NextFetch: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RegisterSources(ctx, []string{"a", "b", "c", "d", "x"}); err != nil {
		t.Fatal(err)
	}
	// Again, in another order, with one more and without x: another set.
	set, err := s.RegisterSources(ctx, []string{"e", "d", "c", "b", "a"})
	if err != nil {
		t.Fatal(err)
	}
	if again, err := s.RegisterSources(ctx, []string{"a", "b", "c", "d", "e", "a"}); err != nil || again != set {
		t.Fatalf("the same sources make set %q, then %q (%v)", set, again, err)
	}
	claim := func(owner string, n int, ttl time.Duration) []string {
		t.Helper()
		got, err := s.ClaimSources(ctx, owner, set, now, n, ttl)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := claim("one", 2, 2*time.Hour); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("first claim = %v", got)
	}
	if got := claim("two", 10, 2*time.Hour); !slices.Equal(got, []string{"d", "e"}) {
		t.Fatalf("second claim = %v (c is not due, a and b are held)", got)
	}
	if got := claim("three", 10, time.Minute); len(got) != 0 {
		t.Fatalf("third claim = %v, want nothing", got)
	}
	next, err := s.NextDue(ctx, "three", set, now)
	if err != nil || !next.Equal(now.Add(time.Hour)) {
		t.Errorf("NextDue = %v, %v; want c's due time (the others are held for longer)", next, err)
	}
	ab, err := s.RegisterSources(ctx, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if next, err := s.NextDue(ctx, "three", ab, now); err != nil || next.Sub(now) < 119*time.Minute || next.Sub(now) > 2*time.Hour {
		t.Errorf("NextDue of held sources = %v, %v; want when their leases lapse", next, err)
	}
	if next, err := s.NextDue(ctx, "one", ab, now); err != nil || !next.IsZero() {
		t.Errorf("NextDue of one's own sources for one = %v, %v; want none", next, err)
	}
	if err := s.ReleaseSource(ctx, "one", "a", now.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if next, err := s.NextDue(ctx, "three", set, now); err != nil || !next.Equal(now.Add(10*time.Minute)) {
		t.Errorf("NextDue after release = %v, %v", next, err)
	}
	if err := s.ReleaseSource(ctx, "two", "b", now); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("release by a crawler that does not hold it: %v", err)
	}
	if kept, err := s.RenewLeases(ctx, "two", []string{"b", "d", "e"}, time.Minute); err != nil || !slices.Equal(kept, []string{"d", "e"}) {
		t.Errorf("RenewLeases = %v, %v", kept, err)
	}

	// A lease that is not renewed lapses, and another crawler takes the
	// source over.
	if err := s.ReleaseSource(ctx, "one", "b", now); err != nil {
		t.Fatal(err)
	}
	if got := claim("one", 1, 200*time.Millisecond); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("short claim = %v", got)
	}
	if got := claim("two", 1, time.Minute); len(got) != 0 {
		t.Fatalf("claimed a held source: %v", got)
	}
	time.Sleep(300 * time.Millisecond)
	if got := claim("two", 1, time.Minute); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("claim after the lease lapsed = %v", got)
	}
	if err := s.ReleaseSource(ctx, "one", "b", now); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("release of a lapsed and retaken lease: %v", err)
	}
}

// TestClaimsNeverOverlap has crawlers on separate stores claim and release
// sources as fast as they can: no source is ever held by two at once.
func TestClaimsNeverOverlap(t *testing.T) {
	ctx := context.Background()
	db := storetest.Postgres(t)
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprintf("src%02d", i))
	}
	first := openAt(t, db)
	set, err := first.RegisterSources(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	var holders sync.Map // id -> owner
	var claims, overlaps atomic.Int64
	var wg sync.WaitGroup
	for c := range 4 {
		s := openAt(t, db)
		owner := fmt.Sprintf("crawler%d", c)
		wg.Add(1)
		go func() {
			defer wg.Done()
			deadline := time.Now().Add(2 * time.Second)
			for time.Now().Before(deadline) {
				got, err := s.ClaimSources(ctx, owner, set, time.Now(), 5, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				for _, id := range got {
					if prev, loaded := holders.LoadOrStore(id, owner); loaded {
						overlaps.Add(1)
						t.Errorf("%s claimed %s, held by %s", owner, id, prev)
					}
					claims.Add(1)
				}
				for _, id := range got {
					holders.Delete(id)
					if err := s.ReleaseSource(ctx, owner, id, time.Now()); err != nil {
						t.Error(err)
					}
				}
			}
		}()
	}
	wg.Wait()
	if claims.Load() < 100 {
		t.Errorf("only %d claims in 2s", claims.Load())
	}
	t.Logf("%d claims, %d overlaps", claims.Load(), overlaps.Load())
}

// TestHostTurns has processes (separate stores) request one host at once:
// their turns never overlap, and each learns when the previous one ended.
func TestHostTurns(t *testing.T) {
	ctx := context.Background()
	db := storetest.Postgres(t)
	var inTurn atomic.Int32
	var wg sync.WaitGroup
	turns := make(chan time.Duration, 100)
	for range 3 {
		s := openAt(t, db)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				since, done, err := s.HostTurn(ctx, "127.0.0.1:8080")
				if err != nil {
					t.Error(err)
					return
				}
				if n := inTurn.Add(1); n != 1 {
					t.Errorf("%d turns on one host at once", n)
				}
				turns <- since
				time.Sleep(5 * time.Millisecond)
				inTurn.Add(-1)
				done()
			}
		}()
	}
	// Another host is not held up.
	s := openAt(t, db)
	since, done, err := s.HostTurn(ctx, "127.0.0.2:8080")
	if err != nil || since >= 0 {
		t.Errorf("first turn on a host: since %v, %v", since, err)
	}
	done()
	wg.Wait()
	close(turns)
	never := 0
	for since := range turns {
		if since < 0 {
			never++
		} else if since > time.Second {
			t.Errorf("last request ended %v ago", since)
		}
	}
	if never != 1 {
		t.Errorf("%d turns found no previous request, want 1", never)
	}
}
