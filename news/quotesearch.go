package news

import "time"

// What the publisher asks the store about quotes, speakers and items, and
// what it gets back.

// QuoteQuery selects quotes. Empty fields select everything.
type QuoteQuery struct {
	Speaker string    // the speaker in any form of the name: "Лаврова", "Lavrov", "sergey-lavrov"
	Text    string    // words of the quote's text, each in any form (as full-text search reads them)
	Since   time.Time // items published (or first stored) at or after
	Until   time.Time // items published (or first stored) before
	// After is the cursor of the last quote of the page before: the page
	// holds the quotes after it; zero for the first page.
	After QuoteCursor
	Limit int // at most this many; default 50
}

// QuoteCursor is the position of a quote in the order quotes are listed:
// its item's time (Published, else FetchedAt), the item's ID, and the
// quote's place in the item.
type QuoteCursor struct {
	Time time.Time
	Item int64
	Seq  int
}

// QuoteHit is a quote with the item it was found in.
type QuoteHit struct {
	Quote      Quote
	SpeakerKey string // the key of the quote's speaker; "" when it has none
	Seq        int    // the quote's place in its item, from 0
	Item       Item
	Cursor     QuoteCursor // where the hit is in the order quotes are listed
}

// SpeakerGroup is one speaker: a person or a body, with every name of
// theirs quotes are credited to.
type SpeakerGroup struct {
	Key     string   `json:"key"`     // the key they are known by
	Name    string   `json:"name"`    // the most quoted of the names filed under Key
	Keys    []string `json:"keys"`    // every key of their names, Key first
	Names   []string `json:"names"`   // every name quotes are credited to
	Aliases []string `json:"aliases"` // the forms a lookup finds them by
	Quotes  int      `json:"quotes"`  // how many quotes are stored of them
	// Roles are the roles their quotes give them ("министр финансов"), as
	// written, each with its quotes and when it was first and last given
	// (the items' times), earliest first.
	Roles []SpeakerRole `json:"roles,omitempty"`
}

// SpeakerRole is a role a speaker's quotes give them.
type SpeakerRole struct {
	Role      string    `json:"role"`
	Quotes    int       `json:"quotes"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// SearchQuery selects items for a journalist's search. Every word of Text,
// Author and each phrase must match; empty fields select everything.
type SearchQuery struct {
	// Text is words, each found in any inflected form, and phrases in
	// double quotes ("мирный договор"), found as consecutive words in any
	// form. A quoted person's name finds the names of the same person in
	// the other script ("Putin" finds "Путина").
	Text   string
	Author string    // words of the byline, any form
	Source string    // a source's id
	Since  time.Time // items whose time (Published, else FetchedAt) is at or after Since
	Until  time.Time // items whose time is before Until
	// Before and BeforeID are the position of the last item of the page
	// before: the page holds items older than it; zero for the first page.
	Before   time.Time
	BeforeID int64
	Limit    int // at most this many (default 50)
}
