package quote

import (
	"compress/gzip"
	"encoding/csv"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fixtureDir holds the project's own copies of the fixtures these tests
// read (listed in testdata/SOURCES.tsv).
const fixtureDir = "../../testdata/quotes"

var (
	flatBreak = regexp.MustCompile(`([.!?»"…:])n([А-ЯЁA-Z«"—–-])`)
	paraTag   = regexp.MustCompile(`(?s)<p>(.*?)</p>`)
	anyTag    = regexp.MustCompile(`<[^>]+>`)
)

// fixtureArticles returns the article texts of a fixture file, as Find takes
// them (paragraphs separated by blank lines): a .txt is one article; an ODS
// corpus .csv.gz gives one per row, its paragraph breaks (flattened to a
// literal "n") restored; a contest page .html gives its <p> texts.
func fixtureArticles(tb testing.TB, name string) []string {
	tb.Helper()
	path := filepath.Join(fixtureDir, name)
	if strings.HasSuffix(name, ".html") {
		// contest pages are shared with the extractor's tests
		path = filepath.Join("../../testdata/pages/tgcontest2019", name)
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open fixture: %v", err)
	}
	defer f.Close()
	switch {
	case strings.HasSuffix(name, ".csv.gz"):
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatalf("read %s: %v", name, err)
		}
		r := csv.NewReader(zr)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			tb.Fatalf("read %s: %v", name, err)
		}
		col := -1
		for i, h := range rows[0] {
			if h == "text" {
				col = i
			}
		}
		var out []string
		for _, row := range rows[1:] {
			if col < len(row) {
				out = append(out, flatBreak.ReplaceAllString(row[col], "$1\n\n$2"))
			}
		}
		return out
	case strings.HasSuffix(name, ".html"):
		b, err := io.ReadAll(f)
		if err != nil {
			tb.Fatalf("read %s: %v", name, err)
		}
		var ps []string
		for _, m := range paraTag.FindAllStringSubmatch(string(b), -1) {
			if p := strings.TrimSpace(html.UnescapeString(anyTag.ReplaceAllString(m[1], ""))); p != "" {
				ps = append(ps, p)
			}
		}
		return []string{strings.Join(ps, "\n\n")}
	default:
		b, err := io.ReadAll(f)
		if err != nil {
			tb.Fatalf("read %s: %v", name, err)
		}
		return []string{string(b)}
	}
}

// allFixtureArticles returns every article of the fixtures.
func allFixtureArticles(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, n := range []string{"corus_ods_gazeta.csv.gz", "corus_ods_interfax.csv.gz", "corus_ods_iz.csv.gz",
		"corus_ods_meduza.csv.gz", "corus_ods_ria.csv.gz", "corus_ods_rt.csv.gz", "corus_ods_tass-001.csv.gz",
		"sputniknews.com__967333869218074592.html", "sputniknews.com__967333867846757918.html",
		"en-cbc-1.txt", "en-telegraph-1.txt"} {
		out = append(out, fixtureArticles(tb, n)...)
	}
	return out
}

// adaqSentence is one sentence of the ADAQ Russian attribution set: its
// text, its first cue word and its source words as annotated.
type adaqSentence struct {
	id, text, cue, source string
}

// readADAQ reads the ADAQ sentences and their token annotation.
func readADAQ(tb testing.TB) []adaqSentence {
	tb.Helper()
	rows := func(name string) [][]string {
		b, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			tb.Fatalf("read fixture: %v", err)
		}
		var out [][]string
		for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
			if i > 0 {
				out = append(out, strings.Split(line, "\t"))
			}
		}
		return out
	}
	var sents []adaqSentence
	byID := map[string]int{}
	for _, r := range rows("adaq_ru_sentences.tsv") {
		if len(r) == 2 {
			byID[r[1]] = len(sents)
			sents = append(sents, adaqSentence{id: r[1], text: r[0]})
		}
	}
	for _, r := range rows("adaq_ru_tokens.tsv") {
		if len(r) < 5 {
			continue
		}
		k, ok := byID[r[2]]
		if !ok {
			continue
		}
		switch r[4] {
		case "cue":
			if sents[k].cue == "" {
				sents[k].cue = r[1]
			}
		case "source":
			if sents[k].source != "" {
				sents[k].source += " "
			}
			sents[k].source += r[1]
		}
	}
	return sents
}
