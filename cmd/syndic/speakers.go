package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
)

// runSpeakers lists the speaker registry, or adds a merge or a separation
// to the config's speakers: section.
func runSpeakers(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("speakers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	limit := fs.Int("n", 0, "at most this many speakers, most quoted first (0: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	merge := fs.Bool("merge", false, "write to the config that the speakers named by the arguments (keys or names) are one, known by the first")
	split := fs.Bool("split", false, "write to the config that the speakers named by the arguments are never one")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if *merge || *split {
		if *merge && *split || fs.NArg() < 2 {
			fmt.Fprintln(stderr, "syndic speakers: --merge or --split takes two keys or names or more")
			return exitError{2}
		}
		kind := "merge"
		if *split {
			kind = "separate"
		}
		if err := addSpeakerRule(cf.path, kind, fs.Args()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: speakers.%s: %s\n", cf.path, kind, strings.Join(fs.Args(), ", "))
		return nil
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := fileSpeakers(ctx, cfg, st); err != nil {
		return err
	}
	reg, err := st.Speakers(ctx)
	if err != nil {
		return err
	}
	groups := reg.Groups()
	if *limit > 0 && len(groups) > *limit {
		groups = groups[:*limit]
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(groups)
	}
	for _, g := range groups {
		fmt.Fprintf(stdout, "%-32s %5d  %s\n", g.Key, g.Quotes, g.Name)
		if len(g.Names) > 1 {
			fmt.Fprintf(stdout, "%38s names: %s\n", "", strings.Join(g.Names, "; "))
		}
		if len(g.Aliases) > 0 {
			fmt.Fprintf(stdout, "%38s forms: %s\n", "", strings.Join(g.Aliases, ", "))
		}
	}
	fmt.Fprintf(stdout, "%d speaker(s)\n", len(reg.Groups()))
	return nil
}

// fileSpeakers files in the registry the names it lacks, so that a
// lookup finds them in every form.
func fileSpeakers(ctx context.Context, cfg config.Config, st *store.Store) error {
	crawler, err := newCrawler(cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	_, err = crawler.FileSpeakers(ctx)
	return err
}

// addSpeakerRule appends a list to speakers.<kind> of the config file,
// keeping the rest of the file as it is, and checks the result.
func addSpeakerRule(path, kind string, names []string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("read config %s: %w", path, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("config %s: not a mapping", path)
	}
	speakers := child(doc.Content[0], "speakers", yaml.MappingNode)
	list := child(speakers, kind, yaml.SequenceNode)
	entry := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, n := range names {
		entry.Content = append(entry.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: n})
	}
	list.Content = append(list.Content, entry)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	if _, err := config.Parse(path, b.Bytes()); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// child returns the value of key in the mapping m, added (of kind) when
// missing.
func child(m *yaml.Node, key string, kind yaml.Kind) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			if v := m.Content[i+1]; v.Kind == kind {
				return v
			}
			m.Content[i+1] = &yaml.Node{Kind: kind}
			return m.Content[i+1]
		}
	}
	v := &yaml.Node{Kind: kind}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	return v
}
