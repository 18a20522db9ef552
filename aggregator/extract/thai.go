package extract

import "regexp"

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
