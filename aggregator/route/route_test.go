package route

import (
	"fmt"
	"strings"
	"testing"
)

// Headlines are real: og:title of pages in the tgcontest2019 sample
// (testdata/pages/tgcontest2019_ru_all.tar.gz in shared; file ids in the
// comments), and items of testdata/feeds/lenta_rss_2022-12-03.xml.
var regionRule = Rule{
	Section: "region",
	Any: []string{"Армения", "Ереван", "Пашинян", "армянск*", "Грузия", "Тбилиси", "Турция", "Эрдоган",
		"Иран", "Тегеран", "Armenia", "Yerevan", "Georgia", "Tbilisi", "Turkey", "Türkiye", "Erdogan", "Iran", "Tehran"},
	Not: []string{"футбол", "football"},
}

func TestRouteInflectedFormsAndFalseFriends(t *testing.T) {
	r, err := New([]Rule{regionRule}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title string
		want  bool
	}{
		// Declined forms match.
		{"В Иране раскрыли число погибших в ходе последних протестов", true},                  // lenta
		{"Швеция передала Турции осужденного за участие в Рабочей партии Курдистана", true},   // lenta
		{"Сирийские курды призвали ЕС быть пожёстче с Турцией: «Иначе вас накроет ИГ»", true}, // 4311596830321873667
		{"Трамп и Путин: две карты в игре Эрдогана", true},                                    // 1351532952515207271
		{"Акция протеста перед зданием парламента Грузии возобновится 15 ноября", true},       // 4311596829798966366
		{"Chrysler врезался в столб в Ереване: погиб 36-летний мужчина", true},                // 5897697355095299891
		{"Посол Китая в Армении наградил изучающих китайский", true},                          // 5897697354796578246
		{"Тегеран ввел квоты на розничные продажи бензина и повысил цены", true},              // 5897697355364674976
		{"Иран и Китай наводят технологические мосты", true},                                  // 5897697355364674976
		{"Санкции против Ирана продлены", true},
		{"Переговоры с Ираном возобновятся", true},
		{"Землетрясение в Тегеране", true},
		{"Почему армянские бизнесмены Лос-Анджелеса проигнорировали Пашиняна", true}, // 5897697355661292577
		{"Iran and China build technology bridges", true},
		{"Protests resume in Tbilisi, Georgia's capital", true},
		// Words sharing letters do not.
		{"Пять человек пострадали в Севастополе при столкновении микроавтобуса с грузовиком", false}, // 256376421019042133
		{"В Тамбове под обновлённым мостом на Гагарина снова застрял грузовик", false},               // 4846588114262155497
		{"Станок оставил без скальпа работницу завода в Армавире", false},                            // 5897697354979594499
		{"Таможня задержала груз контрабандных сигарет", false},                                      // cargo, lower case
		{"Iranian-born chef wins cooking show", false},
		{"Ира Иванова выиграла конкурс", false},
		// Prefixes match only when asked: "армянск*" is, "Армения" is not a prefix.
		{"Армянская диаспора провела митинг", true},
		{"Армениевед выступил с лекцией", false},
		// Exclusions win.
		{"Сборная Ирана по футболу вышла в плей-офф", false},
		{"Iran football team reaches the knockout stage", false},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			got := len(r.Route(Text{Title: tt.title})) == 1
			if got != tt.want {
				t.Errorf("in region = %v, want %v; explain: %+v", got, tt.want, r.Explain(Text{Title: tt.title}))
			}
		})
	}
}

