package news

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPlainText(t *testing.T) {
	// input → paragraphs; PlainLine gives them on one line
	for in, want := range map[string]string{
		"":                     "",
		"  Простой\n\tтекст  ": "Простой текст",
		"&laquo;Кавычки&raquo; &amp; тире &mdash; да": "«Кавычки» & тире — да",
		"<b>Жирный</b> и <i>курсив</i>":               "Жирный и курсив",
		"Сло<b>во</b>":          "Слово",
		"<p>Один</p><p>Два</p>": "Один\n\nДва",
		"Строка<br>строка":      "Строка\n\nстрока",
		"<ul><li>a<li>b</ul>c":  "a\n\nb\n\nc",
		"a < b и c > d":         "a < b и c > d",
		"AT&T":                  "AT&T",
		"x<script>alert(1)</script>y<style>p{}</style>z":                     "xyz",
		"<svg><text>не текст</text></svg>Текст<button>Поделиться</button>":   "Текст",
		"<head><title>T</title><meta charset=utf-8><p>Тело":                  "Тело",
		"<html><head><title>T</title></head><body><p>Тело</p></body></html>": "Тело",
		"Новость\u00a0дня\u200b":                                             "Новость дня",
		"ctl\x00\x01\x1f\ufffe":                                              "ctl",
		"проинформиро&shy;вал гла\u00adва":                                   "проинформировал глава",
		"<p>ctl&#1;</p>": "ctl",
		"bad \xff utf-8": "bad utf-8",
		// from the RSS of oren.ru (node-feedparser_oren_ru_windows-1251_yandex.xml):
		// the feed escapes its entities twice; the XML parser undoes once.
		"музыкальной школы &#40;колледжа&#41; имени Гнесиных": "музыкальной школы (колледжа) имени Гнесиных",
		// Markup that appears once entities are decoded is removed, and
		// the entities it held are not decoded twice.
		"&lt;b&gt;Заголовок&lt;/b&gt; &amp;amp;":        "Заголовок &amp;",
		"&lt;p&gt;Один&lt;/p&gt;&lt;p&gt;Два&lt;/p&gt;": "Один\n\nДва",
		"&lt;script&gt;alert(1)&lt;/script&gt;Текст":    "Текст",
		"<<b>script>alert(1)<</b>/script>":              "",
		"Котировки <Газпрома> и a < b":                  "Котировки <Газпрома> и a < b",
	} {
		got, line := PlainText(in), PlainLine(in)
		if got != want || line != strings.ReplaceAll(want, "\n\n", " ") {
			t.Errorf("PlainText(%q) = %q and PlainLine %q, want %q", in, got, line, want)
		}
		if paras := strings.Join(slices.Collect(Paragraphs(in)), "\n\n"); paras != want {
			t.Errorf("Paragraphs(%q) = %q, want %q", in, paras, want)
		}
	}
}

// TestParagraphsStop: a reader that stops after the first paragraph (an
// excerpt) gets it, and no more.
func TestParagraphsStop(t *testing.T) {
	in := "<p>Один</p>&lt;p&gt;Два&lt;/p&gt;&lt;p&gt;Три&lt;/p&gt;<p>Четыре</p>"
	for n := 1; n <= 4; n++ {
		var got []string
		for p := range Paragraphs(in) {
			got = append(got, p)
			if len(got) == n {
				break
			}
		}
		if want := []string{"Один", "Два", "Три", "Четыре"}[:n]; !slices.Equal(got, want) {
			t.Errorf("first %d paragraphs = %q, want %q", n, got, want)
		}
	}
}

// TestPlainTextCodeSample: a blog post whose code samples show markup
// (milkleaks_turbo_undeclared_ns.xml.gz, "Сноски на полях"): the markup
// the sample shows is removed with the rest, since the result must hold
// none; its text stays.
func TestPlainTextCodeSample(t *testing.T) {
	in := `<figure class="highlight"><pre><code class="language-html" data-lang="html"><span class="nt">&lt;p</span> <span class="na">class=</span><span class="s">"aside"</span><span class="nt">&gt;</span>Текст сноски на полях.<span class="nt">&lt;/p&gt;</span></code></pre></figure>`
	if got, want := PlainText(in), "Текст сноски на полях."; got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}

// TestPlainTextHoldsNoMarkup: whatever the input, the result read as HTML
// holds no tag and no comment.
func TestPlainTextHoldsNoMarkup(t *testing.T) {
	for _, in := range []string{
		"<<<<<<<<<<b>b>b>b>b>b>b>b>b>b>x",
		"&lt;&lt;b&gt;script&gt;alert(1)&lt;/b&gt;",
		"<!-- <b> -->x<!--->y",
		"</ x>y",
		"<xmp><img src=x onerror=alert(1)></xmp>",
		"<plaintext><b>x",
		"&amp;lt;b&amp;gt;x",
		"<textarea><script>alert(1)</script></textarea>",
		"<title>&lt;img src=x onerror=alert(1)&gt;</title>",
	} {
		for _, got := range []string{PlainText(in), PlainLine(in)} {
			if holdsMarkup(got) {
				t.Errorf("PlainText(%q) = %q holds markup", in, got)
			}
		}
	}
}

func FuzzPlainText(f *testing.F) {
	f.Add("<p>Один &amp; <b>два</b></p><script>x</script>")
	f.Add("&lt;&lt;b&gt;script&gt;")
	f.Fuzz(func(t *testing.T, in string) {
		got := PlainText(in)
		if paras := strings.Join(slices.Collect(Paragraphs(in)), "\n\n"); paras != got {
			t.Errorf("Paragraphs(%q) = %q, PlainText %q", in, paras, got)
		}
		if holdsMarkup(got) {
			t.Errorf("PlainText(%q) = %q holds markup", in, got)
		}
		for _, r := range got {
			if r < 0x20 && r != '\n' || r == 0xFFFE || r == 0xFFFF {
				t.Errorf("PlainText(%q) = %q holds %U", in, got, r)
			}
		}
	})
}

// holdsMarkup reports whether s, read as HTML, holds a tag or a comment.
func holdsMarkup(s string) bool {
	z := html.NewTokenizer(strings.NewReader(s))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.TextToken {
			return true
		}
	}
	return false
}
