package news

import (
	"slices"
	"strings"
	"testing"
)

func TestAttributionTemplate(t *testing.T) {
	vals := map[string]string{"source": "<a>TASS</a>", "link": "<a>https://x</a>", "via": "", "notice": ""}
	value := func(k string) string { return vals[k] }
	upper := strings.ToUpper // stands for the escaper
	tests := []struct {
		tmpl string
		via  string
		want []string
	}{
		{DefaultAttributionTemplate, "", []string{"SOURCE: <a>TASS</a>"}},
		{DefaultAttributionTemplate, "RIA", []string{"SOURCE: <a>TASS</a>, VIA RIA"}},
		{"{source}\n\n{notice}\nfixed text", "", []string{"<a>TASS</a>", "FIXED TEXT"}},
		{"[{via} → ]{source}", "Caliber", []string{"Caliber → <a>TASS</a>"}},
	}
	for _, tt := range tests {
		vals["via"] = tt.via
		tp, err := ParseAttributionTemplate(tt.tmpl)
		if err != nil {
			t.Fatalf("%q: %v", tt.tmpl, err)
		}
		if got := tp.Execute(value, upper); !slices.Equal(got, tt.want) {
			t.Errorf("%q via %q = %q, want %q", tt.tmpl, tt.via, got, tt.want)
		}
	}
	for tmpl, want := range map[string]string{
		"{source} {author}":   "unknown placeholder {author}",
		"{source":             "unclosed {",
		"{source} }":          "} without {",
		"[{source}":           "unclosed [",
		"[[{source}]]":        "nested [",
		"{source}]":           "] without [",
		"Read more at {link}": "{source} is required",
	} {
		if _, err := ParseAttributionTemplate(tmpl); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", tmpl, err, want)
		}
	}
}
