package fetch

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const feedsDir = "../../testdata/feeds"

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(feedsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// singleByteFixtures are the real (and two synthetic) Cyrillic feeds, with
// the charset they are written in and a phrase that must come out intact.
var singleByteFixtures = []struct {
	file    string
	charset string
	want    string
}{
	{"miniflux_ibash_windows-1251.xml", "windows-1251", "<title>Цитата #17703</title>"},
	{"node-feedparser_oren_ru_windows-1251_yandex.xml", "windows-1251", "В Бузулуке главные стройплощадки – детсад и Ледовый дворец"},
	{"feedparser_koi8r_nodecl.xml", "koi8-r", "<title>Как пережить новогоднюю ночь</title>"},
	{"miniflux_koi8r_synthetic.xml", "koi8-r", "Привет мир! Ёжик, чай"},
	{"gofeed_dsh2dsh_atom_koi8r.xml", "koi8-r", "<title>Раз два три, ёлочка - гори!</title>"},
}

var prologEncoding = regexp.MustCompile(`\s+encoding="[^"]*"`)

// withoutDeclaration removes the encoding from the XML prolog.
func withoutDeclaration(b []byte) []byte { return prologEncoding.ReplaceAll(b, nil) }

// declaredAs makes the XML prolog declare cs (adding a prolog if none).
func declaredAs(b []byte, cs string) []byte {
	b = withoutDeclaration(b)
	if bytes.HasPrefix(b, []byte("<?xml")) {
		return bytes.Replace(b, []byte("<?xml version=\"1.0\""), []byte(`<?xml version="1.0" encoding="`+cs+`"`), 1)
	}
	return append([]byte(`<?xml version="1.0" encoding="`+cs+`"?>`+"\n"), b...)
}

func TestToUTF8Fixtures(t *testing.T) {
	variants := []struct {
		name        string
		body        func(b []byte, cs string) []byte
		contentType func(cs string) string
	}{
		{"as published", func(b []byte, _ string) []byte { return b }, func(string) string { return "" }},
		{"header only", func(b []byte, _ string) []byte { return withoutDeclaration(b) }, func(cs string) string { return "application/rss+xml; charset=" + cs }},
		{"prolog only", declaredAs, func(string) string { return "text/xml" }},
		{"no declaration", func(b []byte, _ string) []byte { return withoutDeclaration(b) }, func(string) string { return "text/xml" }},
		{"header wrongly utf-8, prolog right", declaredAs, func(string) string { return "text/xml; charset=utf-8" }},
		{"header wrongly utf-8, no prolog", func(b []byte, _ string) []byte { return withoutDeclaration(b) }, func(string) string { return "text/xml; charset=UTF-8" }},
		{"prolog wrongly utf-8", func(b []byte, _ string) []byte { return declaredAs(b, "UTF-8") }, func(string) string { return "" }},
		{"server default latin-1, prolog right", declaredAs, func(string) string { return "text/xml; charset=ISO-8859-1" }},
	}
	for _, fx := range singleByteFixtures {
		raw := readFixture(t, fx.file)
		for _, v := range variants {
			t.Run(fx.file+"/"+v.name, func(t *testing.T) {
				body := v.body(bytes.Clone(raw), fx.charset)
				got, cs := ToUTF8(body, v.contentType(fx.charset))
				if cs != fx.charset {
					t.Errorf("charset = %q, want %q", cs, fx.charset)
				}
				if !utf8.Valid(got) {
					t.Fatal("result is not valid UTF-8")
				}
				if !strings.Contains(string(got), fx.want) {
					t.Errorf("result lacks %q; starts %.300q", fx.want, got)
				}
			})
		}
	}
}

func TestToUTF8(t *testing.T) {
	cp1251 := func(s string) []byte {
		b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16le := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
		charset     string
	}{
		{"empty", nil, "", "", "utf-8"},
		{"ascii", []byte("<rss>ok</rss>"), "", "<rss>ok</rss>", "utf-8"},
		{"utf-8 declared latin in header", []byte("<p>Привет</p>"), "text/html; charset=iso-8859-1", "<p>Привет</p>", "utf-8"},
		{"utf-8 BOM and a wrong prolog", []byte("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>Привет</rss>"), "",
			`<?xml version="1.0" encoding="windows-1251"?><rss>Привет</rss>`, "utf-8"},
		{"utf-16 BOM", utf16le(`<?xml version="1.0" encoding="UTF-16"?><rss>Привет</rss>`), "",
			`<?xml version="1.0" encoding="UTF-16"?><rss>Привет</rss>`, "utf-16le"},
		{"utf-8 with one stray byte", append([]byte("<p>Новости дня: Москва, Санкт-Петербург и регионы"), 0xff, '<', '/', 'p', '>'), "",
			"<p>Новости дня: Москва, Санкт-Петербург и регионы\uFFFD</p>", "utf-8"},
		{"meta charset", append([]byte(`<html><head><meta charset="windows-1251"></head><body>`), cp1251("Новости")...), "",
			`<html><head><meta charset="windows-1251"></head><body>Новости`, "windows-1251"},
		{"late meta, sniffed", append(append([]byte("<html><body>"), cp1251("Новости дня и главные события")...), "</body></html>"...), "text/html",
			"<html><body>Новости дня и главные события</body></html>", "windows-1251"},
		{"capitalised words sniffed", cp1251("ПРАВИТЕЛЬСТВО Москвы сообщило о новом решении"), "",
			"ПРАВИТЕЛЬСТВО Москвы сообщило о новом решении", "windows-1251"},
		{"latin-1 french", []byte("<p>Le caf\xe9 de la gare \xe0 Paris, d\xe9j\xe0 ferm\xe9</p>"), "",
			"<p>Le café de la gare à Paris, déjà fermé</p>", "windows-1252"},
		{"unknown label", append([]byte(`<?xml version="1.0" encoding="x-nonsense"?><rss>`), cp1251("Новости и события дня")...), "",
			`<?xml version="1.0" encoding="x-nonsense"?><rss>Новости и события дня`, "windows-1251"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs := ToUTF8(tt.body, tt.contentType)
			if string(got) != tt.want || cs != tt.charset {
				t.Errorf("ToUTF8 = %q, %q; want %q, %q", got, cs, tt.want, tt.charset)
			}
		})
	}
}

