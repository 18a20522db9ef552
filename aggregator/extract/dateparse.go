package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/syndic/syndic/news"
)

// dateCtx is what reading a date needs besides the text: the zone of
// dates printed without one, the reference time of relative dates, and
// whether ambiguous numeric dates are month-first (US English).
type dateCtx struct {
	loc *time.Location
	now time.Time // zero: relative dates are not read
	mdy bool
}

// dateHit is one date found in a text.
type dateHit struct {
	t       time.Time
	hasTime bool
	hasZone bool
	pos     int // byte offset of the match in the (normalised) text
	end     int
}

// minYear bounds the dates taken as publication dates.
const minYear = 1995

var (
	// the time that may follow a date: "13:01", ", 13:01:05", " в 18:45",
	// " at 6:01 am", " à 13h01", " - 09:22", with an optional zone.
	reTimeAfter = regexp.MustCompile(`^\s*(?:[,.|/·•–—-]\s*)?(?:t|\(|в\s|\bat\b|à\s|\bum\b|\ba las\b|às\s|\balle\b|\bkl\.?|\bo\b|\bob\b|\bsaat\b)?\s*(?:[,|/–-]\s*)?(?:в\s*)?(2[0-3]|[01]?\d)(?::|h|ч\.?\s*)([0-5]\d)(?::([0-5]?\d))?(?:[.,]\d{1,9})?(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*\(?\s*(z\b|[+-]\d{2}:?\d{2}\b|(?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|мск|[a-z]{2,5}\b)\)?)?`)
	// the time that may precede a date: "13:01, 4 октября", "09:22 / 08.02.2025".
	reTimeBefore = regexp.MustCompile(`(2[0-3]|[01]?\d):([0-5]\d)(?:\s*([ap])\.?m\.?)?\s*(?:[,|/·•–—-]\s*)?$`)

	reISO   = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d{2})([-/.])(1[0-2]|0?[1-9])([-/.])(3[01]|[12]\d|0?[1-9])(?:[t\s_]+|$|[^\d])`)
	reNum   = regexp.MustCompile(`(?:^|[^\d.:/])(3[01]|[12]\d|0?[1-9])([./-])(3[01]|[12]\d|1[0-2]|0?[1-9])([./-])((?:19|20)\d{2}|\d{2})(?:[^\d]|$)`)
	reDMY   = regexp.MustCompile(`(?:^|[^\d])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er|º|°|ª|\.|-?го)?\s*(?:de\s+|of\s+|-)?([\pL\pM_]{3,}\.?)\s*(?:de\s+|del\s+|,\s*|-|\s)\s*((?:19|20)\d{2})(?:[^\d]|$)`)
	reMDY   = regexp.MustCompile(`(?:^|[^\pL])([\pL\pM_]{3,}\.?)\s+(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*,?\s+((?:19|20)\d{2})(?:[^\d]|$)`)
	reYMD   = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d{2})\.?\s*(?:m\.\s*|г\.\s*)?([\pL\pM_]{3,}\.?)\s+(3[01]|[12]\d|0?[1-9])(?:\.|\s*d\.|[^\d]|$)`)
	reCJK   = regexp.MustCompile(`((?:19|20)\d{2})\s*[年년.]\s*(1[0-2]|0?[1-9])\s*[月월.]\s*(3[01]|[12]\d|0?[1-9])\s*[日일]?(?:\s*(?:\([^)]{1,3}\)|（[^）]{1,3}）))?\s*(?:(2[0-3]|[01]?\d)\s*[:時시]\s*([0-5]\d))?`)
	reRel   = regexp.MustCompile(`(?:^|[^\pL])(сегодня|вчера|позавчера|today|yesterday|heute|gestern|hoy|ayer|aujourd'hui|hier|oggi|ieri|bugün|dün|сьогодні|вчора)(?:[^\pL]|$)`)
	reAgo   = regexp.MustCompile(`(?:^|[^\d])(\d{1,3})\s*(минут[а-я]*|мин\.?|час[а-я]*|ч\.|minutes?|mins?|hours?|hrs?)\s+(назад|ago)`)
	reUnixT = regexp.MustCompile(`^\d{10}$`)
)

