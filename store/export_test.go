package store

import (
	"context"
	"time"

	"github.com/syndic/syndic/news"
)

// What only the tests of this package call.

// SectionItems returns the newest items routed to a section, newest first,
// at most limit: the first page the publisher reads (SectionItemsBefore
// from the newest).
func (s *Store) SectionItems(ctx context.Context, section string, limit int) ([]news.Item, error) {
	return s.SectionItemsBefore(ctx, section, time.Time{}, 0, limit)
}

// migrations are the migrations of s's backend.
func (s *Store) migrations() ([]migration, error) {
	if s.pg {
		return loadMigrations(postgresMigrations, "migrations_pg")
	}
	return loadMigrations(sqliteMigrations, "migrations")
}
