package news

import (
	"strings"
	"time"
	_ "time/tzdata" // ET, CT, MT and PT load on machines without a zoneinfo database
)

// This file is the one table of the words dates are printed with: zone
// abbreviations and month names. The feed parser and the article-page
// parser both read dates through it.

// zoneOffsets maps lower-case zone abbreviations to their offsets in
// seconds east of UTC. Go's time.Parse would give an abbreviation it does
// not know a zero offset (MSK would be read as UTC); these are mapped
// instead. Where an abbreviation has several readings, the one of the
// outlets syndic reads (Russian, Caucasus, Middle East, international
// media) is kept: AST is Arabia Standard Time (+3), not Atlantic (−4); AMT
// is Armenia Time (+4), not Amazon (−4); IST is India (+5:30), not Irish or
// Israel; GST is Gulf (+4); BST is British Summer Time; CST is US Central,
// not China. Page text is read in lower case, so no abbreviation here may
// be a word that follows a time in prose ("at 10:30 met with", "11:28 West
// Bank"): MET and WEST are left out.
var zoneOffsets = map[string]int{
	"ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
	"bst": 1 * 3600, "cet": 1 * 3600, "wat": 1 * 3600,
	"cest": 2 * 3600, "mest": 2 * 3600, "eet": 2 * 3600, "kalt": 2 * 3600, "sast": 2 * 3600, "cat": 2 * 3600,
	"eest": 3 * 3600, "msk": 3 * 3600, "мск": 3 * 3600, "fet": 3 * 3600, "trt": 3 * 3600, "eat": 3 * 3600, "ast": 3 * 3600,
	"msd": 4 * 3600, "samt": 4 * 3600, "azt": 4 * 3600, "get": 4 * 3600, "gst": 4 * 3600, "amt": 4 * 3600,
	"azst": 5 * 3600, "yekt": 5 * 3600, "uzt": 5 * 3600, "tjt": 5 * 3600, "tmt": 5 * 3600, "pkt": 5 * 3600, "ist": 5*3600 + 1800,
	"yekst": 6 * 3600, "omst": 6 * 3600, "kgt": 6 * 3600,
	"novt": 7 * 3600, "krat": 7 * 3600, "ict": 7 * 3600, "wib": 7 * 3600,
	"irkt": 8 * 3600, "hkt": 8 * 3600, "sgt": 8 * 3600, "awst": 8 * 3600, "pht": 8 * 3600,
	"yakt": 9 * 3600, "jst": 9 * 3600, "kst": 9 * 3600,
	"vlat": 10 * 3600, "aest": 10 * 3600,
	"magt": 11 * 3600, "sakt": 11 * 3600, "sret": 11 * 3600, "aedt": 11 * 3600,
	"pett": 12 * 3600, "anat": 12 * 3600, "nzst": 12 * 3600, "nzdt": 13 * 3600,
	"adt": -3 * 3600, "brt": -3 * 3600, "art": -3 * 3600, "edt": -4 * 3600,
	"est": -5 * 3600, "cdt": -5 * 3600, "cst": -6 * 3600, "mdt": -6 * 3600,
	"mst": -7 * 3600, "pdt": -7 * 3600, "pst": -8 * 3600, "akdt": -8 * 3600,
	"akst": -9 * 3600, "hst": -10 * 3600,
}

// regionZones are the abbreviations that name a region rather than an
// offset ("6:46 pm ET"): their offset depends on the date.
var regionZones = map[string]string{
	"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles",
}

// ZoneAbbrev returns the zone a printed abbreviation stands for ("MSK",
// "мск", "EST", "ET"; any case): a fixed offset named by the abbreviation,
// time.UTC for the zero-offset ones, or the region's zone for ET, CT, MT
// and PT. It reports false for an abbreviation it does not know, which is
// never read as UTC.
func ZoneAbbrev(abbr string) (*time.Location, bool) {
	a := strings.ToLower(abbr)
	if off, ok := zoneOffsets[a]; ok {
		if off == 0 {
			return time.UTC, true
		}
		return time.FixedZone(strings.ToUpper(a), off), true
	}
	if name, ok := regionZones[a]; ok {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc, true
		}
	}
	return nil, false
}

