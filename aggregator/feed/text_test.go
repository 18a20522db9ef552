package feed

import (
	"strings"
	"testing"
)

func TestToHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"<p>Уже HTML</p>", "<p>Уже HTML</p>"},
		{"Текст<br />с переносом", "Текст<br />с переносом"},
		{"Один абзац.", "<p>Один абзац.</p>"},
		{"Первый.\n\n  Второй & третий.\r\n", "<p>Первый.</p>\n<p>Второй &amp; третий.</p>"},
		{"Цитата &quot;так&quot;", "<p>Цитата &#34;так&#34;</p>"},
		{"a < b", "<p>a &lt; b</p>"},
	}
	for _, tt := range tests {
		if got := toHTML(tt.in); got != tt.want {
			t.Errorf("toHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPersonName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Иван Иванов", "Иван Иванов"},
		{"ivanov@example.ru (Иван Иванов)", "Иван Иванов"},
		{"Иван Иванов <ivanov@example.ru>", "Иван Иванов"},
		{"Иван Иванов (ivanov@example.ru)", "Иван Иванов"},
		{"ivanov@example.ru", ""},
		{"mailto:ivanov@example.ru", ""},
		{`"Иван Иванов"`, "Иван Иванов"},
		{"  Иван\n Иванов ", "Иван Иванов"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := personName(tt.in); got != tt.want {
			t.Errorf("personName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrescan(t *testing.T) {
	tests := []struct {
		name, doc string
		max       int
		root      string
		items     int
		out       string // "" when unchanged
	}{
		{"rss", `<rss><channel><item>1</item><item>2</item></channel></rss>`, 10, "rss", 2, ""},
		{"cut", "<rss><channel><item>1</item>\n<item>2</item>\n<item/>\n</channel></rss>", 1, "rss", 3, "<rss><channel><item>1</item>\n\n</channel></rss>"},
		{"atom", `<feed><entry>1</entry><entry>2</entry></feed>`, 1, "feed", 2, `<feed><entry>1</entry></feed>`},
		{"rdf", `<rdf:RDF><channel><items><rdf:Seq><rdf:li/></rdf:Seq></items></channel><item>1</item></rdf:RDF>`, 10, "rdf:RDF", 1, ""},
		{"nested items count once", `<rss><channel><item><media:group><item>x</item></media:group></item></channel></rss>`, 10, "rss", 1, ""},
		{"comments, CDATA, PIs", `<?xml version="1.0"?><!-- <item> --><rss><?pi <item>?><channel><item><![CDATA[</item><item>]]></item></channel></rss>`, 10, "rss", 1, ""},
		{"doctype with subset", `<!DOCTYPE rss [<!ENTITY x "<item>">]><rss><channel><item/></channel></rss>`, 10, "rss", 1, ""},
		{"quoted >", `<rss><channel><item a="x>y"><title b='>'>t</title></item></channel></rss>`, 10, "rss", 1, ""},
		{"upper case", `<RSS><CHANNEL><ITEM>1</ITEM><ITEM>2</ITEM></CHANNEL></RSS>`, 1, "RSS", 2, `<RSS><CHANNEL><ITEM>1</ITEM></CHANNEL></RSS>`},
		{"truncated", `<rss><channel><item>1</item><item>2`, 1, "rss", 2, ""},
		{"html", `<!DOCTYPE html><html><body></body></html>`, 10, "html", 0, ""},
		{"no tags", `just text`, 10, "", 0, ""},
		{"lone <", `<rss>a < b <3 <</rss>`, 10, "rss", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := prescan([]byte(tt.doc), tt.max)
			want := tt.out
			if want == "" {
				want = tt.doc
			}
			if sc.root != tt.root || sc.items != tt.items || string(sc.out) != want {
				t.Errorf("prescan = root %q, %d items, out %q", sc.root, sc.items, sc.out)
			}
		})
	}
	if sc := prescan([]byte(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"><HTML>`), 1); !strings.HasPrefix(sc.doctype, "<!doctype html") {
		t.Errorf("doctype = %q", sc.doctype)
	}
}

func TestFeedStart(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"<rss>", 0},
		{"junk <?xml version='1.0'?><rss>", 5},
		{"<feedback/><feed>", 11},
		{"<rssfoo><rss\n>", 8},
		{"nothing", -1},
	}
	for _, tt := range tests {
		if got := feedStart([]byte(tt.in)); got != tt.want {
			t.Errorf("feedStart(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
