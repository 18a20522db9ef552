package news

import (
	"fmt"
	"time"
)

// What the aggregator and the store say to each other about a source's crawl:
// the state kept between passes and what saving a pass's items did.

// SourceState is what the crawler remembers about a source between passes.
type SourceState struct {
	SourceID           string
	ETag, LastModified string    // validators for conditional GET
	LastFetch          time.Time // last attempt
	LastSuccess        time.Time
	LastError          string // "" after a success
	Failures           int    // consecutive failures
	NextFetch          time.Time
	Attribution        Attribution // the reuse rule detected on the source's pages
}

// SaveStatus says what saving did with one item.
type SaveStatus int

// Statuses of a saved item.
const (
	StatusNew       SaveStatus = iota + 1 // stored for the first time
	StatusUpdated                         // an edit of a stored item, updated in place
	StatusUnchanged                       // identical to the stored item; nothing written
)

func (s SaveStatus) String() string {
	switch s {
	case StatusNew:
		return "new"
	case StatusUpdated:
		return "updated"
	case StatusUnchanged:
		return "unchanged"
	}
	return fmt.Sprintf("SaveStatus(%d)", int(s))
}

// SaveResult counts what saving a batch of items did.
type SaveResult struct {
	New, Updated, Unchanged int
	Items                   []SavedItem // one per input item, same order
}

// SavedItem is the stored ID of one input item and what was done with it.
type SavedItem struct {
	ID     int64
	Status SaveStatus
}
