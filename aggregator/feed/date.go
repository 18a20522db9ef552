package feed

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// zoneOffsets maps the zone abbreviations found in feeds to their offsets
// in seconds east of UTC. Go's time.Parse would give any abbreviation it
// does not know from the local zone database a zero offset; these are
// mapped instead. Ambiguous ones (IST, AMT, BST is taken as British Summer
// Time) are the RFC 822 or the most common reading; abbreviations not
// listed are treated as no zone at all (Options.Location).
var zoneOffsets = map[string]int{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
	"BST": 1 * 3600, "WEST": 1 * 3600, "CET": 1 * 3600, "MET": 1 * 3600,
	"CEST": 2 * 3600, "MEST": 2 * 3600, "EET": 2 * 3600, "KALT": 2 * 3600,
	"EEST": 3 * 3600, "MSK": 3 * 3600, "FET": 3 * 3600, "TRT": 3 * 3600,
	"MSD": 4 * 3600, "SAMT": 4 * 3600, "AZT": 4 * 3600, "GET": 4 * 3600,
	"AZST": 5 * 3600, "YEKT": 5 * 3600, "UZT": 5 * 3600, "TJT": 5 * 3600, "TMT": 5 * 3600, "PKT": 5 * 3600,
	"YEKST": 6 * 3600, "OMST": 6 * 3600, "KGT": 6 * 3600,
	"NOVT": 7 * 3600, "KRAT": 7 * 3600, "ICT": 7 * 3600,
	"IRKT": 8 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600, "AWST": 8 * 3600,
	"YAKT": 9 * 3600, "JST": 9 * 3600, "KST": 9 * 3600,
	"VLAT": 10 * 3600, "AEST": 10 * 3600,
	"MAGT": 11 * 3600, "SAKT": 11 * 3600, "SRET": 11 * 3600, "AEDT": 11 * 3600,
	"PETT": 12 * 3600, "ANAT": 12 * 3600, "NZST": 12 * 3600,
	"NZDT": 13 * 3600,
	"AST":  -4 * 3600, "ADT": -3 * 3600,
	"EST": -5 * 3600, "EDT": -4 * 3600,
	"CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600,
	"AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
}

// months maps month names and their stems, English and Russian (nominative,
// genitive and abbreviated forms share a stem), to English abbreviations.
var months = []struct{ stem, name string }{
	{"январ", "Jan"}, {"янв", "Jan"},
	{"феврал", "Feb"}, {"фев", "Feb"},
	{"март", "Mar"}, {"мар", "Mar"},
	{"апрел", "Apr"}, {"апр", "Apr"},
	{"май", "May"}, {"мая", "May"}, {"мае", "May"},
	{"июн", "Jun"}, {"июл", "Jul"},
	{"август", "Aug"}, {"авг", "Aug"},
	{"сентябр", "Sep"}, {"сен", "Sep"},
	{"октябр", "Oct"}, {"окт", "Oct"},
	{"ноябр", "Nov"}, {"ноя", "Nov"},
	{"декабр", "Dec"}, {"дек", "Dec"},
}

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
// a date with no zone, or a zone abbreviation not in zoneOffsets, is read
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
		if off, ok := zoneOffsets[up]; ok {
			if off == 0 {
				return time.UTC, true
			}
			return time.FixedZone(up, off), true
		}
		return nil, true
	}
	return nil, false
}

// month returns the English abbreviation for a lower-case month name or
// stem, "" when f is not one.
func month(f string) string {
	if len(f) >= 3 && f[0] < 0x80 {
		for _, n := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
			if strings.HasPrefix(f, n) {
				return strings.ToUpper(n[:1]) + n[1:]
			}
		}
		return ""
	}
	for _, m := range months {
		if strings.HasPrefix(f, m.stem) {
			return m.name
		}
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
