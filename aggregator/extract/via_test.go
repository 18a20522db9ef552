package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/syndic/syndic/news"
)

func TestFindVia(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"He made the statement at a meeting, Caliber.Az reports via Russian media.", []string{"Russian media"}},
		{"Об этом сообщает ТАСС.", []string{"ТАСС"}},
		{"Как передает РИА Новости, решение уже принято.", []string{"РИА Новости"}},
		{"Об этом пишет Bloomberg со ссылкой на источники.", []string{"Bloomberg"}},
		{"Об этом сообщает «Коммерсантъ» со ссылкой на собеседника.", []string{"Коммерсантъ"}},
		{"Об этом сообщил «Интерфаксу» источник.", []string{"Интерфакс"}},
		{"Об этом рассказал «Известиям» депутат.", []string{"Известия"}},
		{"По данным Reuters, сделка сорвалась.", []string{"Reuters"}},
		{"The ceasefire holds, according to Reuters.", []string{"Reuters"}},
		{"The deal is off, according to the Associated Press.", []string{"Associated Press"}},
		{"The plan was approved, according to John Smith.", nil},
		{"Об этом заявил Дмитрий Песков.", nil},
		{"Со ссылкой на источники в правительстве издание пишет о планах.", nil},
		{"The figures were shared via Zoom.", nil},
		{"Об этом рассказали «Фонтанке» в пресс-службе.", nil}, // the site's own name
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			got := findVia(c.text, []string{"Фонтанка.ру", "fontanka.ru", "Caliber.Az"})
			if !slices.Equal(got, c.want) {
				t.Errorf("findVia = %q, want %q", got, c.want)
			}
		})
	}
}

func TestFindAttribution(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		url   string
		want  news.Attribution
	}{
		{
			name:  "caliber",
			lines: []string{"Any use of materials is allowed only if there is a hyperlink to Caliber.az Caliber.az © 2024. . REGION A+ A-"},
			want:  news.Attribution{Required: true, Link: "https://caliber.az", Notice: "Any use of materials is allowed only if there is a hyperlink to Caliber.az"},
		},
		{
			name:  "russian obligatory",
			lines: []string{"© 2024 МИА «Россия сегодня». При использовании материалов гиперссылка на ria.ru обязательна."},
			want:  news.Attribution{Required: true, Link: "https://ria.ru", Notice: "При использовании материалов гиперссылка на ria.ru обязательна."},
		},
		{
			name:  "russian allowed only",
			lines: []string{"Использование материалов разрешено только при наличии гиперссылки на EADaily."},
			url:   "https://eadaily.com/ru/news/1",
			want:  news.Attribution{Required: true, Link: "https://eadaily.com", Notice: "Использование материалов разрешено только при наличии гиперссылки на EADaily."},
		},
		{
			name:  "english required",
			lines: []string{"All rights reserved. A hyperlink to Report.az is required when using materials."},
			want:  news.Attribution{Required: true, Link: "https://report.az", Notice: "A hyperlink to Report.az is required when using materials."},
		},
		{
			name:  "none",
			lines: []string{"Click the link to subscribe.", "Ссылка скопирована"},
			want:  news.Attribution{},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := findAttribution(c.lines, c.url); got != c.want {
				t.Errorf("findAttribution = %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestSourceLines(t *testing.T) {
	page := []byte(`<html><body><article><p>Первый абзац новости, достаточно длинный, чтобы быть телом статьи.</p><p>Второй абзац.</p><p>Источник: ТАСС, Интерфакс</p></article></body></html>`)
	art, _ := Extract(page, Options{URL: "https://example.ru/1"})
	if want := []string{"ТАСС", "Интерфакс"}; !slices.Equal(art.Via, want) {
		t.Errorf("Via = %q, want %q", art.Via, want)
	}
	if strings.Contains(art.Body, "Источник") {
		t.Errorf("credit line in body: %q", art.Body)
	}
}
