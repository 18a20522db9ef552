package store

import (
	"context"
	"sync"
	"testing"
	"testing/fstest"
)

func TestLoadMigrations(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []int
		wantErr bool
	}{
		{"ordered by number", fstest.MapFS{
			"m/0010_c.sql": {Data: []byte("c")}, "m/0002_b.sql": {Data: []byte("b")},
			"m/0001_a.sql": {Data: []byte("a")}, "m/README.md": {Data: []byte("x")},
		}, []int{1, 2, 10}, false},
		{"bad name", fstest.MapFS{"m/init.sql": {Data: []byte("a")}}, nil, true},
		{"zero", fstest.MapFS{"m/0000_init.sql": {Data: []byte("a")}}, nil, true},
		{"duplicate number", fstest.MapFS{"m/0001_a.sql": {}, "m/1_b.sql": {}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := loadMigrations(tt.files, "m")
			if (err != nil) != tt.wantErr {
				t.Fatalf("loadMigrations error = %v, want error %v", err, tt.wantErr)
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.version)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("versions %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("versions %v, want %v", got, tt.want)
				}
			}
		})
	}
	ms, err := loadMigrations(sqliteMigrations, "migrations")
	if err != nil || len(ms) == 0 || ms[0].name != "0001_init.sql" {
		t.Fatalf("embedded migrations: %v, %v", ms, err)
	}
}

// TestConcurrentOpen opens one new file from several goroutines at once, as
// two syndic processes starting together would: every Open succeeds and each
// migration is recorded once.
func TestConcurrentOpen(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		path := testDatabase(t)
		stores := make([]*Store, 4)
		errs := make([]error, len(stores))
		var wg sync.WaitGroup
		for i := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stores[i], errs[i] = Open(context.Background(), path)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("Open %d: %v", i, err)
			}
			defer stores[i].Close()
		}
		var n int
		if err := stores[0].r.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		ms, _ := stores[0].migrations()
		if n != len(ms) {
			t.Fatalf("%d migrations recorded, want %d", n, len(ms))
		}
	})
}
