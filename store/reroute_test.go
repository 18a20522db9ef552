package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/syndic/syndic/news"
)

func TestReroute(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		var items []news.Item
		for i := range 1200 { // more than one batch
			title := fmt.Sprintf("Новость %d", i)
			if i%3 == 0 {
				title += " об Иране"
			}
			items = append(items, news.Item{SourceID: "ria", GUID: fmt.Sprint(i), Link: fmt.Sprintf("https://ria.ru/%d", i), Title: title, Sections: []string{"all"}})
		}
		if _, err := s.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
		allV, _, _ := s.SectionVersion(ctx, "all")

		route := func(it news.Item) []string {
			if strings.Contains(it.Title, "Иран") {
				return []string{"all", "region"}
			}
			return []string{"all"}
		}
		n, err := s.Reroute(ctx, route)
		if err != nil || n != 400 {
			t.Fatalf("Reroute = %d, %v; want 400", n, err)
		}
		region, _ := s.SectionItems(ctx, "region", 1000)
		if len(region) != 400 {
			t.Errorf("region has %d items", len(region))
		}
		if v, _, _ := s.SectionVersion(ctx, "region"); v == 0 {
			t.Error("region version not bumped")
		}
		if v, _, _ := s.SectionVersion(ctx, "all"); v == allV {
			t.Error("all: membership unchanged, but its items changed sections; version should move")
		}
		// Nothing left to do the second time.
		if n, err := s.Reroute(ctx, route); err != nil || n != 0 {
			t.Errorf("second Reroute = %d, %v", n, err)
		}
		// Saving the items again, routed as Reroute did, is no edit.
		for i := range items {
			items[i].Sections = route(items[i])
		}
		res, err := s.SaveItems(ctx, items)
		if err != nil || res.Unchanged != len(items) {
			t.Errorf("resave after reroute: %+v %v", res.Unchanged, err)
		}
		// Items can leave a section too.
		if n, _ := s.Reroute(ctx, func(news.Item) []string { return []string{"all"} }); n != 400 {
			t.Errorf("narrowing moved %d items", n)
		}
		if region, _ := s.SectionItems(ctx, "region", 10); len(region) != 0 {
			t.Errorf("region still has %d items", len(region))
		}
		it, _ := s.ItemByID(ctx, 1)
		if !slices.Equal(it.Sections, []string{"all"}) {
			t.Errorf("sections = %v", it.Sections)
		}
	})
}

func TestSettings(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		if _, ok, err := s.Setting(ctx, "k"); ok || err != nil {
			t.Fatalf("unset setting: %v %v", ok, err)
		}
		for _, v := range []string{"one", "two"} {
			if err := s.SaveSetting(ctx, "k", v); err != nil {
				t.Fatal(err)
			}
			if got, ok, err := s.Setting(ctx, "k"); got != v || !ok || err != nil {
				t.Errorf("Setting = %q %v %v, want %q", got, ok, err, v)
			}
		}
	})
}
