package fetch

import (
	"bytes"
	"mime"
	"regexp"
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
// themselves overrule a declaration that cannot be right (valid UTF-8 with
// non-ASCII text declared as something else, or invalid UTF-8 declared as
// UTF-8), and decide between windows-1251, KOI8-R and windows-1252 when no
// declaration is usable. An XML prolog's encoding is rewritten to UTF-8 so
// that a parser does not decode the text twice. It never fails: bytes that
// fit no charset are kept, invalid sequences replaced by U+FFFD.
func ToUTF8(body []byte, contentType string) ([]byte, string) {
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		return body[3:], "utf-8"
	}
	if bytes.HasPrefix(body, []byte("\xff\xfe")) || bytes.HasPrefix(body, []byte("\xfe\xff")) {
		name := "utf-16le"
		if body[0] == 0xfe {
			name = "utf-16be"
		}
		if enc, err := htmlindex.Get(name); err == nil {
			if out, err := decode(enc, body[2:]); err == nil {
				return rewriteProlog(out), name
			}
		}
	}
	declared := declaredCharset(body, contentType)
	valid := utf8.Valid(body)
	switch {
	case valid && (declared == "" || declared == "utf-8" || hasNonASCII(body)):
		// Real single-byte Cyrillic text is practically never valid UTF-8,
		// so valid UTF-8 with non-ASCII bytes wins over any declaration.
		return rewriteProlog(body), "utf-8"
	case declared != "" && declared != "utf-8":
		if enc, err := htmlindex.Get(declared); err == nil {
			if out, err := decode(enc, body); err == nil {
				return rewriteProlog(out), declared
			}
		}
	}
	name, enc := sniffSingleByte(body)
	out, err := decode(enc, body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	return rewriteProlog(out), name
}

func decode(enc encoding.Encoding, b []byte) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	return out, err
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

var (
	xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']`)
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)`)
)

// declaredCharset returns the canonical name of the charset the document
// declares ("" when none or unknown).
func declaredCharset(body []byte, contentType string) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if cs := canonical(params["charset"]); cs != "" {
				return cs
			}
		}
	}
	head := body
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return canonical(string(m[1]))
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return canonical(string(m[1]))
	}
	return ""
}

func canonical(label string) string {
	label = strings.TrimSpace(label)
	if label == "" {
		return ""
	}
	_, name := charset.Lookup(label)
	return name
}

// sniffSingleByte picks the single-byte charset that makes the most Russian
// sense of the bytes. Russian text is mostly lower case: windows-1251 puts
// lower-case Cyrillic at 0xE0–0xFF, KOI8-R at 0xC0–0xDF; text with few such
// bytes is taken as windows-1252.
func sniffSingleByte(b []byte) (string, encoding.Encoding) {
	var c0, e0, high int
	for _, c := range b {
		switch {
		case c >= 0xE0:
			e0++
		case c >= 0xC0:
			c0++
		}
		if c >= 0x80 {
			high++
		}
	}
	if c0+e0 < high/2 {
		return "windows-1252", charmap.Windows1252
	}
	if c0 > e0 {
		return "koi8-r", charmap.KOI8R
	}
	return "windows-1251", charmap.Windows1251
}

// rewriteProlog makes an XML prolog (if any) declare UTF-8.
func rewriteProlog(b []byte) []byte {
	m := xmlEncoding.FindSubmatchIndex(b)
	if m == nil {
		return b
	}
	if strings.EqualFold(string(b[m[2]:m[3]]), "utf-8") {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, b[m[3]:]...)
}
