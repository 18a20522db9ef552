package extract

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
