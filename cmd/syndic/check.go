package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

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

// load reads and validates the config; a bad config stops every subcommand.
func (c *configFlags) load() (config.Config, error) {
	cfg, err := config.Load(c.path)
	if err != nil {
		return cfg, fmt.Errorf("bad config (run 'syndic check --config %s'):\n%w", c.path, err)
	}
	if c.db != "" {
		cfg.Database = c.db
	}
	return cfg, nil
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	cfg, err := config.Load(cf.path)
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
	fmt.Fprintf(stdout, "%s: ok (%d sections, %d sources)\n", cf.path, len(cfg.Sections), len(cfg.Sources))
	return nil
}
