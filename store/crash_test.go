package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// crashChildEnv names the database a re-executed test binary writes to until
// it is killed.
const crashChildEnv = "SYNDIC_STORE_CRASH_CHILD"

// TestCrashSafety re-executes the test binary as a child that saves batches
// (new items and edits) in a loop and reports each commit, SIGKILLs it at a
// random moment, and checks that the database opens intact with every
// reported commit in it. Repeated several times on the same file.
func TestCrashSafety(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "syndic.db")
	ctx := context.Background()
	prev := 0
	for round := range 6 {
		committed := runAndKill(t, path, time.Duration(20+rand.IntN(250))*time.Millisecond)

		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: Open after kill: %v", round, err)
		}
		var integrity string
		if err := s.w.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
			t.Fatalf("round %d: integrity_check = %q, %v", round, integrity, err)
		}
		var fkProblems int
		if err := s.w.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fkProblems); err != nil || fkProblems != 0 {
			t.Fatalf("round %d: foreign_key_check: %d problems, %v", round, fkProblems, err)
		}
		n := count(t, s)
		if n < prev || n < committed {
			t.Fatalf("round %d: %d items after the kill; had %d before, child reported %d committed", round, n, prev, committed)
		}
		var dups int
		if err := s.w.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM items GROUP BY source_id, dedup_key HAVING count(*) > 1)`).Scan(&dups); err != nil || dups != 0 {
			t.Fatalf("round %d: %d duplicate dedup keys, %v", round, dups, err)
		}
		if err := s.w.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM items GROUP BY source_id, canonical_link HAVING count(*) > 1)`).Scan(&dups); err != nil || dups != 0 {
			t.Fatalf("round %d: %d duplicate links, %v", round, dups, err)
		}
		t.Logf("round %d: killed after %d items committed; %d in the database", round, committed, n)
		prev = n
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if prev == 0 {
		t.Fatal("the child never committed a batch")
	}
}

// runAndKill starts the child, lets it commit at least one batch, kills it
// after delay more and returns the item count of its last reported commit.
func runAndKill(t *testing.T, path string, delay time.Duration) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	commits := make(chan int, 1024)
	go func() {
		defer close(commits)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
				if v, err := strconv.Atoi(n); err == nil {
					commits <- v
				}
			}
		}
	}()
	last := 0
	select {
	case v, ok := <-commits:
		if !ok {
			cmd.Wait()
			t.Fatalf("child exited before committing: %s", stderr.String())
		}
		last = v
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child committed nothing in 60s: %s", stderr.String())
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatalf("kill child: %v", err)
	}
	cmd.Wait()
	for v := range commits {
		last = v
	}
	return last
}

// crashChild writes until killed: batches of new items and edits of old ones,
// printing "committed N" with the item count after each commit.
func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path, WithCheckpointInterval(100*time.Millisecond))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	n, err := s.CountItems(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	body := strings.Repeat("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>", 40)
	for pass := 0; ; pass++ {
		var batch []news.Item
		old := n
		for range 100 {
			batch = append(batch, crashItem(n, pass, body))
			n++
		}
		for range min(old, 50) { // edits of items from earlier batches
			batch = append(batch, crashItem(rand.IntN(old), pass, body))
		}
		if _, err := s.SaveItems(ctx, batch); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("committed %d\n", n)
	}
}

func crashItem(i, pass int, body string) news.Item {
	return news.Item{
		SourceID: "src",
		GUID:     fmt.Sprintf("item-%d", i),
		Link:     fmt.Sprintf("https://example.test/%d/news/%d", i%3, i),
		Title:    fmt.Sprintf("Item %d, pass %d", i, pass),
		Content:  body,
		Sections: []string{[]string{"world", "sport", "economy"}[i%3], "all"},
		Quotes:   []news.Quote{{Text: "q", Speaker: fmt.Sprintf("Speaker %d", pass)}},
	}
}