// normDateText lower-cases s, folds white space and joins two-word month
// names so the patterns see one token.
func normDateText(s string) string {
	s = news.JoinMonthWords(strings.ToLower(news.CollapseSpace(asciiDigits(s))))
	if strings.Contains(s, "/") {
		// "نيسان / أبريل": one month named twice
		s = reMonthPair.ReplaceAllStringFunc(s, func(m string) string {
			a, b, _ := strings.Cut(m, "/")
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if ma := news.MonthOf(a); ma > 0 && ma == news.MonthOf(b) {
				return b
			}
			return m
		})
	}
	return s
}

var reMonthPair = regexp.MustCompile(`[\pL\pM_]{3,}\s*/\s*[\pL\pM_]{3,}`)

// findDates returns the dates in s in the order they appear. Overlapping
// matches keep the earliest, longest one.
func findDates(s string, dc *dateCtx) []dateHit {
	if len(s) > 20000 {
		s = s[:20000]
	}
	s = normDateText(s)
	var hits []dateHit
	add := func(h dateHit, ok bool) {
		if !ok {
			return
		}
		for i, o := range hits {
			if h.pos < o.end && o.pos < h.end {
				if h.pos < o.pos || (h.pos == o.pos && h.end > o.end) {
					hits[i] = h
				}
				return
			}
		}
		hits = append(hits, h)
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] { // mixed separators
			continue
		}
		y, mo, d := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[10]:m[11]])
		add(dc.build(s, m[2], m[11], y, mo, d))
	}
	for _, m := range reCJK.FindAllStringSubmatchIndex(s, -1) {
		y, mo, d := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		h, ok := dc.date(y, mo, d)
		if ok && m[8] >= 0 {
			h = dc.withTime(h, atoi(s[m[8]:m[9]]), atoi(s[m[10]:m[11]]), 0, "", "")
		}
		h.pos, h.end = m[2], m[1]
		if ok && m[8] < 0 {
			h2, ok2 := dc.build(s, m[2], m[1], y, mo, d)
			if ok2 {
				h = h2
			}
		}
		add(h, ok)
	}
	for _, m := range reNum.FindAllStringSubmatchIndex(s, -1) {
		if s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue
		}
		a, b, ys := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), s[m[10]:m[11]]
		y := atoi(ys)
		if len(ys) == 2 {
			if s[m[4]:m[5]] != "." {
				continue
			}
			y += 2000
		}
		d, mo := a, b
		switch {
		case b > 12:
			d, mo = b, a
		case a > 12:
		case dc.mdy && s[m[4]:m[5]] == "/":
			d, mo = b, a
		}
		add(dc.build(s, m[2], m[11], y, mo, d))
	}
	for _, m := range reDMY.FindAllStringSubmatchIndex(s, -1) {
		mo := int(news.MonthOf(s[m[4]:m[5]]))
		if mo == 0 {
			continue
		}
		add(dc.build(s, m[2], m[7], atoi(s[m[6]:m[7]]), mo, atoi(s[m[2]:m[3]])))
	}
	for _, m := range reMDY.FindAllStringSubmatchIndex(s, -1) {
		mo := int(news.MonthOf(s[m[2]:m[3]]))
		if mo == 0 {
			continue
		}
		add(dc.build(s, m[2], m[7], atoi(s[m[6]:m[7]]), mo, atoi(s[m[4]:m[5]])))
	}
	for _, m := range reYMD.FindAllStringSubmatchIndex(s, -1) {
		mo := int(news.MonthOf(s[m[4]:m[5]]))
		if mo == 0 {
			continue
		}
		add(dc.build(s, m[2], m[7], atoi(s[m[2]:m[3]]), mo, atoi(s[m[6]:m[7]])))
	}
	for _, m := range thaiMatches(s) {
		y := thaiYear(atoi(s[m[6]:m[7]]))
		add(dc.build(s, m[2], m[7], y, thaiMonths[s[m[4]:m[5]]], atoi(s[m[2]:m[3]])))
	}
	for _, m := range japaneseEraMatches(s) {
		y := eraYear(s[m[2]:m[3]], s[m[4]:m[5]])
		h, ok := dc.date(y, atoi(s[m[6]:m[7]]), atoi(s[m[8]:m[9]]))
		h.pos, h.end = m[0], m[1]
		add(h, ok)
	}
	fa, jms := jalaliMatches(s)
	for _, m := range jms {
		y, mo, d := jalaliToGregorian(atoi(fa[m[6]:m[7]]), jalaliMonths[fa[m[4]:m[5]]], atoi(fa[m[2]:m[3]]))
		add(dc.build(s, m[2], m[7], y, mo, d))
	}
	if !dc.now.IsZero() && dc.loc != nil {
		for _, m := range reRel.FindAllStringSubmatchIndex(s, -1) {
			word := s[m[2]:m[3]]
			days := 0
			switch word {
			case "вчера", "yesterday", "gestern", "ayer", "hier", "ieri", "dün", "вчора":
				days = 1
			case "позавчера":
				days = 2
			}
			now := dc.now.In(dc.loc)
			y, mo, d := now.AddDate(0, 0, -days).Date()
			add(dc.build(s, m[2], m[3], y, int(mo), d))
		}
		for _, m := range reAgo.FindAllStringSubmatchIndex(s, -1) {
			n := atoi(s[m[2]:m[3]])
			unit := time.Minute
			if u := s[m[4]:m[5]]; strings.HasPrefix(u, "ч") || strings.HasPrefix(u, "h") {
				unit = time.Hour
			}
			t := dc.now.Add(-time.Duration(n) * unit).In(dc.loc).Truncate(time.Minute)
			add(dateHit{t: t, hasTime: true, hasZone: true, pos: m[2], end: m[1]}, true)
		}
	}
	// order of appearance
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].pos < hits[j-1].pos; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	return hits
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// date validates y-m-d and returns it at midnight in the context's zone.
func (dc *dateCtx) date(y, mo, d int) (dateHit, bool) {
	if y < minYear || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return dateHit{}, false
	}
	loc := dc.loc
	if loc == nil {
		loc = time.UTC
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, loc)
	if t.Day() != d {
		return dateHit{}, false
	}
	if dc.future(t) {
		return dateHit{}, false
	}
	return dateHit{t: t}, true
}

