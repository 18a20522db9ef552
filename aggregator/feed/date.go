package feed

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// noiseWords are dropped from dates: weekdays, "year", "at".
var noiseWords = map[string]bool{
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"tues": true, "thur": true, "thurs": true,
	"пн": true, "вт": true, "ср": true, "чт": true, "пт": true, "сб": true, "вс": true,
	"понедельник": true, "вторник": true, "среда": true, "четверг": true, "пятница": true, "суббота": true, "воскресенье": true,
	"г": true, "год": true, "года": true, "в": true, "at": true,
}

var (
	numericZone = regexp.MustCompile(`^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$`)
	alphaZone   = regexp.MustCompile(`^[A-Za-z]{1,5}$`)
	isoDate     = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}(?:[T ]|$)`)
	trailingTZ  = regexp.MustCompile(`(?:Z|[+-]\d{2}(?::?\d{2})?)$`)
)

var isoZoned = []string{
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05Z07",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
}

var isoLocal = []string{
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
}

// layouts are tried, zone removed, on the normalised rest of a date.
var layouts = []string{
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 06 15:04:05",
	"2 Jan 06 15:04",
	"Jan 2 2006 15:04:05",
	"Jan 2 2006 15:04",
	"2 Jan 2006 3:04:05 PM",
	"2 Jan 2006 3:04 PM",
	"Jan 2 2006 3:04:05 PM",
	"Jan 2 2006 3:04 PM",
	"2.1.2006 15:04:05",
	"2.1.2006 15:04",
	"2006-1-2 15:04:05",
	"2006-1-2 15:04",
	"2006/1/2 15:04:05",
	"2006/1/2 15:04",
	"15:04 2 Jan 2006",
	"15:04:05 2 Jan 2006",
	"15:04 2.1.2006",
	"15:04:05 2.1.2006",
	"Jan 2 15:04:05 2006",
	"2 Jan 2006",
	"Jan 2 2006",
	"2.1.2006",
	"2006-1-2",
	"2006/1/2",
}

// parseDate reads a date as feeds print it: RFC 822/1123 (with numeric
// offsets or zone abbreviations), RFC 3339 and the other forms seen in
// Russian feeds (Russian month names, "03.12.2022 19:43", "19:43, 3
// декабря 2022"). The result keeps the offset the date was written with;
// a date with no zone, or a zone abbreviation news.ZoneAbbrev does not know, is read
// in loc. It reports false for anything it cannot read.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:i]) // "... +0300 (MSK)"
	}
	if s == "" || len(s) > 100 {
		return time.Time{}, false
	}
	if isoDate.MatchString(s) {
		if t, ok := parseISO(s, loc); ok {
			return t, true
		}
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	// The zone: the last field, possibly two ("+0300 MSK", "GMT +3"); the
	// one nearest the end that is known wins.
	var zone *time.Location
	for range 2 {
		if len(fields) < 2 {
			break
		}
		z, ok := readZone(fields[len(fields)-1])
		if !ok {
			break
		}
		fields = fields[:len(fields)-1]
		if zone == nil {
			zone = z
		}
	}
	kept := fields[:0]
	for _, f := range fields {
		lf := strings.ToLower(strings.TrimSuffix(f, "."))
		if noiseWords[lf] {
			continue
		}
		if m := month(lf); m != "" {
			f = m
		}
		kept = append(kept, f)
	}
	rest := strings.Join(kept, " ")
	if zone == nil {
		zone = loc
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, rest); err == nil {
			return inZone(t, zone)
		}
	}
	return time.Time{}, false
}

// parseISO reads RFC 3339 and its relatives ("2022-12-03 19:43:00+03").
func parseISO(s string, loc *time.Location) (time.Time, bool) {
	s = strings.Replace(s, " ", "T", 1)
	s = strings.ReplaceAll(s, " ", "")
	if trailingTZ.MatchString(s) && strings.Contains(s, "T") {
		for _, layout := range isoZoned {
			if t, err := time.Parse(layout, s); err == nil {
				return checkYear(t)
			}
		}
	}
	for _, layout := range isoLocal {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return checkYear(t)
		}
	}
	return time.Time{}, false
}

// readZone reads a zone field. It returns (nil, true) for an alphabetic
// abbreviation it does not know, (nil, false) for a field that is not a zone.
func readZone(f string) (*time.Location, bool) {
	if m := numericZone.FindStringSubmatch(f); m != nil {
		h, _ := strconv.Atoi(m[2])
		mm, _ := strconv.Atoi(m[3]) // 0 when absent
		if h > 14 || mm > 59 {
			return nil, false
		}
		off := h*3600 + mm*60
		if m[1] == "-" {
			off = -off
		}
		return time.FixedZone("", off), true
	}
	if alphaZone.MatchString(f) {
		up := strings.ToUpper(f)
		if noiseWords[strings.ToLower(f)] || month(strings.ToLower(f)) != "" || up == "AM" || up == "PM" {
			return nil, false
		}
		if loc, ok := news.ZoneAbbrev(f); ok {
			return loc, true
		}
		return nil, true
	}
	return nil, false
}

// month returns the English abbreviation ("Jan") of the month a
// lower-case word names (see news.MonthOf), "" when it names none.
func month(f string) string {
	if m := news.MonthOf(f); m != 0 {
		return m.String()[:3]
	}
	return ""
}

// inZone reinterprets the wall clock of t (parsed as UTC) in zone.
func inZone(t time.Time, zone *time.Location) (time.Time, bool) {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return checkYear(time.Date(y, mo, d, h, mi, s, t.Nanosecond(), zone))
}

func checkYear(t time.Time) (time.Time, bool) {
	if y := t.Year(); y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	return t, true
}
