package aggregator

import (
	"errors"
	"fmt"
	"time"
)

// ErrBudget: extracting a page took longer than fetch.extract_timeout.
var ErrBudget = errors.New("over the time budget")

// within runs f and returns its result, or ErrBudget once budget has passed.
// f cannot be stopped: on timeout it finishes in the background and its
// result is dropped. The depth and size limits (fetch.max_depth, checked by
// the extractor, and fetch.max_bytes) bound what it can cost.
func within[T any](budget time.Duration, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
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
	}
}
