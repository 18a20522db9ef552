package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/aggregator/route"
	"github.com/syndic/syndic/config"
)

// configFlags are the flags every subcommand that reads the config takes.
type configFlags struct {
	path string
	db   string
}

func (c *configFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.path, "config", config.DefaultPath, "config file")
	fs.StringVar(&c.db, "db", "", "database (overrides the config's database)")
}

// load reads and validates the config; a bad config stops every
// subcommand, and a missing one says how to write the default.
func (c *configFlags) load() (config.Config, error) {
	cfg, err := loadConfig(c.path)
	if err != nil {
		var errs config.Errors
		if errors.As(err, &errs) {
			return cfg, fmt.Errorf("bad config (run 'syndic check --config %s'):\n%w", c.path, err)
		}
		return cfg, err
	}
	if c.db != "" {
		cfg.Database = c.db
	}
	return cfg, nil
}

// loadConfig is config.Load, saying how to write the default config when
// there is none at path.
func loadConfig(path string) (config.Config, error) {
	cfg, err := config.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		opt := ""
		if path != config.DefaultPath {
			opt = " --config " + path
		}
		return cfg, fmt.Errorf("no config: %w\n(run 'syndic init%s' to write the default sources and sections there)", err, opt)
	}
	return cfg, err
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	explain := fs.String("explain", "", "an article URL or HTML file: say which rule puts it into which section")
	sourceID := fs.String("source", "", "with --explain: the source the item comes from (default: guessed from the URL)")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if *explain == "" && fs.NArg() == 1 {
		// "check --explain" given its argument after the flags.
		*explain = fs.Arg(0)
	}
	cfg, err := loadConfig(cf.path)
	if err != nil {
		var errs config.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintln(stderr, e)
			}
			fmt.Fprintf(stderr, "%d problem(s) in %s\n", len(errs), cf.path)
			return exitError{1}
		}
		return err
	}
	if *explain != "" {
		return explainItem(ctx, cfg, *explain, *sourceID, stdout)
	}
	fmt.Fprintf(stdout, "%s: ok (%d sections, %d sources)\n", cf.path, len(cfg.Sections), len(cfg.Sources))
	return nil
}

// explainItem prints, for every section, whether the item at target (a URL
// or an HTML file) belongs to it and why.
func explainItem(ctx context.Context, cfg config.Config, target, sourceID string, stdout io.Writer) error {
	router, err := aggregator.NewRouter(cfg)
	if err != nil {
		return err
	}
	isURL := strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://")
	if sourceID == "" && isURL {
		sourceID = guessSource(cfg, target)
	}
	src, _ := cfg.Source(sourceID)
	var raw []byte
	if isURL {
		raw, _, err = fetchPage(ctx, target, src.AllowPrivate)
	} else {
		raw, err = os.ReadFile(target)
	}
	if err != nil {
		return fmt.Errorf("read item: %w", err)
	}
	page, _ := fetch.ToUTF8(raw, "")
	art, err := extract.Extract(page, extract.Options{URL: target, Location: src.Location(), Selectors: src.Extract, Now: time.Now()})
	if err != nil {
		return fmt.Errorf("extract %s: %w", target, err)
	}
	text := route.Text{Source: sourceID, Title: art.Title, Body: art.Body}
	if art.Section != "" {
		text.Categories = []string{art.Section}
	}
	fmt.Fprintf(stdout, "item:   %s\nsource: %s\n\n", art.Title, orNone(sourceID))
	decisions := router.Explain(text)
	if len(decisions) == 0 {
		fmt.Fprintln(stdout, "no section has a rule, and the source names none")
	}
	for _, d := range decisions {
		verdict := "out"
		if d.In {
			verdict = "IN"
		}
		fmt.Fprintf(stdout, "%-12s %-4s %s\n", d.Section, verdict, d.Reason)
	}
	return nil
}

// guessSource finds the source whose feed or home page is on the URL's host.
func guessSource(cfg config.Config, target string) string {
	host := hostOf(target)
	for _, s := range cfg.Sources {
		if hostOf(s.URL) == host || hostOf(s.News().Attribution.Link) == host {
			return s.ID
		}
	}
	return ""
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func orNone(s string) string {
	if s == "" {
		return "(none: pass --source ID)"
	}
	return s
}
