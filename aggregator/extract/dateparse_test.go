package extract

import (
	"testing"
	"time"
)

func TestFindDates(t *testing.T) {
	msk, _ := time.LoadLocation("Europe/Moscow")
	baku, _ := time.LoadLocation("Asia/Baku")
	now := time.Date(2024, 10, 4, 20, 0, 0, 0, msk)
	cases := []struct {
		text string
		loc  *time.Location
		mdy  bool
		want string // RFC 3339, "" for no date
	}{
		{"04 October 2024 13:01", baku, false, "2024-10-04T13:01:00+04:00"},
		{"4 октября 2024, 13:01", msk, false, "2024-10-04T13:01:00+03:00"},
		{"04.10.2024", msk, false, "2024-10-04T00:00:00+03:00"},
		{"04.10.2024 13:01", msk, false, "2024-10-04T13:01:00+03:00"},
		{"13:01, 4 октября 2024", msk, false, "2024-10-04T13:01:00+03:00"},
		{"сегодня, 13:01", msk, false, "2024-10-04T13:01:00+03:00"},
		{"вчера в 18:45", msk, false, "2024-10-03T18:45:00+03:00"},
		{"Updated 1530 GMT (2330 HKT) May 2, 2021", time.UTC, true, "2021-05-02T00:00:00Z"},
		{"October 4, 2024 at 6:01 pm", time.UTC, true, "2024-10-04T18:01:00Z"},
		{"last edited on 4 October 2024, at 05:33.", time.UTC, false, "2024-10-04T05:33:00Z"},
		{"Oct. 4, 2024 10:00 a.m. EDT", time.UTC, true, "2024-10-04T10:00:00-04:00"},
		{"4 de octubre de 2024", time.UTC, false, "2024-10-04T00:00:00Z"},
		{"4. Oktober 2024, 13:01 Uhr", time.UTC, false, "2024-10-04T13:01:00Z"},
		{"le 4 octobre 2024 à 13h01", time.UTC, false, "2024-10-04T13:01:00Z"},
		{"2024年10月4日 13:01", time.UTC, false, "2024-10-04T13:01:00Z"},
		{"2024년 9월 12일", time.UTC, false, "2024-09-12T00:00:00Z"},
		{"12 December 2024", time.UTC, false, ""}, // after the reference time
		{"08 fevral, 2024 / 09:22", baku, false, "2024-02-08T09:22:00+04:00"},
		{"12 listopada 2023", time.UTC, false, "2023-11-12T00:00:00Z"},
		{"2020. március 12. 10:15", time.UTC, false, "2020-03-12T10:15:00Z"},
		{"2020 m. kovo 12 d.", time.UTC, false, "2020-03-12T00:00:00Z"},
		{"Kamis, 12 Maret 2020 10:15 WIB", time.UTC, false, "2020-03-12T10:15:00+07:00"},
		{"১২ মার্চ ২০২০", time.UTC, false, "2020-03-12T00:00:00Z"},
		{"2 تير 1399 - 12:09:08 ب.ظ", time.UTC, false, "2020-06-22T12:09:08Z"}, // Solar Hijri, Arabic yeh
		{"دوشنبه ۱۰ دی ۱۴۰۲", time.UTC, false, "2023-12-31T00:00:00Z"},
		{"12 มี.ค. 2563 10:15 น.", time.UTC, false, "2020-03-12T10:15:00Z"}, // Buddhist Era
		{"วันพฤหัสบดีที่ 12 มีนาคม พ.ศ. 2563", time.UTC, false, "2020-03-12T00:00:00Z"},
		{"令和2年3月12日", time.UTC, false, "2020-03-12T00:00:00Z"}, // Japanese era
		{"令和元年5月1日", time.UTC, false, "2019-05-01T00:00:00Z"},
		{"24 نيسان / أبريل 2020 09:22", time.UTC, false, "2020-04-24T09:22:00Z"}, // one month named twice
		{"١٢ مايو ٢٠٢٠", time.UTC, false, "2020-05-12T00:00:00Z"},
		{"10/03/2024", time.UTC, true, "2024-10-03T00:00:00Z"},
		{"10/03/2024", time.UTC, false, "2024-03-10T00:00:00Z"},
		{"25/03/2024", time.UTC, true, "2024-03-25T00:00:00Z"},
		{"2024-10-04 13:01 MSK", time.UTC, false, "2024-10-04T13:01:00+03:00"},
		// Zone abbreviations read through news.ZoneAbbrev, as real pages print them.
		{"November 20, 2019 - 11:28 AMT", time.UTC, true, "2019-11-20T11:28:00+04:00"}, // panarmenian.net: Armenia
		{"Nov 20 2019, 11:06am ist", time.UTC, true, "2019-11-20T11:06:00+05:30"},      // deccanherald.com: India
		// A word after the time that is also a zone name elsewhere is prose.
		{"On June 3, 2020 at 10:30 met with the minister", time.UTC, true, "2020-06-03T10:30:00Z"},
		{"November 20, 2019 - 11:28 West Bank time", time.UTC, true, "2019-11-20T11:28:00Z"},
		{"Огонь был потушен 3 декабря 2022 в 23:04 мск", time.UTC, false, "2022-12-03T23:04:00+03:00"},
		{"2021-06-07T22:45:0Z", time.UTC, false, "2021-06-07T22:45:00Z"},
		{"3 hours ago", msk, false, "2024-10-04T17:00:00+03:00"},
		{"no date here, 2024 only", msk, false, ""},
		{"May 2024", time.UTC, false, ""},
		{"31.02.2024", time.UTC, false, ""},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			dc := &dateCtx{loc: c.loc, now: now, mdy: c.mdy}
			hits := findDates(c.text, dc)
			got := ""
			if len(hits) > 0 {
				got = hits[0].t.Format(time.RFC3339)
			}
			if got != c.want {
				t.Errorf("findDates(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestRelativeDatesNeedNow(t *testing.T) {
	dc := &dateCtx{loc: time.UTC}
	if hits := findDates("сегодня, 13:01", dc); len(hits) != 0 {
		t.Errorf("relative date read without a reference time: %v", hits[0].t)
	}
}

func TestParseDateValue(t *testing.T) {
	msk, _ := time.LoadLocation("Europe/Moscow")
	dc := &dateCtx{loc: msk}
	cases := map[string]string{
		"2019-11-01T12:01:54+00:00":       "2019-11-01T12:01:54Z",
		"2024-03-07T07:55:25.123Z":        "2024-03-07T07:55:25Z",
		"2024-09-16T21:33+0100":           "2024-09-16T20:33:00Z",
		"Sat, 02 May 2020 22:00:00 -0400": "2020-05-03T02:00:00Z",
		"2021-03-15|00h40":                "2021-03-14T21:40:00Z",
		"1600000000":                      "2020-09-13T12:26:40Z",
		"2019-11-01":                      "2019-10-31T21:00:00Z",
	}
	for in, want := range cases {
		h, ok := parseDateValue(in, dc)
		if !ok {
			t.Errorf("parseDateValue(%q) failed", in)
			continue
		}
		if got := h.t.UTC().Format(time.RFC3339); got != want {
			t.Errorf("parseDateValue(%q) = %s, want %s", in, got, want)
		}
	}
	// Given the time of reading, a date days ahead of it is refused.
	dc.now = time.Date(2024, 10, 4, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]bool{"2099-01-01T00:00:00Z": false, "4102444800": false,
		"2024-10-05T09:00:00+03:00": true, "2024-10-04T13:01:00+04:00": true} {
		if _, ok := parseDateValue(in, dc); ok != want {
			t.Errorf("parseDateValue(%q) with now %v: ok = %v, want %v", in, dc.now, ok, want)
		}
	}
}

func TestGuessZone(t *testing.T) {
	cases := []struct{ host, lang, want string }{
		{"caliber.az", "en", "Asia/Baku"},
		{"ria.ru", "", "Europe/Moscow"},
		{"pravda.com.ua", "uk", "Europe/Kyiv"},
		{"meduza.io", "ru", "Europe/Moscow"},
		{"example.com", "", ""},
	}
	for _, c := range cases {
		loc := guessZone(c.host, c.lang)
		got := ""
		if loc != nil {
			got = loc.String()
		}
		if got != c.want {
			t.Errorf("guessZone(%q, %q) = %q, want %q", c.host, c.lang, got, c.want)
		}
	}
}

func TestURLDate(t *testing.T) {
	dc := &dateCtx{loc: time.UTC}
	cases := map[string]string{
		"https://www.bostonherald.com/2023/11/08/brothel/": "2023-11-08",
		"https://ria.ru/20191101/1560495633.html":          "2019-11-01",
		"https://iz.ru/943417/2019-11-15/rossiia":          "2019-11-15",
		"https://www.rbc.ru/business/15/11/2019/5dcdf68f":  "",
		"https://example.com/2019/":                        "",
		"https://www.example.co.uk/world/2020/jan/20/x":    "2020-01-20",
	}
	for u, want := range cases {
		h, ok := urlDate(u, dc)
		got := ""
		if ok {
			got = h.t.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("urlDate(%q) = %q, want %q", u, got, want)
		}
	}
}
