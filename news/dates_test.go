package news

import (
	"testing"
	"time"
)

func TestZoneAbbrev(t *testing.T) {
	cases := []struct {
		abbr string
		want string // offset at noon on 20 Nov 2019 and 20 Jul 2019, "" when unknown
	}{
		{"MSK", "+03:00 +03:00"}, // Go's time.Parse would read it as +00:00
		{"msk", "+03:00 +03:00"},
		{"мск", "+03:00 +03:00"}, // "потушен в 23:04 мск" (Lenta.ru feed, testdata)
		{"МСК", "+03:00 +03:00"},
		{"GMT", "Z Z"},
		{"UT", "Z Z"},
		{"AST", "+03:00 +03:00"}, // Arabia, as the Middle East outlets print it
		{"AMT", "+04:00 +04:00"}, // Armenia: "November 20, 2019 - 11:28 AMT" (panarmenian.net)
		{"IST", "+05:30 +05:30"}, // India: "Dec 6, 2020, 15:48 IST" beside "GMT+0530 (IST)" (timesofindia)
		{"CST", "-06:00 -06:00"}, // US Central: "5:27 am CST" beside datetime 11:27Z (chron.com)
		{"ADT", "-03:00 -03:00"},
		{"ET", "-05:00 -04:00"}, // a region: standard time in November, daylight time in July
		{"XYZT", ""},
		{"", ""},
	}
	for _, c := range cases {
		loc, ok := ZoneAbbrev(c.abbr)
		got := ""
		if ok {
			got = time.Date(2019, 11, 20, 12, 0, 0, 0, loc).Format("Z07:00") + " " +
				time.Date(2019, 7, 20, 12, 0, 0, 0, loc).Format("Z07:00")
		}
		if got != c.want {
			t.Errorf("ZoneAbbrev(%q) = %q, want %q", c.abbr, got, c.want)
		}
	}
}

// A feed parser takes a word for a zone only when it is no month name: no
// abbreviation may be one.
func TestZoneAbbrevsAreNoMonths(t *testing.T) {
	for a := range zoneOffsets {
		if m := MonthOf(a); m != 0 {
			t.Errorf("zone abbreviation %q is also the month %v", a, m)
		}
	}
	for a := range regionZones {
		if m := MonthOf(a); m != 0 {
			t.Errorf("zone abbreviation %q is also the month %v", a, m)
		}
	}
}

func TestMonthOf(t *testing.T) {
	cases := map[string]time.Month{
		"декабря": time.December, "дек.": time.December, "Dec": time.December, "December": time.December,
		"мая": time.May, "май": time.May, "сент": time.September, "января": time.January,
		"листопада": time.November, // Ukrainian
		"listopada": time.November, // Polish
		"listopad":  time.November, // Polish; Croatian "listopad" (October) clashes, the first listed wins
		"oktobar":   time.October, "fevral": time.February, "აპრილი": time.April,
		"tháng_mười_một": time.November, "كانون_الثاني": time.January,
		"Mon": 0, "at": 0, "ма": 0, "": 0,
	}
	for w, want := range cases {
		if got := MonthOf(w); got != want {
			t.Errorf("MonthOf(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestJoinMonthWords(t *testing.T) {
	for in, want := range map[string]string{
		"ngày 12 tháng mười một năm 2020": "ngày 12 tháng_mười_một năm 2020",
		"12 tháng mười 2020":              "12 tháng_mười 2020",
		"4 октября 2024":                  "4 октября 2024",
	} {
		if got := JoinMonthWords(in); got != want {
			t.Errorf("JoinMonthWords(%q) = %q, want %q", in, got, want)
		}
	}
}
