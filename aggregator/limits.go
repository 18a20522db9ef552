package aggregator

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrBudget: extracting a page took longer than fetch.extract_timeout.
var ErrBudget = errors.New("over the time budget")

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
