package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// TestStoriesCommand stores two outlets' reports of one story and one other
// report, groups them with `syndic regroup` and prints them with `syndic
// stories`.
func TestStoriesCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2019, 11, 15, 10, 0, 0, 0, time.UTC)
	body := "Верховный суд России ликвидировал общероссийское движение «За права человека» Льва Пономарева по иску Министерства юстиции, сообщил адвокат движения Михаил Бирюков."
	save := func(src, title, link, text string, when time.Time) {
		if _, err := st.SaveItems(context.Background(), []news.Item{{SourceID: src, GUID: link, Link: link,
			Title: title, Content: "<p>" + text + "</p>", Published: when, Sections: []string{"all"}}}); err != nil {
			t.Fatal(err)
		}
	}
	save("interfax", "Верховный суд ликвидировал движение «За права человека»", "https://www.interfax.ru/russia/1", body, at)
	save("ria", "Верховный суд РФ ликвидировал движение «За права человека»", "https://ria.ru/1", body, at.Add(20*time.Minute))
	save("tass", "В Москве выпал первый снег", "https://tass.ru/1", "В Москве в пятницу выпал первый снег, сообщили синоптики.", at.Add(time.Hour))
	st.Close()

	out, _, err := runCmd(t, "regroup", "--config", "../../feeds.yaml", "--db", db)
	if err != nil || out != "3 stored items in 2 stories\n" {
		t.Fatalf("regroup: %q %v", out, err)
	}
	out, _, err = runCmd(t, "stories", "--config", "../../feeds.yaml", "--db", db, "--since", "2019-11-15", "--json", "--min", "2")
	if err != nil {
		t.Fatal(err)
	}
	var stories []storyOut
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(stories) != 1 || len(stories[0].Reports) != 2 || strings.Join(stories[0].Outlets, ",") != "Interfax,RIA Novosti" ||
		stories[0].Reports[1].Link != "https://ria.ru/1" {
		t.Errorf("stories: %s", out)
	}
	out, _, _ = runCmd(t, "stories", "--config", "../../feeds.yaml", "--db", db, "--since", "2019-11-15")
	if !strings.HasSuffix(out, "2 stor(ies)\n") || !strings.Contains(out, "2 report(s): Interfax, RIA Novosti") {
		t.Errorf("stories:\n%s", out)
	}
}
