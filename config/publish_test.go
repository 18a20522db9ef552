package config

import (
	"strings"
	"testing"
)

// Keys read by the publisher: websub_hub and the attribution templates.
func TestPublisherKeys(t *testing.T) {
	ok := strings.Replace(good, "fetch:", "    attribution:\n      template: \"{source} ({link})\"\nfetch:", 1) +
		"websub_hub: https://hub.example.org/\nattribution:\n  template: \"Источник: {source}[, через {via}]\\n{notice}\"\n"
	cfg, err := Parse("good.yaml", []byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.WebSubHub != "https://hub.example.org/" || !strings.HasPrefix(cfg.Attribution.Template, "Источник") {
		t.Errorf("websub_hub = %q, attribution.template = %q", cfg.WebSubHub, cfg.Attribution.Template)
	}
	if got := cfg.Sources[0].News().AttributionTemplate; got != "{source} ({link})" {
		t.Errorf("source template = %q", got)
	}

	tests := []struct{ name, yaml, want string }{
		{"unknown placeholder", strings.Replace(good, "fetch:", "    attribution: {template: 'From {sourse}'}\nfetch:", 1),
			`bad.yaml:17:29: sources[0].attribution.template: attribution template: unknown placeholder {sourse}`},
		{"no source", "attribution: {template: 'Read {link}'}\n" + good[1:],
			`attribution.template: attribution template: {source} is required`},
		{"bad hub", "websub_hub: hub.example.org\n" + good[1:], `bad.yaml:1:13: websub_hub: invalid URL`},
	}
	for _, tt := range tests {
		_, err := Parse("bad.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// A source no section can take is marked Unrouted (its feed is never
// offered); one a section's rule reads, or that names a section, is not.
// Every source of the repository's feeds.yaml is routed.
func TestNewsSourcesUnrouted(t *testing.T) {
	cfg, err := Parse("r.yaml", []byte(`
sections:
  - id: region
    match: {any: [Иран], sources: [tass]}
  - id: all
sources:
  - {id: lenta, name: Lenta.ru, url: https://lenta.ru/rss/news, sections: [all]}
  - {id: tass, name: TASS, url: https://tass.ru/rss/v2.xml}
  - {id: ria, name: RIA, url: https://ria.ru/export/rss2/archive/index.xml}
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range cfg.NewsSources() {
		got = append(got, s.ID+":"+map[bool]string{true: "unrouted", false: "routed"}[s.Unrouted])
	}
	if strings.Join(got, " ") != "lenta:routed tass:routed ria:unrouted" {
		t.Errorf("got %v", got)
	}
	def, err := Load("../feeds.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range def.NewsSources() {
		if s.Unrouted {
			t.Errorf("feeds.yaml: source %s unrouted", s.ID)
		}
	}
}
