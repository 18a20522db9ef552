package config

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Error is one problem in a config file, at a place and a field.
type Error struct {
	File   string
	Line   int
	Column int
	Field  string // e.g. "sources[2].interval"; "" for the whole file
	Msg    string
}

func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in a config file, in file order.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Load reads, decodes and validates the config file at path. On failure the
// error is an Errors listing every problem found, or a read error.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates data read from file, starting from Default().
// Unknown keys, values of the wrong type and invalid values are all reported
// together as Errors, each with its line, column and field.
func Parse(file string, data []byte) (Config, error) {
	cfg := Default()
	cfg.file = file
	cfg.pos = map[string]Pos{}

	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return cfg, Errors{syntaxError(file, err)}
	}
	if len(doc.Content) == 0 {
		return cfg, Errors{{File: file, Msg: "empty config"}}
	}
	root := doc.Content[0]
	w := walker{file: file, pos: cfg.pos, bad: map[string]bool{}}
	w.walk(root, reflect.TypeOf(cfg), "")
	if err := root.Decode(&cfg); err != nil {
		// The walker removed every node it found wrong, so this is rare; keep
		// the message with the file name.
		w.errs = append(w.errs, Error{File: file, Msg: err.Error()})
	}
	cfg.applyDefaults()
	errs := append(w.errs, cfg.validate(w.bad)...)
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Column < errs[j].Column
	})
	if len(errs) > 0 {
		return cfg, errs
	}
	return cfg, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func syntaxError(file string, err error) Error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Error{File: file, Line: line, Column: 1, Msg: msg[len(m[0]):]}
	}
	return Error{File: file, Msg: strings.TrimPrefix(msg, "yaml: ")}
}

// walker checks a YAML tree against the config types before decoding: it
// records every field's position, reports unknown keys and values of the wrong
// kind, and removes those nodes so that decoding sees only good ones.
type walker struct {
	file string
	pos  map[string]Pos
	bad  map[string]bool // paths already reported
	errs Errors
}

var (
	durationType = reflect.TypeOf(Duration(0))
	byteSizeType = reflect.TypeOf(ByteSize(0))
	sectionRef   = reflect.TypeOf(SectionRef{})
)

func (w *walker) fail(n *yaml.Node, path, format string, args ...any) {
	w.bad[path] = true
	w.errs = append(w.errs, Error{File: w.file, Line: n.Line, Column: n.Column, Field: path, Msg: fmt.Sprintf(format, args...)})
}

// walk checks n against t and reports whether n may be decoded.
func (w *walker) walk(n *yaml.Node, t reflect.Type, path string) bool {
	if path != "" {
		w.pos[path] = Pos{n.Line, n.Column}
	}
	if n.Kind == yaml.AliasNode {
		// Aliases would let a small file expand without bound, and a node
		// checked twice would be converted twice.
		w.fail(n, path, "YAML aliases (*%s) are not supported here", n.Value)
		return false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return true
	}
	switch {
	case t == durationType:
		if n.Kind != yaml.ScalarNode {
			w.fail(n, path, "want a duration such as 10m")
			return false
		}
		d, err := time.ParseDuration(n.Value)
		if err != nil || d < 0 {
			w.fail(n, path, "invalid duration %q (want e.g. 90s, 10m, 1h)", n.Value)
			return false
		}
		n.Value, n.Tag = strconv.FormatInt(int64(d), 10), "!!int"
		return true
	case t == byteSizeType:
		if n.Kind != yaml.ScalarNode {
			w.fail(n, path, "want a size such as 10MB")
			return false
		}
		size, err := ParseByteSize(n.Value)
		if err != nil {
			w.fail(n, path, "%v", err)
			return false
		}
		n.Value, n.Tag = strconv.FormatInt(int64(size), 10), "!!int"
		return true
	case t == sectionRef && n.Kind == yaml.ScalarNode:
		// A bare section id is short for {id: ...}.
		id := *n
		*n = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: n.Line, Column: n.Column,
			Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "id", Line: n.Line, Column: n.Column}, &id}}
		return w.walk(n, t, path)
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			w.fail(n, path, "want a mapping of keys, got %s", kindName(n))
			return false
		}
		fields := yamlFields(t)
		kept := n.Content[:0:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := fields[k.Value]
			sub := joinPath(path, k.Value)
			if !ok {
				w.fail(k, sub, "unknown key %q (known keys: %s)", k.Value, strings.Join(sortedKeys(fields), ", "))
				continue
			}
			if w.walk(v, f.Type, sub) {
				kept = append(kept, k, v)
			}
		}
		n.Content = kept
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			w.fail(n, path, "want a list, got %s", kindName(n))
			return false
		}
		kept := n.Content[:0:0]
		for i, v := range n.Content {
			if w.walk(v, t.Elem(), fmt.Sprintf("%s[%d]", path, i)) {
				kept = append(kept, v)
			}
		}
		n.Content = kept
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			w.fail(n, path, "want a string, got %s", kindName(n))
			return false
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			w.fail(n, path, "want true or false, got %q", n.Value)
			return false
		}
	case reflect.Int, reflect.Int64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			w.fail(n, path, "want a whole number, got %q", n.Value)
			return false
		}
	}
	return true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	default:
		return fmt.Sprintf("%q", n.Value)
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func yamlFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		out[tag] = f
	}
	return out
}

func sortedKeys(m map[string]reflect.StructField) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// At returns the position of a field path such as "sources[1].url", or the
// nearest enclosing one that was written in the file.
func (c *Config) At(path string) Pos {
	for path != "" {
		if p, ok := c.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return Pos{}
}
