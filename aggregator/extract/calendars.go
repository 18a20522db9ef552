package extract

// Dates in calendars other than the Gregorian: Solar Hijri (Iran),
// Buddhist Era (Thailand), Japanese eras.

import (
	"regexp"
	"strings"
)

// Iranian pages print their dates in the Solar Hijri calendar
// ("2 تیر 1399", 22 June 2020): day, month name, year 13xx–14xx.
var reJalali = regexp.MustCompile(`(?:^|[^\d])(3[01]|[12]\d|0?[1-9])\s*(فروردین|اردیبهشت|خرداد|تیر|امرداد|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)\s*(?:ماه\s*)?,?\s*(1[34]\d{2})(?:[^\d]|$)`)

var jalaliMonths = map[string]int{"فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "امرداد": 5, "مرداد": 5,
	"شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12}

// persianLetters folds the Arabic forms of yeh and kaf that Persian pages
// often carry into the Persian ones (same byte length, so offsets hold).
var persianLetters = strings.NewReplacer("ي", "ی", "ك", "ک", "ى", "ی")

// jalaliMatches returns s with Persian letter forms folded (same offsets)
// and the matches of reJalali in it; none, cheaply, when s has no Arabic
// script.
func jalaliMatches(s string) (string, [][]int) {
	arabic := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xD8 && c <= 0xDB { // lead bytes of U+0600–U+06FF
			arabic = true
			break
		}
	}
	if !arabic {
		return s, nil
	}
	fa := persianLetters.Replace(s)
	return fa, reJalali.FindAllStringSubmatchIndex(fa, -1)
}

// jalaliToGregorian converts a Solar Hijri date to the Gregorian calendar
// (the arithmetic 33-year-cycle rule, exact for 1178–1633 AP).
func jalaliToGregorian(jy, jm, jd int) (int, int, int) {
	jy += 1595
	days := -355668 + 365*jy + (jy/33)*8 + ((jy%33)+3)/4 + jd
	if jm < 7 {
		days += (jm - 1) * 31
	} else {
		days += (jm-7)*30 + 186
	}
	gy := 400 * (days / 146097)
	days %= 146097
	if days > 36524 {
		days--
		gy += 100 * (days / 36524)
		days %= 36524
		if days >= 365 {
			days++
		}
	}
	gy += 4 * (days / 1461)
	days %= 1461
	if days > 365 {
		gy += (days - 1) / 365
		days = (days - 1) % 365
	}
	gd := days + 1
	leap := gy%4 == 0 && gy%100 != 0 || gy%400 == 0
	monthDays := [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if leap {
		monthDays[1] = 29
	}
	gm := 1
	for gm <= 12 && gd > monthDays[gm-1] {
		gd -= monthDays[gm-1]
		gm++
	}
	return gy, gm, gd
}

// Thai pages print month names, often abbreviated ("12 มี.ค. 2563"), and
// years of the Buddhist Era (2563 BE is 2020 CE).
var reThai = regexp.MustCompile(`(?:^|[^\d])(3[01]|[12]\d|0?[1-9])\s*(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)\s*(?:พ\.ศ\.\s*|ค\.ศ\.\s*)?((?:25|19|20)\d{2})(?:[^\d]|$)`)

var thaiMonths = map[string]int{
	"มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6,
	"กรกฎาคม": 7, "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12,
	"ม.ค.": 1, "ก.พ.": 2, "มี.ค.": 3, "เม.ย.": 4, "พ.ค.": 5, "มิ.ย.": 6,
	"ก.ค.": 7, "ส.ค.": 8, "ก.ย.": 9, "ต.ค.": 10, "พ.ย.": 11, "ธ.ค.": 12,
}

// thaiMatches returns the matches of reThai in s; none, cheaply, when s
// has no Thai script.
func thaiMatches(s string) [][]int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xE0 && (s[i+1] == 0xB8 || s[i+1] == 0xB9) { // U+0E00–U+0E7F
			return reThai.FindAllStringSubmatchIndex(s, -1)
		}
	}
	return nil
}

// thaiYear converts a Buddhist Era year to the Common Era; CE years pass.
func thaiYear(y int) int {
	if y >= 2400 {
		return y - 543
	}
	return y
}

// Japanese pages may count years in eras: 令和2年3月12日 is 2020-03-12
// (令和 began in 2019, 平成 in 1989; 元年 is the first year).
var reJapaneseEra = regexp.MustCompile(`(令和|平成)\s*(元|\d{1,2})\s*年\s*(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*日`)

var eraStart = map[string]int{"令和": 2019, "平成": 1989}

// japaneseEraMatches returns the matches of reJapaneseEra in s; none,
// cheaply, when s has no era name.
func japaneseEraMatches(s string) [][]int {
	if !strings.Contains(s, "令和") && !strings.Contains(s, "平成") {
		return nil
	}
	return reJapaneseEra.FindAllStringSubmatchIndex(s, -1)
}

// eraYear converts the year n ("元" for 1) of a Japanese era.
func eraYear(era, n string) int {
	y := 1
	if n != "元" {
		y = atoi(n)
	}
	return eraStart[era] + y - 1
}
