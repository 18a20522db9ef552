package fetch

import (
	"bytes"
	"mime"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// ToUTF8 converts a document to UTF-8 and returns the name of the charset it
// was read as. The charset comes, in order, from a byte-order mark, the HTTP
// Content-Type, the XML prolog or an HTML <meta> in the first 4 KB; the bytes
// themselves overrule a declaration that cannot be right: (nearly) valid
// UTF-8 with non-ASCII text is read as UTF-8 whatever it declares, invalid
// UTF-8 declared as UTF-8 is read as the next declaration or sniffed, and
// Cyrillic-looking bytes declared as a Latin charset (a common server
// default) are read as the document's own Cyrillic declaration or sniffed.
// Sniffing decides between windows-1251, KOI8-R and windows-1252. An XML
// prolog is left as it was: the feed parser reads valid UTF-8 as UTF-8
// whatever its prolog says (feed.Parse). It never fails and always returns
// valid UTF-8: bytes that fit no charset are kept, invalid sequences
// replaced by U+FFFD.
func ToUTF8(body []byte, contentType string) ([]byte, string) {
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		return bytes.ToValidUTF8(body[3:], []byte("\uFFFD")), "utf-8"
	}
	if bytes.HasPrefix(body, []byte("\xff\xfe")) || bytes.HasPrefix(body, []byte("\xfe\xff")) {
		name := "utf-16le"
		if body[0] == 0xfe {
			name = "utf-16be"
		}
		if enc, err := htmlindex.Get(name); err == nil {
			if out, err := decode(enc, body[2:]); err == nil {
				return bytes.ToValidUTF8(out, []byte("\uFFFD")), name
			}
		}
	}
	decls := declaredCharsets(body, contentType)
	multi, bad := utf8Stats(body)
	switch {
	case bad == 0 && multi > 0, bad == 0 && (len(decls) == 0 || decls[0] == "utf-8"):
		// Real single-byte Cyrillic text is practically never valid
		// UTF-8, so valid UTF-8 with non-ASCII bytes wins over any
		// declaration.
		return unMojibake(body), "utf-8"
	case bad == 0:
		// ASCII declared as something else: decode (7-bit charsets
		// such as ISO-2022-JP need it; for the others it is a copy).
		if out, ok := decodeAs(decls[0], body); ok {
			return out, decls[0]
		}
		return body, "utf-8"
	case multi > 0 && bad*10 <= multi:
		// UTF-8 with a few stray bytes (a cut-off character, one
		// pasted windows-1252 quote): keep it UTF-8.
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	sniffed, cyrillic := sniffSingleByte(body)
	name := ""
	for _, d := range decls {
		if d == "utf-8" || (cyrillic && isLatin(d)) {
			continue
		}
		name = d
		break
	}
	if name == "" {
		name = sniffed
	}
	if out, ok := decodeAs(name, body); ok {
		return out, name
	}
	out, _ := decodeAs(sniffed, body)
	return out, sniffed
}

// decodeAs decodes b from the named charset into valid UTF-8.
func decodeAs(name string, b []byte) ([]byte, bool) {
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, false
	}
	out, err := decode(enc, b)
	if err != nil {
		return nil, false
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), true
}

// utf8Stats counts the valid multi-byte sequences and the bytes that are
// not valid UTF-8.
func utf8Stats(b []byte) (multi, bad int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return multi, bad
}

// isLatin reports whether a canonical charset name is a single-byte
// charset for Latin script, the kind servers declare by default.
func isLatin(name string) bool {
	switch name {
	case "windows-1252", "iso-8859-2", "iso-8859-15", "windows-1250", "macintosh", "iso-8859-3", "iso-8859-4":
		return true
	}
	return false
}

func decode(enc encoding.Encoding, b []byte) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	return out, err
}