// future reports whether t lies more than two days after the reference
// time: an event's or an expiry's date, never a publication's.
func (dc *dateCtx) future(t time.Time) bool {
	return !dc.now.IsZero() && t.After(dc.now.Add(48*time.Hour))
}

// withTime sets the clock of h, with an am/pm marker and a zone token when
// they were printed.
func (dc *dateCtx) withTime(h dateHit, hh, mi, ss int, ampm, zone string) dateHit {
	switch ampm {
	case "p":
		if hh < 12 {
			hh += 12
		}
	case "a":
		if hh == 12 {
			hh = 0
		}
	}
	if hh > 23 || mi > 59 || ss > 59 {
		return h
	}
	y, mo, d := h.t.Date()
	loc := h.t.Location()
	hasZone := false
	if zone != "" {
		if l, ok := zoneOf(zone); ok {
			loc, hasZone = l, true
		}
	}
	h.t = time.Date(y, mo, d, hh, mi, ss, 0, loc)
	h.hasTime, h.hasZone = true, hasZone
	return h
}

// zoneOf reads a printed zone: "Z", "+03:00", "+0300", "UTC+3", "MSK", "EST".
func zoneOf(z string) (*time.Location, bool) {
	z = strings.ToLower(strings.ReplaceAll(z, " ", ""))
	if l, ok := news.ZoneAbbrev(z); ok {
		return l, true
	}
	for _, p := range []string{"utc", "gmt"} {
		if strings.HasPrefix(z, p) && len(z) > len(p) {
			z = z[len(p):]
			if len(z) > 1 && len(z) <= 3 { // utc+3, gmt-10
				z = z[:1] + strings.Repeat("0", 3-len(z)) + z[1:] + "00"
			}
		}
	}
	if len(z) >= 5 && (z[0] == '+' || z[0] == '-') {
		digits := strings.ReplaceAll(z[1:], ":", "")
		if len(digits) != 4 {
			return nil, false
		}
		h, m := atoi(digits[:2]), atoi(digits[2:])
		if h > 14 || m > 59 {
			return nil, false
		}
		off := h*3600 + m*60
		if z[0] == '-' {
			off = -off
		}
		return time.FixedZone("", off), true
	}
	return nil, false
}