// monthNames lists month names (nominative, genitive and common
// abbreviations) in the languages news pages and feeds are written in;
// index i is month i+1. Abbreviations are derived from these by prefix
// (see MonthOf).
var monthNames = [][12]string{
	{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
	{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
	{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},
	{"січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"},
	{"студзеня", "лютага", "сакавіка", "красавіка", "мая", "чэрвеня", "ліпеня", "жніўня", "верасня", "кастрычніка", "лістапада", "снежня"},
	{"януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември", "декември"},
	{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
	{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
	{"jänner", "feber", "maerz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
	{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	{"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"},
	{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
	{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
	{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
	{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"},
	{"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"},
	{"január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"},
	{"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"},
	{"sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"},
	{"janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris"},
	{"jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september", "oktoober", "november", "detsember"},
	{"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"},
	{"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"},
	{"januar", "februar", "mart", "april", "maj", "juni", "juli", "august", "septembar", "oktobar", "novembar", "decembar"},
	{"siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza", "rujna", "listopad", "studenoga", "prosinca"},
	{"јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар", "децембар"},
	{"janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nëntor", "dhjetor"},
	{"yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"},
	{"ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"},
	{"հունվարի", "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի", "սեպտեմբերի", "հոկտեմբերի", "նոյեմբերի", "դեկտեմբերի"},
	{"იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი", "აგვისტო", "სექტემბერი", "ოქტომბერი", "ნოემბერი", "დეკემბერი"},
	{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	{"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"},
	{"جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	{"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"},
	{"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"},
	{"জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"},
	{"januari", "februari", "machi", "aprili", "mei", "juni", "julai", "agosti", "septemba", "oktoba", "novemba", "desemba"},
	{"tháng một", "tháng hai", "tháng ba", "tháng tư", "tháng năm", "tháng sáu", "tháng bảy", "tháng tám", "tháng chín", "tháng mười", "tháng mười một", "tháng mười hai"},
	{"januwari", "pebrero", "marso", "abril", "mayo", "hunyo", "hulyo", "agosto", "setyembre", "oktubre", "nobyembre", "disyembre"},
	{"qantar", "fevral", "naurız", "säuir", "mamır", "mausım", "şilde", "tamız", "qırküyek", "qazan", "qaraşa", "jeltoqsan"},
	{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
}

// monthAbbrevs are the short forms that must map even where a prefix of
// another language's name would clash.
var monthAbbrevs = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
	"сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}

// monthWords maps a lower-cased month word or unambiguous prefix (three
// letters or more) to its month.
var monthWords = buildMonthWords()

func buildMonthWords() map[string]time.Month {
	full := map[string]time.Month{}
	for _, lang := range monthNames {
		for i, name := range lang {
			if prev, ok := full[name]; ok && prev != time.Month(i+1) {
				continue // the first language listed wins a clash
			}
			full[name] = time.Month(i + 1)
		}
	}
	prefix := map[string]time.Month{}
	clash := map[string]bool{}
	for name, m := range full {
		if strings.Contains(name, " ") {
			continue
		}
		r := []rune(name)
		for n := 3; n < len(r); n++ {
			p := string(r[:n])
			if prev, ok := prefix[p]; ok && prev != m {
				clash[p] = true
			}
			prefix[p] = m
		}
	}
	out := map[string]time.Month{}
	for p, m := range prefix {
		if !clash[p] {
			out[p] = m
		}
	}
	for name, m := range full {
		out[name] = m
	}
	for a, m := range monthAbbrevs {
		out[a] = m
	}
	return out
}

// multiWordMonths are the month names made of two words (Levantine Arabic,
// Vietnamese) and the one-word token JoinMonthWords makes of each, longest
// first so that "tháng mười một" is replaced before "tháng mười".
var multiWordMonths = func() [][2]string {
	var out [][2]string
	for _, lang := range monthNames {
		for _, name := range lang {
			if strings.Contains(name, " ") {
				out = append(out, [2]string{name, strings.ReplaceAll(name, " ", "_")})
			}
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j][0]) > len(out[j-1][0]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

// MonthOf returns the month a word names in any of the languages of the
// table: a full name (nominative or genitive), an abbreviation, or a prefix
// of three letters or more that belongs to one month only; case and a
// final dot are ignored, and "_" stands for the space of a two-word name
// (see JoinMonthWords). It returns 0 when the word names no month.
func MonthOf(word string) time.Month {
	w := strings.TrimSuffix(strings.ToLower(word), ".")
	if m, ok := monthWords[w]; ok {
		return m
	}
	if strings.Contains(w, "_") {
		if m, ok := monthWords[strings.ReplaceAll(w, "_", " ")]; ok {
			return m
		}
	}
	return 0
}

// JoinMonthWords returns the lower-case text s with the space inside every
// two-word month name ("tháng mười một", "كانون الثاني") replaced by "_",
// so that a tokeniser sees one word that MonthOf reads.
func JoinMonthWords(s string) string {
	for _, mw := range multiWordMonths {
		if strings.Contains(s, mw[0]) {
			s = strings.ReplaceAll(s, mw[0], mw[1])
		}
	}
	return s
}
