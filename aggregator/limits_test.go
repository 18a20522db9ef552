package aggregator

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckDepth(t *testing.T) {
	tests := []struct {
		name string
		page string
		max  int
		deep bool
	}{
		{"ordinary page", "<html><body><div><article><p>a<p>b<ul><li>x<li>y</ul></article></div></body></html>", 10, false},
		{"unclosed p and li do not nest", strings.Repeat("<p>x", 5000) + strings.Repeat("<li>y", 5000) + strings.Repeat("<br>", 5000), 10, false},
		{"nested divs", strings.Repeat("<div>", 100_000), 512, true},
		{"closed again", strings.Repeat("<div>", 400) + strings.Repeat("</div>", 400) + strings.Repeat("<div>", 400), 512, false},
		{"inside script is text", "<script>" + strings.Repeat("<div>", 1000) + "</script>", 10, false},
	}
	for _, tt := range tests {
		err := checkDepth([]byte(tt.page), tt.max)
		if tt.deep != errors.Is(err, ErrTooDeep) {
			t.Errorf("%s: %v", tt.name, err)
		}
		if tt.deep && !strings.Contains(err.Error(), "fetch.max_depth") {
			t.Errorf("%s: error %q does not name the key", tt.name, err)
		}
	}
}

func TestWithin(t *testing.T) {
	v, err := within(time.Second, func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("fast: %v, %v", v, err)
	}
	release := make(chan struct{})
	defer close(release)
	start := time.Now()
	_, err = within(50*time.Millisecond, func() (int, error) { <-release; return 1, nil })
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "fetch.extract_timeout") || time.Since(start) > 2*time.Second {
		t.Errorf("slow: %v after %s", err, time.Since(start))
	}
	_, err = within(time.Second, func() (int, error) { panic("boom") })
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("panic: %v", err)
	}
}
