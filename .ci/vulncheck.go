//go:build ignore

// vulncheck reads `govulncheck -format json` on stdin and fails when the
// code calls a vulnerable function of a module; findings in the standard
// library are listed as warnings, since they are fixed only by a newer Go
// toolchain, which is a project decision (see README).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
)

type frame struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Package  string `json:"package"`
	Function string `json:"function"`
}

type message struct {
	OSV *struct {
		ID      string `json:"id"`
		Summary string `json:"summary"`
	} `json:"osv"`
	Finding *struct {
		OSV          string  `json:"osv"`
		FixedVersion string  `json:"fixed_version"`
		Trace        []frame `json:"trace"`
	} `json:"finding"`
}

func main() {
	dec := json.NewDecoder(os.Stdin)
	summary := map[string]string{}
	called := map[string]string{} // OSV id → "module@version (fixed in ...)"
	for {
		var m message
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			fmt.Fprintln(os.Stderr, "vulncheck: read govulncheck output:", err)
			os.Exit(2)
		}
		if m.OSV != nil {
			summary[m.OSV.ID] = m.OSV.Summary
		}
		if f := m.Finding; f != nil && len(f.Trace) > 0 && f.Trace[0].Function != "" {
			called[f.OSV] = fmt.Sprintf("%s@%s, fixed in %s", f.Trace[0].Module, f.Trace[0].Version, f.FixedVersion)
		}
	}
	ids := make([]string, 0, len(called))
	for id := range called {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	failed := 0
	for _, id := range ids {
		kind := "warning (standard library)"
		if m := called[id]; len(m) < 7 || m[:7] != "stdlib@" {
			kind = "VULNERABLE"
			failed++
		}
		fmt.Printf("vulncheck: %s: %s %s (%s)\n", kind, id, summary[id], called[id])
	}
	fmt.Printf("vulncheck: %d called vulnerabilities in modules, %d in the standard library\n", failed, len(ids)-failed)
	if failed > 0 {
		os.Exit(1)
	}
}
