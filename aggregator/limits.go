package aggregator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/net/html"
)

// Errors of the guards the crawler puts around page extraction (the
// extractor itself knows nothing of them).
var (
	// ErrTooDeep: a page nests elements deeper than fetch.max_depth.
	ErrTooDeep = errors.New("nested too deep")
	// ErrBudget: extracting a page took longer than fetch.extract_timeout.
	ErrBudget = errors.New("over the time budget")
)

// checkDepth fails with ErrTooDeep when the HTML page nests elements deeper
// than max. It counts as the HTML parser does, roughly: void elements and
// elements whose end tag may be left out (p, li, td...) do not nest, since
// the parser closes them itself.
func checkDepth(page []byte, max int) error {
	z := html.NewTokenizer(bytes.NewReader(page))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if flat[string(name)] {
				continue
			}
			if depth++; depth > max {
				return fmt.Errorf("%w: elements nested over %d deep (fetch.max_depth)", ErrTooDeep, max)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !flat[string(name)] && depth > 0 {
				depth--
			}
		}
	}
}

// flat are the elements checkDepth does not count: void elements, and
// those the parser closes when a sibling opens.
var flat = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
	"p": true, "li": true, "dt": true, "dd": true, "option": true, "optgroup": true, "tr": true,
	"td": true, "th": true, "tbody": true, "thead": true, "tfoot": true, "colgroup": true,
	"rt": true, "rp": true, "html": true, "head": true, "body": true,
}

// within runs f and returns its result, or ErrBudget once budget has passed,
// or ctx's error once ctx is done (at once, without running f, when it
// already is). f cannot be stopped: it finishes in the background and its
// result is dropped. The depth and size limits, and quote finding's own
// caps, bound what it can cost.
func within[T any](ctx context.Context, budget time.Duration, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{err: fmt.Errorf("panic: %v", r)}
			}
		}()
		v, err := f()
		ch <- result{v, err}
	}()
	t := time.NewTimer(budget)
	defer t.Stop()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-t.C:
		var zero T
		return zero, fmt.Errorf("%w of %s (fetch.extract_timeout)", ErrBudget, budget)
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
