package quote

import (
	"strings"
	"testing"

	"github.com/syndic/syndic/news"
)

// TestRussianRoleForms: an oblique form of a role word is the word with an
// ending of a noun or adjective; a word that only begins like one is not; a
// compound declines its last word, and one ending in a role word is one; a
// noun in -ец loses its е in its other forms.
func TestRussianRoleForms(t *testing.T) {
	for _, w := range []string{"бизнес-омбудсмен", "экс-глава", "вице-премьер", "пресс-секретарь"} {
		if !isRuRole(w) || roleHead(w, "ru") != w {
			t.Errorf("%q: isRuRole %v, roleHead %q; want a role word, its own head", w, isRuRole(w), roleHead(w, "ru"))
		}
	}
	for w, want := range map[string]string{
		"министром": "министр", "главой": "глава", "главу": "глава", "президента": "президент",
		"представителями": "представитель", "матери": "мать", "дочери": "дочь", "судьи": "судья",
		"главной": "", "главный": "", "главарь": "", "матч": "", "матчах": "", "судьба": "",
		"принцип": "", "чемпионат": "", "экспертиза": "", "женщин": "", "корольчук": "",
		"бизнес-омбудсмену": "бизнес-омбудсмен", "экс-главы": "экс-глава", "премьер-министром": "премьер-министр",
		"нью-йорка": "", "бизнес-центра": "",
		"очевидцы": "очевидец", "очевидцев": "очевидец", "владельца": "владелец", "продавцу": "продавец",
		"отцом": "отец", "певцы": "певец", "дворца": "",
	} {
		if got := ruRoleForm(w); got != want {
			t.Errorf("ruRoleForm(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestRussianBodyCase: a one-word body's name in an oblique case comes back
// to the nominative the text gives it, and is no speaker's name otherwise.
func TestRussianBodyCase(t *testing.T) {
	d := newDoc("Об этом сообщает агентство Укринформ. Бойцы Росгвардии задержали водителя КамАЗа.", "ru")
	for in, want := range map[string]string{
		"Укринформа": "Укринформ", "КамАЗа": "КамАЗ", "ЧОПа": "ЧОП", "Росгвардии": "Росгвардии",
		"Госдума": "Госдума", "Управление": "Управление", "Газпром": "Газпром",
	} {
		if got := d.ruBodyNom(in); got != want {
			t.Errorf("ruBodyNom(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{
		"Интерфаксу": true, "Известиям": true, "Стройгазете": true, "Росгвардии": true, "Коммунистов": true, "Альфа-банка": true, "Роснефти": true,
		"Газпром": false, "Управление": false, "Госдума": false, "ОмГТУ": false, "ВКонтакте": false, "Reuters": false,
	} {
		if got := ruObliqueBody(in); got != want {
			t.Errorf("ruObliqueBody(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestRussianPlaces: the gazetteer knows the forms of places, not common
// words that are also places, nor places named after people.
func TestRussianPlaces(t *testing.T) {
	for w, want := range map[string]bool{
		"бурятии": true, "орска": true, "сыктывкар": true, "москвой": true, "турции": true,
		"орла": false, "пушкин": false, "дом": false, "глава": false,
	} {
		if got := ruPlace(w); got != want {
			t.Errorf("ruPlace(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCompoundRole: a compound ending in a role word heads the speaker's
// role as one does ("бизнес-омбудсмен Борис Титов").
func TestCompoundRole(t *testing.T) {
	qs := Find("«Мы будем активно оспаривать приговор», — сообщил бизнес-омбудсмен Борис Титов.", "ru")
	if len(qs) != 1 || qs[0].Speaker != "Борис Титов" || qs[0].Role != "бизнес-омбудсмен" {
		t.Errorf("got %+v, want one quote by Борис Титов, бизнес-омбудсмен", qs)
	}
}

// TestRussianBodyNames: a body's noun takes the genitive words and the
// place after it ("Прокуратура австрийского Зальцбурга"), not a dative's
// ("мэрией проекту бюджета Омска" names no body: the common noun alone
// describes one). (charter97.org and a contest page, November 2019.)
func TestRussianBodyNames(t *testing.T) {
	for text, want := range map[string]string{
		"Прокуратура австрийского Зальцбурга предъявила обвинение отставному полковнику.":        "Прокуратура австрийского Зальцбурга",
		"Депутат высказал претензии к представленному мэрией проекту бюджета Омска на 2020 год.": "",
	} {
		d := newDoc(text, "ru")
		got := ""
		for _, ts := range [][]token{d.paras[0].toks} {
			for i := range ts {
				if o, j := orgAt(ts, i, "ru"); j > i {
					got = o
					break
				}
			}
		}
		if got != want {
			t.Errorf("%.50s…: body %q, want %q", text, got, want)
		}
	}
}

// TestRoleWithPrepositions: "по", "при" and "с" join the words of a
// Russian role, and a verb between the role and the name is none of them
// (contest pages, November 2019: the first role had been "политике КГМК");
// "с" before another's role or right before the name joins nothing ("с
// президентом Украины", "во главе с Виталием Мутко").
func TestRoleWithPrepositions(t *testing.T) {
	checkOneQuote(t, "ru", "role", func(q news.Quote) string { return q.Role }, map[string]string{
		"- Остановка плавцеха будет проходить поэтапно, - сообщил заместитель директора департамента по персоналу и социальной политике КГМК Игорь Духтанов.": "заместитель директора департамента по персоналу и социальной политике КГМК",
		"«Мы будем добиваться справедливости», — заявила Уполномоченный при президенте РФ по правам ребенка Анна Кузнецова.":                                  "Уполномоченный при президенте РФ по правам ребенка",
		"Пост заместителя главы Орска по муниципальному хозяйству занял Иван Петров. «Работы много», — сказал Иван Петров.":                                   "заместитель главы Орска по муниципальному хозяйству",
		"«Разумеется, мы поговорим о полетах», — сказал спецпредставитель премьер-министра Грузии по урегулированию отношений с Россией Зураб Абашидзе.":      "спецпредставитель премьер-министра Грузии по урегулированию отношений с Россией",
		"Оргкомитет во главе с Виталием Мутко утвержден. «В план войдут 25 проектов», — отмечал Виталий Мутко.":                                               "",
	})
	text := "Белый дом опубликовал стенограмму разговора президента США Дональда Трампа с президентом Украины Владимиром Зеленским.\n\n«Думаю, вы будете работать отлично», — отметил президент США."
	if qs := Find(text, "ru"); len(qs) != 1 || qs[0].Speaker != "Дональд Трамп" {
		t.Errorf("Find(%.60q…) = %+v, want the quote Дональд Трамп's", text, qs)
	}
}

// TestFormerHolderDescribed: a description of a former holder keeps the
// "former" ("Бывший президент призвал", "бывшего главы МИД"): the speaker is
// the ex-president, never the president. (Contest pages, 15 November 2019.)
func TestFormerHolderDescribed(t *testing.T) {
	text := "Экс-президент Боливии Эво Моралес готов вернуться в страну.\n\nБывший президент призвал полицию страны «не пачкать руки в крови» боливийцев.\n\n«Я вернусь», — сказал бывший президент."
	qs := Find(text, "ru")
	if len(qs) != 2 {
		t.Fatalf("Find(%.60q…) = %+v, want two quotes", text, qs)
	}
	for _, q := range qs {
		if q.Speaker != "Эво Моралес" || q.Role != "экс-президент" {
			t.Errorf("%q: speaker %q, role %q; want Эво Моралес, экс-президент", q.Text, q.Speaker, q.Role)
		}
	}
	if got := ruRoleNomText("бывшего главы МИД"); got != "экс-глава МИД" {
		t.Errorf("ruRoleNomText(бывшего главы МИД) = %q, want экс-глава МИД", got)
	}
}

// TestPluralAdjectivalRoles: a role that is an adjective used as a noun is
// plural in "ученых", "военными" (no singular form ends so): "по мнению
// ученых" is no one person, never the author named before. (Die Welt on
// inosmi.ru, 15 November 2019.)
func TestPluralAdjectivalRoles(t *testing.T) {
	for w, want := range map[string]bool{"ученых": true, "военными": true, "депутатов": true, "ученого": false, "военный": false, "ученый": false} {
		if got := ruPluralRole(w); got != want {
			t.Errorf("ruPluralRole(%q) = %v, want %v", w, got, want)
		}
	}
	text := "\"Они вращаются вокруг своей звезды\", - отмечает автор статьи Норберт Лоссау.\n\n" +
		"Однако, по мнению ученых из Северо-Западного университета, существует много других параметров.\n\n" +
		"\"Исследователи учли не только излучение соответствующей звезды, но и применили к планетам климатические модели\"."
	for _, q := range Find(text, "ru") {
		if strings.HasPrefix(q.Text, "Исследователи") && q.Speaker != "" {
			t.Errorf("Find(%.60q…): %+v, want the scientists' words credited to no one", text, q)
		}
	}
}

// TestRolesInOtherWords: a feminine role word is a role word, in its
// oblique forms too; a description names the head of a body as a role
// does in other words (a former head only as a former one), and a
// ministry by the compound of its name's starts ("Минздрав").
func TestRolesInOtherWords(t *testing.T) {
	for w, want := range map[string]string{
		"руководительница": "руководительница", "руководительницы": "руководительница", "помощницей": "помощница",
		"журналистку": "журналистка", "начальнице": "начальница",
	} {
		if !isRuRole(want) || ruRoleForm(w) != want && w != want {
			t.Errorf("%q: isRuRole(%q) %v, ruRoleForm %q", w, want, isRuRole(want), ruRoleForm(w))
		}
	}
	for _, c := range []struct {
		role, head string
		want       bool
	}{
		{"экс-руководительница министерства здравоохранения", "экс-глава", true},
		{"руководительница министерства здравоохранения", "глава", true},
		{"руководительница министерства здравоохранения", "экс-глава", false},
		{"экс-глава минздрава", "глава", false},
		{"министр иностранных дел", "глава", false},
	} {
		if got := sameLeader(c.role, c.head); got != c.want {
			t.Errorf("sameLeader(%q, %q) = %v, want %v", c.role, c.head, got, c.want)
		}
	}
	for _, c := range []struct {
		role, qual string
		want       bool
	}{
		{"экс-руководительница министерства здравоохранения", "минздрава", true},
		{"министр обороны россии", "минобороны", true},
		{"депутат государственной думы", "госдумы", true},
		{"глава министерства финансов", "минфина", true},
		{"министр иностранных дел", "минздрава", false},
		{"депутат министерства здравоохранения", "мировой", false},
		{"народный депутат", "минздрава", false},
	} {
		if got := qualifies(c.role, c.qual); got != c.want {
			t.Errorf("qualifies(%q, %q) = %v, want %v", c.role, c.qual, got, c.want)
		}
	}
}
