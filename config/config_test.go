package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDefaultFeedsYAMLIsValid(t *testing.T) {
	cfg, err := Load("../feeds.yaml")
	if err != nil {
		t.Fatalf("the shipped feeds.yaml must be valid:\n%v", err)
	}
	want := map[string]bool{"region": false, "politics": false, "world": false, "economy": false, "all": false}
	for _, s := range cfg.Sections {
		if _, ok := want[s.ID]; ok {
			want[s.ID] = true
		}
	}
	for id, ok := range want {
		if !ok {
			t.Errorf("section %q missing", id)
		}
	}
	for _, name := range []string{"tass", "ria", "interfax", "kommersant", "lenta", "rbc", "meduza", "izvestia", "rt", "caliber"} {
		if _, ok := cfg.Source(name); !ok {
			t.Errorf("source %q missing", name)
		}
	}
	cal, _ := cfg.Source("caliber")
	if n := cal.News(); !n.Attribution.Required || n.Attribution.Link != "https://caliber.az" {
		t.Errorf("caliber attribution = %+v", n.Attribution)
	}
	if got := cal.Location().String(); got != "Asia/Baku" {
		t.Errorf("caliber zone = %s", got)
	}
}

const good = `
database: test.db
listen: 127.0.0.1:9000
sections:
  - id: region
    title: REGION
  - id: all
sources:
  - id: lenta
    name: Lenta.ru
    url: https://lenta.ru/rss/news
    sections:
      - all
      - {id: region, categories: [Бывший СССР]}
    interval: 2m
    allow_private: true
fetch:
  max_bytes: 512KB
`

func TestParseGood(t *testing.T) {
	cfg, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.Sources[0]
	if s.Interval.D() != 2*time.Minute || !s.AllowPrivate || s.Republish != "full" {
		t.Errorf("source = %+v", s)
	}
	if len(s.Sections) != 2 || s.Sections[0].ID != "all" || s.Sections[1].Categories[0] != "Бывший СССР" {
		t.Errorf("sections = %+v", s.Sections)
	}
	if cfg.Fetch.MaxBytes != 512<<10 || cfg.Fetch.Timeout.D() != DefaultTimeout {
		t.Errorf("fetch = %+v", cfg.Fetch)
	}
	if cfg.Sections[1].Title != "all" {
		t.Errorf("untitled section gets its id as title, got %q", cfg.Sections[1].Title)
	}
	if got := cfg.PublicBase(); got != "http://127.0.0.1:9000" {
		t.Errorf("PublicBase = %q", got)
	}
	if got := s.News().Attribution.Link; got != "https://lenta.ru" {
		t.Errorf("default attribution link = %q", got)
	}
}

