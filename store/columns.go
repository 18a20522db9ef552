package store

import (
	"database/sql"
	"encoding/json"
	"time"

	"github.com/syndic/syndic/news"
)

// jsonList encodes a list of strings as a JSON array ("[]" for none).
func jsonList(ss []string) string {
	if len(ss) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ss) // []string always encodes
	return string(b)
}

// parseList decodes jsonList's output; an empty list is nil.
func parseList(s string) ([]string, error) {
	var out []string
	if s == "" || s == "[]" {
		return nil, nil
	}
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return nilIfEmpty(out), nil
}

// jsonEnclosures encodes enclosures as a JSON array ("[]" for none).
func jsonEnclosures(es []news.Enclosure) string {
	if len(es) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(es) // strings and numbers always encode
	return string(b)
}

// parseEnclosures decodes jsonEnclosures's output; an empty list is nil.
func parseEnclosures(s string) ([]news.Enclosure, error) {
	if s == "" || s == "[]" {
		return nil, nil
	}
	var out []news.Enclosure
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// nullTime is t in microseconds, or NULL for the zero time.
func nullTime(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMicro(), Valid: true}
}

func fromNull(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return fromMicros(v.Int64)
}

func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// zoneOffset is the offset a time was written with, in seconds east of UTC.
func zoneOffset(t time.Time) int64 {
	_, off := t.Zone()
	return int64(off)
}

// inZone gives a stored UTC instant back its original offset.
func inZone(t time.Time, offset int64) time.Time {
	if t.IsZero() || offset == 0 {
		return t
	}
	return t.In(time.FixedZone("", int(offset)))
}
