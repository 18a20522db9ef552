package quote

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestRussianNominativeTable brings the Russian names of real articles
// (testdata/quotes/names_ru.tsv: the words before the name, the name as
// printed, its nominative) to the nominative as Find does: the case asked
// for by the words before, then ruNominative. A name comes out right, as
// printed when the lexicon cannot tell (the readings disagree), or wrong;
// the test pins how many of each, and that the names every reader knows
// are right.
func TestRussianNominativeTable(t *testing.T) {
	f, err := os.Open("../../testdata/quotes/names_ru.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var right, printed, wrong int
	got := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		col := strings.Split(sc.Text(), "\t")
		if len(col) != 4 {
			t.Fatalf("names_ru.tsv: %q: want 4 columns", sc.Text())
		}
		before, name, want := col[0], col[1], col[2]
		text := strings.TrimSpace(before + " " + name)
		toks := tokenize(text, 0, len(text), nil, nil)
		i := len(toks) - len(tokenize(name, 0, len(name), nil, nil))
		words := strings.Fields(name)
		first, last, _ := ruNominative(words[:len(words)-1], words[len(words)-1], caseBefore(toks, i), unknownGender)
		nom := strings.Join(append(first, last), " ")
		got[before+"|"+name] = nom
		switch fold := func(s string) string { return strings.ReplaceAll(s, "ё", "е") }; {
		case fold(nom) == fold(want):
			right++
		case nom == name:
			printed++
			t.Logf("as printed: %s | %s, want %s", before, name, want)
		default:
			wrong++
			t.Logf("wrong: %s | %s = %s, want %s", before, name, nom, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	n := right + printed + wrong
	t.Logf("%d names: %d right, %d as printed, %d wrong", n, right, printed, wrong)
	if n < 500 || right*100 < n*93 || wrong*100 > n*2 {
		t.Errorf("%d names: %d right, %d as printed, %d wrong; want at least 500 names, 93%% right, at most 2%% wrong", n, right, printed, wrong)
	}
	for _, tt := range []struct{ before, name, want string }{
		{"министра обороны", "Сергея Шойгу", "Сергей Шойгу"},
		{"ссылкой на сделанное администрацией президента Франции", "Эммануэля Макрона", "Эммануэль Макрон"},
		{"после встречи с президентом Турции", "Реджепом Тайипом Эрдоганом", "Реджеп Тайип Эрдоган"},
		{"СМИ со ссылкой на мэра Киева", "Виталия Кличко", "Виталий Кличко"},
		{"а также с федеральным канцлером Германии", "Ангелой Меркель", "Ангела Меркель"},
		{"Кузьмин направил", "Зеленскому", "Зеленский"},
		{"По оценке", "Захаровой", "Захарова"},
	} {
		if g := got[tt.before+"|"+tt.name]; g != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.before, tt.name, g, tt.want)
		}
	}
}

// TestNominativeKept: a name read again comes from ruNominative's memory,
// the same as read afresh, and a caller changing what it got changes no
// later answer.
func TestNominativeKept(t *testing.T) {
	first, last := []string{"Сергея", "Викторовича"}, "Лаврова"
	f1, l1, g1 := ruNominative(first, last, caseGen, unknownGender)
	want := strings.Join(append(slices.Clone(f1), l1), " ")
	if want != "Сергей Викторович Лавров" || g1 != masculine {
		t.Fatalf("read %q (%v), want Сергей Викторович Лавров, masculine", want, g1)
	}
	f1[0] = "Иван"
	f2, _, _ := ruNominative(first, last, caseGen, unknownGender)
	f2[0] = "Иван"
	f2, l2, g2 := ruNominative(first, last, caseGen, unknownGender)
	fr, lr, gr := readNominative(first, last, caseGen, unknownGender)
	got, fresh := strings.Join(append(f2, l2), " "), strings.Join(append(fr, lr), " ")
	if got != want || got != fresh || g2 != g1 || gr != g1 {
		t.Errorf("read again %q (%v), afresh %q (%v), want %q (%v)", got, g2, fresh, gr, want, g1)
	}
}