var (
	xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']`)
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)`)
)

// declaredCharsets returns the canonical names of the charsets the document
// declares, most authoritative first: the Content-Type, then the XML prolog
// or the HTML <meta> in the first 4 KB. Unknown labels are left out.
func declaredCharsets(body []byte, contentType string) []string {
	var out []string
	add := func(label string) {
		if cs := canonical(label); cs != "" && !slices.Contains(out, cs) {
			out = append(out, cs)
		}
	}
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			add(params["charset"])
		}
	}
	head := body
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		add(string(m[1]))
	} else if m := metaCharset.FindSubmatch(head); m != nil {
		add(string(m[1]))
	}
	return out
}

func canonical(label string) string {
	label = strings.TrimSpace(label)
	if label == "" {
		return ""
	}
	_, name := charset.Lookup(label)
	return name
}

// sniffSingleByte picks the single-byte charset that makes the most sense
// of the bytes and reports whether it is Cyrillic. Cyrillic words are runs
// of bytes at 0x80 and above, while accented Latin letters stand alone
// between ASCII ones: when most high bytes sit in runs of three or more the
// text is taken as Cyrillic. Russian text is mostly lower case: windows-1251
// puts lower-case letters at 0xE0–0xFF (and ё at 0xB8), KOI8-R at 0xC0–0xDF
// (and ё at 0xA3); whichever reading gives more lower-case letters wins,
// windows-1251 on a tie.
func sniffSingleByte(b []byte) (string, bool) {
	var high, inRuns, run, lower1251, lowerKOI8 int
	flush := func() {
		if run >= 3 {
			inRuns += run
		}
		run = 0
	}
	for _, c := range b {
		if c < 0x80 {
			flush()
			continue
		}
		high++
		run++
		switch {
		case c >= 0xE0 || c == 0xB8:
			lower1251++
		case c >= 0xC0 || c == 0xA3:
			lowerKOI8++
		}
	}
	flush()
	if high == 0 || inRuns*2 < high {
		return "windows-1252", false
	}
	if lowerKOI8 > lower1251 {
		return "koi8-r", true
	}
	return "windows-1251", true
}

// unMojibake repairs UTF-8 that was read as windows-1252 (or Latin-1) and
// written out as UTF-8 again, once or twice: "FranÃ§ois", "itâ€™s" (a
// misconfigured CMS). In a run of characters that windows-1252 writes as
// bytes 0x80–0xFF, each stretch whose bytes are one valid UTF-8 character
// of two bytes or more that mojibake is made of (repaired) becomes that
// character; the others stay, so text a single-byte charset really wrote
// ("SÃO PAULO", "café»", "CAFÉ»") is kept.
func unMojibake(b []byte) []byte {
	for range 3 { // each pass undoes one round
		if !mojibakeLikely(b) {
			return b
		}
		out := make([]byte, 0, len(b))
		changed := false
		var run []byte // the run's bytes in windows-1252
		var at []int   // where each of them starts in b
		for i := 0; i < len(b); {
			run, at = run[:0], at[:0]
			j := i
			for j < len(b) {
				r, size := utf8.DecodeRune(b[j:])
				c, ok := cp1252Byte(r)
				if !ok {
					break
				}
				run, at = append(run, c), append(at, j)
				j += size
			}
			if j == i {
				_, size := utf8.DecodeRune(b[i:])
				out = append(out, b[i:i+size]...)
				i += size
				continue
			}
			at = append(at, j)
			for k := 0; k < len(run); {
				if r, size := utf8.DecodeRune(run[k:]); size >= 2 && repaired(r) {
					out = utf8.AppendRune(out, r)
					changed = true
					k += size
					continue
				}
				out = append(out, b[at[k]:at[k+1]]...)
				k++
			}
			i = j
		}
		if !changed {
			return b
		}
		b = out
	}
	return b
}

// repaired reports whether r is a character mojibake is made of: Latin-1
// and Latin Extended-A letters and signs, Russian and Ukrainian letters,
// punctuation, "№", and what windows-1252 has at 0x80–0x9F ("€", "™").
// ("CAFÉ»" would read as "CAFɻ": an IPA letter, so it stays.)
func repaired(r rune) bool {
	c, cp1252 := cp1252Byte(r) // ("ƒ", "ˆ", "˜": a second round's pieces)
	return r >= 0x80 && r <= 0x17F || r >= 0x400 && r <= 0x45F || r == 'Ґ' || r == 'ґ' ||
		r >= 0x2000 && r <= 0x206F || r == '№' || cp1252 && c <= 0x9F
}

// mojibakeLikely reports whether b holds a character that windows-1252
// writes as a UTF-8 lead byte ("Â" to "ô", 0xC3 0x82–0xB4 in UTF-8) right
// before one it writes as a continuation byte ("§", "¿", "€", "’"). It
// reads bytes only: most text has no 0xC3 at all.
func mojibakeLikely(b []byte) bool {
	for i := 0; ; {
		k := bytes.IndexByte(b[i:], 0xC3)
		if k < 0 {
			return false
		}
		i += k + 2
		if i >= len(b) {
			return false
		}
		if b[i-1] < 0x82 || b[i-1] > 0xB4 {
			continue
		}
		r, _ := utf8.DecodeRune(b[i:])
		if c, ok := cp1252Byte(r); ok && c <= 0xBF {
			return true
		}
	}
}

// cp1252Byte returns the byte windows-1252 (or, for C1 controls, Latin-1)
// writes r as, when it is 0x80 or above.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	if r < 0x152 || r > 0x2122 || r > 0x2DC && r < 0x2013 {
		return 0, false // (none windows-1252 has: Cyrillic is quickly passed)
	}
	return charmap.Windows1252.EncodeRune(r)
}
