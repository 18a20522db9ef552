// Command syndic crawls news sources, extracts their articles and quotes,
// stores them and republishes per-section RSS, Atom and JSON feeds in which
// every item links to its original and credits its source.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // source time zones work on machines without tzdata
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var exit exitError
		if errors.As(err, &exit) {
			os.Exit(exit.code)
		}
		fmt.Fprintln(os.Stderr, "syndic:", err)
		os.Exit(1)
	}
}

// exitError ends the program with a code after its message was printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

const usage = `syndic: crawl news sources and republish them as attributed feeds

Usage:
  syndic init    [--config F]            write the default feeds.yaml (sources and sections) where none exists
  syndic run     [--config F] [--db F]   crawl every source on its interval and serve the feeds
                 [--role crawl|serve|all] [--listen ADDR]   only crawl, or only serve (scale out with PostgreSQL)
  syndic crawl   --once [--config F] [--db F]   one pass over all sources, a line per source
  syndic serve   [--config F] [--db F] [--listen ADDR]   serve the feeds of the store
  syndic check   [--config F]            validate the config; print every problem
  syndic check   --explain URL|FILE [--source ID]   which rule puts an item into which section
  syndic reroute [--config F] [--db F]   route every stored item again with the current rules
  syndic extract [--json] [--url URL] FILE|-|URL   extract one article page
  syndic quotes  [--speaker NAME] [--q TEXT] [--since D] [--until D]   print stored quotes, newest first
  syndic speakers [--n N] [--json]       list speakers: keys, names, forms, quote counts
  syndic speakers --merge|--split A B…   write a merge or a separation into the config's speakers:
  syndic stories [--since D] [--min N] [--json]   print stories across outlets, newest first
  syndic regroup [--config F] [--db F]   group every stored item into stories again
  syndic demo                            the whole pipeline on built-in fixtures, no network, no checkout

Run "syndic COMMAND -h" for the flags of a command.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError{2}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "init":
		return runInit(rest, stdout, stderr)
	case "run":
		return runRun(ctx, rest, stdout, stderr)
	case "crawl":
		return runCrawl(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "quotes":
		return runQuotes(ctx, rest, stdout, stderr)
	case "speakers":
		return runSpeakers(ctx, rest, stdout, stderr)
	case "reroute":
		return runReroute(ctx, rest, stdout, stderr)
	case "stories":
		return runStories(ctx, rest, stdout, stderr)
	case "regroup":
		return runRegroup(ctx, rest, stdout, stderr)
	case "demo":
		return runDemo(ctx, rest, stdout, stderr)
	case "extract":
		return runExtract(ctx, rest, stdin, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "syndic: unknown command %q\n\n%s", cmd, usage)
		return exitError{2}
	}
}
