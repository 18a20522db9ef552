package extract

import (
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // zones must load on machines without a zoneinfo database
)

// tldZones maps a country-code top-level domain to the zone most of that
// country's outlets print their times in.
var tldZones = map[string]string{
	"ru": "Europe/Moscow", "su": "Europe/Moscow", "рф": "Europe/Moscow",
	"az": "Asia/Baku", "ua": "Europe/Kyiv", "by": "Europe/Minsk", "kz": "Asia/Almaty",
	"ge": "Asia/Tbilisi", "am": "Asia/Yerevan", "uz": "Asia/Tashkent", "kg": "Asia/Bishkek",
	"tj": "Asia/Dushanbe", "tm": "Asia/Ashgabat", "md": "Europe/Chisinau", "tr": "Europe/Istanbul",
	"uk": "Europe/London", "ie": "Europe/Dublin", "pt": "Europe/Lisbon", "es": "Europe/Madrid",
	"fr": "Europe/Paris", "be": "Europe/Brussels", "nl": "Europe/Amsterdam", "de": "Europe/Berlin",
	"at": "Europe/Vienna", "ch": "Europe/Zurich", "it": "Europe/Rome", "pl": "Europe/Warsaw",
	"cz": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "si": "Europe/Ljubljana",
	"hr": "Europe/Zagreb", "ba": "Europe/Sarajevo", "rs": "Europe/Belgrade", "me": "Europe/Podgorica",
	"al": "Europe/Tirane", "mk": "Europe/Skopje", "bg": "Europe/Sofia", "ro": "Europe/Bucharest",
	"gr": "Europe/Athens", "cy": "Asia/Nicosia", "dk": "Europe/Copenhagen", "se": "Europe/Stockholm",
	"no": "Europe/Oslo", "fi": "Europe/Helsinki", "ee": "Europe/Tallinn", "lv": "Europe/Riga",
	"lt": "Europe/Vilnius", "il": "Asia/Jerusalem", "eg": "Africa/Cairo", "sa": "Asia/Riyadh",
	"ae": "Asia/Dubai", "qa": "Asia/Qatar", "ir": "Asia/Tehran", "in": "Asia/Kolkata",
	"pk": "Asia/Karachi", "bd": "Asia/Dhaka", "cn": "Asia/Shanghai", "hk": "Asia/Hong_Kong",
	"tw": "Asia/Taipei", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "id": "Asia/Jakarta",
	"my": "Asia/Kuala_Lumpur", "sg": "Asia/Singapore", "ph": "Asia/Manila", "vn": "Asia/Ho_Chi_Minh",
	"th": "Asia/Bangkok", "au": "Australia/Sydney", "nz": "Pacific/Auckland", "za": "Africa/Johannesburg",
	"ng": "Africa/Lagos", "ke": "Africa/Nairobi", "br": "America/Sao_Paulo", "ar": "America/Argentina/Buenos_Aires",
	"cl": "America/Santiago", "co": "America/Bogota", "pe": "America/Lima", "ve": "America/Caracas",
	"mx": "America/Mexico_City", "ca": "America/Toronto",
}

// langZones is the fallback for a page on a generic domain (.com, .org,
// .io, .tv): its language's main zone, where one zone dominates.
var langZones = map[string]string{
	"ru": "Europe/Moscow", "az": "Asia/Baku", "uk": "Europe/Kyiv", "be": "Europe/Minsk",
	"hy": "Asia/Yerevan", "ka": "Asia/Tbilisi", "kk": "Asia/Almaty", "uz": "Asia/Tashkent",
	"tr": "Europe/Istanbul", "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome",
	"pl": "Europe/Warsaw", "nl": "Europe/Amsterdam", "cs": "Europe/Prague", "hu": "Europe/Budapest",
	"ja": "Asia/Tokyo", "ko": "Asia/Seoul", "id": "Asia/Jakarta", "fa": "Asia/Tehran",
	"bg": "Europe/Sofia", "ro": "Europe/Bucharest", "el": "Europe/Athens", "lt": "Europe/Vilnius", "th": "Asia/Bangkok",
	"en": "America/New_York", // an English page on .com/.org is most often American
}

// hostOf returns the lower-cased host of a URL without "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

// guessZone picks the zone of dates printed without an offset from the
// page's host (country TLD) and then its language; nil when neither says.
func guessZone(host, lang string) *time.Location {
	if i := strings.LastIndexByte(host, '.'); i >= 0 {
		tld := host[i+1:]
		// co.uk, com.au, com.tr…: the country is the last label anyway
		if name, ok := tldZones[tld]; ok {
			if loc, err := time.LoadLocation(name); err == nil {
				return loc
			}
		}
	}
	if lang != "" {
		base := strings.ToLower(lang)
		if i := strings.IndexAny(base, "-_"); i > 0 {
			base = base[:i]
		}
		if name, ok := langZones[base]; ok {
			if loc, err := time.LoadLocation(name); err == nil {
				return loc
			}
		}
	}
	return nil
}