// build makes a hit for the date y-mo-d found at s[start:end], reading a
// time printed right after it (or right before it).
func (dc *dateCtx) build(s string, start, end, y, mo, d int) (dateHit, bool) {
	h, ok := dc.date(y, mo, d)
	if !ok {
		return h, false
	}
	h.pos, h.end = start, end
	// an ISO-like date may stop right before "t13:01"
	rest := s[end:]
	if m := reTimeAfter.FindStringSubmatchIndex(rest); m != nil {
		ampm, zone := "", ""
		if m[8] >= 0 {
			ampm = rest[m[8]:m[9]]
		}
		if m[10] >= 0 {
			zone = rest[m[10]:m[11]]
		}
		ss := 0
		if m[6] >= 0 {
			ss = atoi(rest[m[6]:m[7]])
		}
		h2 := dc.withTime(h, atoi(rest[m[2]:m[3]]), atoi(rest[m[4]:m[5]]), ss, ampm, zone)
		if h2.hasTime {
			if zone != "" && !h2.hasZone {
				// an unknown word after the time is not a zone: keep the match short
				e := m[5]
				for _, k := range []int{7, 9} {
					if m[k] > e {
						e = m[k]
					}
				}
				h2.end = end + e
			} else {
				h2.end = end + m[1]
			}
			return h2, true
		}
	}
	if m := reTimeBefore.FindStringSubmatchIndex(s[:start]); m != nil {
		ampm := ""
		if m[6] >= 0 {
			ampm = s[m[6]:m[7]]
		}
		h2 := dc.withTime(h, atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), 0, ampm, "")
		if h2.hasTime {
			h2.pos = m[0]
			return h2, true
		}
	}
	return h, true
}

// isoLayouts are tried first on machine-readable values (meta, JSON-LD,
// datetime attributes).
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05.999999999 -0700",
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04:05 -0700",
	time.RubyDate,
}

// parseDateValue reads a machine-readable date value: RFC 3339 and its
// variants, RFC 1123, a Unix time, or failing those the first date the
// text parser finds.
func parseDateValue(v string, dc *dateCtx) (dateHit, bool) {
	v = strings.TrimSpace(v)
	if v == "" || len(v) > 200 {
		return dateHit{}, false
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, v); err == nil {
			if t.Year() < minYear || t.Year() > 2100 || dc.future(t) {
				return dateHit{}, false
			}
			return dateHit{t: t, hasTime: true, hasZone: true}, true
		}
	}
	if reUnixT.MatchString(v) {
		t := time.Unix(int64(atoi(v)), 0).UTC()
		if t.Year() >= 2000 && !dc.future(t) {
			return dateHit{t: t, hasTime: true, hasZone: true}, true
		}
	}
	hits := findDates(v, dc)
	if len(hits) == 0 {
		return dateHit{}, false
	}
	return hits[0], true
}

// asciiDigits rewrites decimal digits of other scripts (Arabic-Indic,
// Persian, Devanagari, Bengali, full-width …) as ASCII digits.
func asciiDigits(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x80 || !unicode.IsDigit(r) {
			return r
		}
		zero := r
		for r-zero < 9 && unicode.IsDigit(zero-1) {
			zero--
		}
		return '0' + (r-zero)%10
	}, s)
}
