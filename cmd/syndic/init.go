package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/syndic/syndic"
	"github.com/syndic/syndic/config"
)

// builtinConfig is the feeds.yaml built into the binary: the default
// sections and sources, which `syndic init` writes and `syndic demo` reads.
func builtinConfig() (config.Config, error) {
	cfg, err := config.Parse("feeds.yaml (built in)", syndic.FeedsYAML)
	if err != nil {
		return cfg, fmt.Errorf("built-in config: %w", err)
	}
	return cfg, nil
}

// runInit writes the built-in feeds.yaml where none exists; it never
// overwrites a file.
func runInit(args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("init", flag.ContinueOnError)
	flags.SetOutput(stderr)
	path := flags.String("config", config.DefaultPath, "where to write the config")
	if err := flags.Parse(args); err != nil || flags.NArg() > 0 {
		return exitError{2}
	}
	cfg, err := builtinConfig()
	if err != nil {
		return err
	}
	f, err := os.OpenFile(*path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists: not overwritten (edit it, or write the default elsewhere with --config FILE)", *path)
	}
	if err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	if _, err := f.Write(syndic.FeedsYAML); err != nil {
		f.Close()
		return fmt.Errorf("write config: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	opt := ""
	if *path != config.DefaultPath {
		opt = " --config " + *path
	}
	fmt.Fprintf(stdout, "wrote %s: %d sections, %d sources (edit it, check it with 'syndic check%s', then 'syndic run%s')\n",
		*path, len(cfg.Sections), len(cfg.Sources), opt, opt)
	return nil
}
