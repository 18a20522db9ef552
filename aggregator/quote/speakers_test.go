package quote

import (
	"slices"
	"testing"
)

func TestIdentifyForms(t *testing.T) {
	for _, c := range []struct {
		name          string
		key           string
		whole, family []string
	}{
		{"Сергей Лавров", "sergey-lavrov", []string{"сергея лаврова", "сергею лаврову", "sergey lavrov", "sergei lavrov"}, []string{"лавров", "лаврова", "lavrov"}},
		{"Мария Захарова", "mariya-zakharova", []string{"марии захаровой", "maria zakharova"}, []string{"захаровой", "захарову", "zakharova"}},
		{"Дмитрий Песков", "dmitriy-peskov", []string{"дмитрию пескову", "dmitry peskov"}, []string{"пескову", "peskov"}},
		{"Владимир Зеленский", "vladimir-zelenskiy", []string{"владимира зеленского", "vladimir zelensky"}, []string{"зеленского", "зеленскому", "zelensky", "zelenskiy", "zelenskij"}},
		{"Владимир Путин", "vladimir-putin", []string{"владимира путина"}, []string{"путина", "путиным", "putin"}},
		{"Лев Пономарёв", "lev-ponomarev", []string{"льва пономарева"}, []string{"пономарева"}},
		{"Путин", "putin", []string{"путина", "путину", "putin"}, nil},
		{"Sergei Lavrov", "sergei-lavrov", []string{"sergei lavrov"}, []string{"lavrov"}},
	} {
		sp := Identify(c.name)
		if sp.Key != c.key || sp.Person != (c.family != nil) {
			t.Errorf("Identify(%q) = key %q person %v, want %q, a person", c.name, sp.Key, sp.Person, c.key)
		}
		for _, f := range c.whole {
			if !slices.Contains(sp.Whole, f) {
				t.Errorf("Identify(%q): %q not among the whole name's forms %q", c.name, f, sp.Whole)
			}
		}
		for _, f := range c.family {
			if !slices.Contains(sp.Surname, f) {
				t.Errorf("Identify(%q): %q not among the surname's forms %q", c.name, f, sp.Surname)
			}
		}
	}
	// A description is no one in particular: no key (speakers as the
	// contest pages' quotes were credited).
	for _, name := range []string{"ведомство", "пресс-служба городской администрации", "Женщина", "Компания", "МИД", "мэрия",
		"глава МИД России", "пресс-секретарь Кремля", "spokesman Peskov", "Police", "Authorities", "Officials"} {
		if sp := Identify(name); sp.Key != "" {
			t.Errorf("Identify(%q) = key %q, want none: a description", name, sp.Key)
		}
	}
	// A body is filed under its name only; a role is no person.
	for _, name := range []string{"МИД России", "Министерство обороны", "Foreign Ministry"} {
		if sp := Identify(name); sp.Person || len(sp.Surname) > 0 {
			t.Errorf("Identify(%q) = %+v, a person", name, sp)
		}
	}
}