func TestParseErrorsNamePlaceAndField(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // each must appear in one error line
	}{
		{"unknown top-level key", "datbase: x\n" + good[1:],
			[]string{`bad.yaml:1:1: datbase: unknown key "datbase"`}},
		{"unknown nested key", strings.Replace(good, "allow_private: true", "allow_privat: true", 1),
			[]string{`bad.yaml:16:5: sources[0].allow_privat: unknown key`}},
		{"duplicate source id", strings.Replace(good, "fetch:", "  - id: lenta\n    url: https://x.ru/\n    sections: [all]\nfetch:", 1),
			[]string{`sources[1].id: duplicate source id "lenta"`}},
		{"unknown section", strings.Replace(good, "      - all\n", "      - alll\n", 1),
			[]string{`bad.yaml:13:9: sources[0].sections[0]: unknown section "alll" (sections: region, all)`,
				`bad.yaml:7:5: sections[1]: section "all" gets no items`}},
		{"bad url", strings.Replace(good, "https://lenta.ru/rss/news", "lenta.ru/rss", 1),
			[]string{`bad.yaml:11:10: sources[0].url: invalid URL "lenta.ru/rss" (only http and https)`}},
		{"bad interval", strings.Replace(good, "interval: 2m", "interval: 2 minutes", 1),
			[]string{`bad.yaml:15:15: sources[0].interval: invalid duration "2 minutes"`}},
		{"short interval", strings.Replace(good, "interval: 2m", "interval: 5s", 1),
			[]string{`bad.yaml:15:15: sources[0].interval: 5s is too short`}},
		{"wrong kind", strings.Replace(good, "allow_private: true", "allow_private: [yes]", 1),
			[]string{`sources[0].allow_private: want true or false`}},
		{"bad size", strings.Replace(good, "512KB", "lots", 1),
			[]string{`bad.yaml:18:14: fetch.max_bytes: invalid size "lots"`}},
		{"several at once", strings.Replace(strings.Replace(good, "interval: 2m", "interval: x", 1), "listen: 127.0.0.1:9000", "listen: 9000", 1),
			[]string{`bad.yaml:3:9: listen: invalid address`, `bad.yaml:15:15: sources[0].interval: invalid duration "x"`}},
		{"bad limits", strings.Replace(good, "  max_bytes: 512KB\n", "  max_bytes: 512KB\n  max_redirects: 0\n  host_spacing: 2m\n  min_interval: 10s\n  max_depth: -1\n  lease: 100ms\n", 1),
			[]string{`fetch.max_redirects: must be positive`, `fetch.host_spacing: must be between 0s and 1m`, `fetch.lease: must be between 1s and 1h`,
				`fetch.min_interval: 10s is too short`, `fetch.max_depth: must be positive`}},
		{"prefer an unknown source", strings.Replace(good, "  - id: all\n", "  - id: all\n    one_per_story: true\n    prefer: [lenta, tass]\n", 1),
			[]string{`sections[1].prefer[1]: unknown source "tass"`}},
		{"bad story window", strings.Replace(good, "listen: 127.0.0.1:9000", "listen: 127.0.0.1:9000\nstories: {window: 10m}", 1),
			[]string{`stories.window: must be between 1h and 720h, got 10m`}},
		{"story window of the wrong type", strings.Replace(good, "listen: 127.0.0.1:9000", "listen: 127.0.0.1:9000\nstories: {window: soon}", 1),
			[]string{`stories.window: invalid duration "soon"`}},
		{"bad source bounds", strings.Replace(good, "interval: 2m", "interval: 2m\n    min_interval: 5m\n    max_interval: 1m", 1),
			[]string{`sources[0].min_interval: 5m0s is longer than the interval 2m0s`, `sources[0].max_interval: 1m0s is shorter than the interval 2m0s`}},
		{"bad selectors", strings.Replace(good, "allow_private: true", "allow_private: true\n    extract: {body: article .text, title: '[[[', drop: [p, ':::']}", 1),
			[]string{`sources[0].extract.title: invalid CSS selector "[[["`, `sources[0].extract.drop[1]: invalid CSS selector ":::"`}},
		{"syntax error", "sections: [\n", []string{`bad.yaml:`}},
		{"empty file", "", []string{`bad.yaml: empty config`}},
		{"no sources", "sections: [{id: a}]\n", []string{`sources: at least one source is needed`, `sections[0]: section "a" gets no items`}},
		{"bad rules", strings.Replace(good, "    title: REGION\n", "    title: REGION\n    match: {any: [Иран, '\"Новая Зеландия', армянск кавказ*], in: [titel], sources: [tass]}\n", 1),
			[]string{`sections[0].match.any[1]: unbalanced quote`, `sections[0].match.any[2]: a prefix term is one word followed by *`,
				`sections[0].match.in[0]: unknown field "titel"`, `sections[0].match.sources[0]: unknown source "tass"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tt.yaml))
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want Errors, got %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in:\n%v", w, err)
				}
			}
			if len(errs) != len(tt.want) {
				t.Errorf("want %d errors, got %d:\n%v", len(tt.want), len(errs), err)
			}
		})
	}
}

func TestFetchLimitsAndBounds(t *testing.T) {
	y := strings.Replace(good, "fetch:\n", `  - {id: quiet, url: "https://q.example/rss", sections: [all], interval: 30m, max_interval: 12h,
     timeout: 5s, max_bytes: 1MB, max_items: 20}
fetch:
  host_spacing: 0s
  robots_txt: false
  min_interval: 1m
  max_interval: 1h
`, 1)
	cfg, err := Parse("good.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	f := cfg.Fetch
	if f.HostSpacing != 0 || f.RobotsTxt || f.MaxRedirects != DefaultMaxRedirects || f.FlagAfter != DefaultFlagAfter ||
		f.HeaderTimeout.D() != DefaultHeaderTimeout || f.MaxDepth != DefaultMaxDepth || f.MaxBytes != 512<<10 {
		t.Errorf("fetch = %+v", f)
	}
	lenta, _ := cfg.Source("lenta")
	quiet, _ := cfg.Source("quiet")
	if lo, hi := f.Bounds(lenta); lo != time.Minute || hi != time.Hour {
		t.Errorf("lenta bounds %s..%s", lo, hi)
	}
	if lo, hi := f.Bounds(quiet); lo != time.Minute || hi != 12*time.Hour {
		t.Errorf("quiet bounds %s..%s", lo, hi)
	}
	if l := f.Limits(lenta); l != (Limits{Timeout: DefaultTimeout, MaxBytes: 512 << 10, MaxItems: DefaultMaxItems}) {
		t.Errorf("lenta limits %+v", l)
	}
	if l := f.Limits(quiet); l != (Limits{Timeout: 5 * time.Second, MaxBytes: 1 << 20, MaxItems: 20}) {
		t.Errorf("quiet limits %+v", l)
	}
}

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]ByteSize{"1024": 1024, "10MB": 10 << 20, "1 gb": 1 << 30, "7KB": 7 << 10} {
		if got, err := ParseByteSize(in); err != nil || got != want {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1MB", "1.5MB", "MB", "1TB"} {
		if _, err := ParseByteSize(in); err == nil {
			t.Errorf("ParseByteSize(%q) succeeded", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("sections: [a, {id: b}]\nsources: [{id: x, sections: [[a]]}]"))
	f.Add([]byte("a: &x [*x]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.yaml", data)
		if err == nil {
			if verr := cfg.Validate(); verr != nil {
				t.Fatalf("Parse accepted a config Validate rejects: %v", verr)
			}
		}
	})
}
