package news

import "time"

// What the publisher asks the store about quotes, and what it gets back.

// QuoteQuery selects quotes. Empty fields select everything.
type QuoteQuery struct {
	Speaker string    // part of the speaker's name, any case: "Захарова", "bortnikov"
	Text    string    // words of the quote's text, each in any form (as full-text search reads them)
	Since   time.Time // items published (or first stored) at or after
	Limit   int       // at most this many; default 50
}

// QuoteHit is a quote with the item it was found in.
type QuoteHit struct {
	Quote Quote
	Seq   int // the quote's place in its item, from 0
	Item  Item
}

// SpeakerCount is a speaker and how many quotes are stored of them.
type SpeakerCount struct {
	Speaker string
	Quotes  int
}