func TestRoutePhrasesCapitalsAndYo(t *testing.T) {
	r, err := New([]Rule{
		{Section: "nz", Any: []string{`"Новая Зеландия"`}},
		{Section: "sc", Any: []string{"Южный Кавказ"}}, // unquoted (YAML drops the quotes)
		{Section: "cargo", Any: []string{"груз"}},
		{Section: "yo", Any: []string{"Пётр"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want string
	}{
		{"Премьер Новой Зеландии ушла в отставку", "nz"},
		{"Стабильность на Южном Кавказе", "sc"},
		{"Южный ветер на Кавказе", ""},
		{"Новая модель Зеландии не понравилась", ""}, // not adjacent as a phrase
		{"Зеландия новая", ""},
		{"Груз прибыл в порт", "cargo"}, // lower-case term: any case
		{"Таможня задержала груз", "cargo"},
		{"Петр Первый основал город", "yo"},
		{"Пётр Первый основал город", "yo"},
	}
	for _, tt := range tests {
		got := strings.Join(r.Route(Text{Title: tt.text}), ",")
		if got != tt.want {
			t.Errorf("%q routed to %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestRouteFieldsSourcesAndSourceRefs(t *testing.T) {
	r, err := New([]Rule{
		{Section: "region", Any: []string{"Иран"}, In: []string{FieldTitle}},
		{Section: "world", Any: []string{"Мир"}, In: []string{FieldCategories}},
		{Section: "tass-only", Any: []string{"Иран"}, In: []string{FieldBody}, Sources: []string{"tass"}},
		{Section: "all-of-ria", Sources: []string{"ria"}},
	}, []SourceRef{
		{Source: "lenta", Section: "all"},
		{Source: "lenta", Section: "economy", Categories: []string{"Экономика"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text Text
		want string
	}{
		{"body not looked at", Text{Source: "lenta", Title: "Новости дня", Body: "Иран заявил"}, "all"},
		{"title", Text{Source: "lenta", Title: "Иран заявил"}, "all,region"},
		{"categories", Text{Source: "lenta", Categories: []string{"Мир"}}, "all,world"},
		{"source category rule", Text{Source: "lenta", Categories: []string{"экономика"}}, "all,economy"},
		{"source restriction", Text{Source: "tass", Body: "Иран заявил"}, "tass-only"},
		{"source restriction other", Text{Source: "ria", Body: "Иран заявил"}, "all-of-ria"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(r.Route(tt.text), ","); got != tt.want {
				t.Errorf("got %q, want %q; explain: %+v", got, tt.want, r.Explain(tt.text))
			}
		})
	}
}

func TestExplainSaysWhy(t *testing.T) {
	r, _ := New([]Rule{regionRule}, []SourceRef{{Source: "lenta", Section: "all"}})
	ds := r.Explain(Text{Source: "lenta", Title: "Сборная Ирана по футболу вышла в плей-офф"})
	got := fmt.Sprint(ds)
	for _, want := range []string{"{all true source lenta names this section}", `excluded: term футбол matched "футболу" in title (though term Иран matched "Ирана" in title)`} {
		if !strings.Contains(got, want) {
			t.Errorf("explain %s\nmissing %s", got, want)
		}
	}
	ds = r.Explain(Text{Source: "lenta", Title: "Погода в Москве"})
	if got := fmt.Sprint(ds); !strings.Contains(got, "region false no term matched in title, body") {
		t.Errorf("explain %s", got)
	}
}

func TestNewRejectsBadTerms(t *testing.T) {
	for _, bad := range []Rule{
		{Section: "x", Any: []string{""}},
		{Section: "x", Any: []string{`"Новая Зеландия`}},
		{Section: "x", Any: []string{"!!"}},
		{Section: "x", Not: []string{"a b*"}},
		{Section: "x", Any: []string{"a"}, In: []string{"titel"}},
	} {
		if _, err := New([]Rule{bad}, nil); err == nil {
			t.Errorf("New(%+v) accepted", bad)
		}
	}
}

func TestFingerprintFollowsRules(t *testing.T) {
	a, _ := New([]Rule{regionRule}, nil)
	b, _ := New([]Rule{regionRule}, nil)
	c, _ := New([]Rule{{Section: "region", Any: []string{"Иран"}}}, nil)
	if a.Fingerprint() != b.Fingerprint() || a.Fingerprint() == c.Fingerprint() {
		t.Errorf("fingerprints: %s %s %s", a.Fingerprint(), b.Fingerprint(), c.Fingerprint())
	}
}

// BenchmarkRoute: 20 sections of 50 terms each over a news item of about
// 400 words. go test -bench Route -benchmem ./aggregator/route
func BenchmarkRoute(b *testing.B) {
	var rules []Rule
	for s := 0; s < 20; s++ {
		rule := Rule{Section: fmt.Sprintf("s%d", s), Not: []string{"футбол"}}
		for i := 0; i < 50; i++ {
			switch i % 5 {
			case 0:
				rule.Any = append(rule.Any, fmt.Sprintf("Слово%dх%d", s, i))
			case 1:
				rule.Any = append(rule.Any, fmt.Sprintf("термин%dн%d*", s, i))
			case 2:
				rule.Any = append(rule.Any, fmt.Sprintf(`"Новая Земля%d%d"`, s, i))
			default:
				rule.Any = append(rule.Any, fmt.Sprintf("Term%dx%d", s, i))
			}
		}
		rules = append(rules, rule)
	}
	rules[3].Any[7] = "Иран"
	r, err := New(rules, nil)
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("Министр иностранных дел заявил журналистам, что переговоры с Ираном о ядерной программе продолжатся в Вене на следующей неделе. ", 25)
	text := Text{Title: "Переговоры с Тегераном продолжатся", Body: body, Categories: []string{"Мир"}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if len(r.Route(text)) != 1 {
			b.Fatal("want one section")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
}