func FuzzToUTF8(f *testing.F) {
	for _, fx := range singleByteFixtures {
		b := readFixture(f, fx.file)
		if len(b) > 2048 {
			b = b[:2048]
		}
		f.Add(b, "")
	}
	f.Add([]byte("\xef\xbb\xbf<?xml version='1.0' encoding='koi8-r'?><a/>"), "text/xml; charset=utf-8")
	f.Add([]byte("\xff\xfe<\x00a\x00>\x00"), "")
	f.Add([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=cp1251">`), "text/html; charset=")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		got, cs := ToUTF8(body, contentType)
		if !utf8.Valid(got) {
			t.Errorf("ToUTF8(%q, %q) = %q (%s): not valid UTF-8", body, contentType, got, cs)
		}
		if cs == "" {
			t.Error("empty charset name")
		}
	})
}

// garble writes UTF-8 text as a misconfigured CMS does: its bytes read as
// windows-1252 (bytes that charset leaves undefined as Latin-1) and written
// out as UTF-8 again.
func garble(b []byte) []byte {
	var out []byte
	for _, c := range b {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// TestToUTF8RepairsMojibake: real feeds in Russian (Lenta.ru) and German
// (WDR), garbled once ("Ð¿Ñ€Ð¸", "fÃ¼r") or twice, come back as they
// were published; text that only looks alike stays as written.
func TestToUTF8RepairsMojibake(t *testing.T) {
	for _, name := range []string{"lenta_rss_2022-12-03.xml", "podfetch_wdr_1live_audio.xml"} {
		raw := readFixture(t, name)
		for rounds := 1; rounds <= 2; rounds++ {
			body := raw
			for range rounds {
				body = garble(body)
			}
			got, cs := ToUTF8(body, "text/xml; charset=utf-8")
			if cs != "utf-8" || !bytes.Equal(got, raw) {
				i := 0
				for i < min(len(got), len(raw)) && got[i] == raw[i] {
					i++
				}
				t.Errorf("%s garbled %d times: charset %q, first difference at byte %d: %.60q, want %.60q", name, rounds, cs, i, got[i:], raw[i:])
			}
		}
	}
	for _, s := range []string{"SÃO PAULO", "«CAFÉ»", "CHÂTEAU", "naïve café», déjà vu", "Ñandú — “quoted”"} {
		if got, _ := ToUTF8([]byte(s), ""); string(got) != s {
			t.Errorf("ToUTF8(%q) = %q, want it unchanged", s, got)
		}
	}
}
