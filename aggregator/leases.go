package aggregator

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
)

// Leaser is the database side of Leases: a schedule of sources shared by
// crawler processes, each source leased to one of them at a time (store.Store
// on PostgreSQL; see store/leases.go for the contract).
type Leaser interface {
	RegisterSources(ctx context.Context, ids []string) (set string, err error)
	ClaimSources(ctx context.Context, owner, set string, now time.Time, n int, ttl time.Duration) ([]string, error)
	RenewLeases(ctx context.Context, owner string, ids []string, ttl time.Duration) ([]string, error)
	ReleaseSource(ctx context.Context, owner, id string, next time.Time) error
	NextDue(ctx context.Context, owner, set string, now time.Time) (time.Time, error)
}

var _ Leaser = (*store.Store)(nil)

// Leases is the Schedule of a crawler that shares the database with other
// crawler processes: it claims due sources with leases in the database,
// so no two crawlers crawl one source at once, renews them while it crawls
// and gives each back with its next due time. When a crawler dies, its
// leases lapse after ttl and the others take its sources over.
type Leases struct {
	db    Leaser
	owner string
	set   string // the crawler's sources, as the database names them
	ttl   time.Duration
	log   *slog.Logger

	mu      sync.Mutex
	held    map[string]bool
	renewAt time.Time // wall clock: leases run on the database's clock, not the crawler's
}

var _ Schedule = (*Leases)(nil)

// NewLeases lists the sources of cfg in the shared schedule (those new to
// it are due at once, or when their stored state says) and returns the
// schedule of the crawler named owner, unique among the crawlers sharing
// db. Leases last ttl unrenewed; they are renewed every ttl/3.
func NewLeases(ctx context.Context, db Leaser, cfg config.Config, owner string, ttl time.Duration, log *slog.Logger) (*Leases, error) {
	if ttl <= 0 {
		return nil, fmt.Errorf("lease duration %s: must be positive", ttl)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ids := make([]string, len(cfg.Sources))
	for i, src := range cfg.Sources {
		ids[i] = src.ID
	}
	set, err := db.RegisterSources(ctx, ids)
	if err != nil {
		return nil, err
	}
	return &Leases{db: db, owner: owner, set: set, ttl: ttl, log: log, held: map[string]bool{}}, nil
}

// Owner is the name the crawler's leases are held under.
func (l *Leases) Owner() string { return l.owner }

// Claim leases at most n due sources that no crawler holds.
func (l *Leases) Claim(ctx context.Context, now time.Time, n int) ([]string, error) {
	ids, err := l.db.ClaimSources(ctx, l.owner, l.set, now, n, l.ttl)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.held) == 0 {
		l.renewAt = time.Now().Add(l.ttl / 3)
	}
	for _, id := range ids {
		l.held[id] = true
	}
	return ids, nil
}

// Release gives the lease on id back, the source due again at next. A
// lease that had lapsed and gone to another crawler is not an error of
// this crawler's: it is logged, and the other crawler's schedule stands.
func (l *Leases) Release(ctx context.Context, id string, next time.Time) error {
	l.mu.Lock()
	delete(l.held, id)
	l.mu.Unlock()
	err := l.db.ReleaseSource(ctx, l.owner, id, next)
	if errors.Is(err, store.ErrLeaseLost) {
		l.log.Warn("lease had lapsed: another crawler took the source over", "source", id)
		return nil
	}
	return err
}

// Wake renews the leases held when a third of their time has passed, and
// returns the next due time of a source this crawler does not hold and,
// while it holds leases, when they are next to be renewed.
func (l *Leases) Wake(ctx context.Context, now time.Time) (due, upkeep time.Time, err error) {
	renewErr := l.renew(ctx)
	due, err = l.db.NextDue(ctx, l.owner, l.set, now)
	l.mu.Lock()
	if len(l.held) > 0 {
		upkeep = now.Add(time.Until(l.renewAt))
	}
	l.mu.Unlock()
	return due, upkeep, errors.Join(renewErr, err)
}

// renew extends the leases held if they are due for it.
func (l *Leases) renew(ctx context.Context) error {
	l.mu.Lock()
	if len(l.held) == 0 || time.Now().Before(l.renewAt) {
		l.mu.Unlock()
		return nil
	}
	ids := slices.Sorted(maps.Keys(l.held))
	l.mu.Unlock()
	kept, err := l.db.RenewLeases(ctx, l.owner, ids, l.ttl)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil {
		l.renewAt = time.Now().Add(min(time.Second, l.ttl/10)) // try again soon
		return err
	}
	l.renewAt = time.Now().Add(l.ttl / 3)
	for _, id := range ids {
		if !slices.Contains(kept, id) && l.held[id] {
			// Another crawler took it over while this one was stalled;
			// its crawl goes on, and SaveItems keeps the two apart.
			l.log.Warn("lease lost while crawling", "source", id)
			delete(l.held, id)
		}
	}
	return nil
}
