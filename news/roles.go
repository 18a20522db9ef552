package news

import (
	"slices"
	"strings"
)

// RoleSpheres reads a speaker's role ("министр финансов России",
// "футболист ЦСКА", "FSB Director") for what it says of the person: the
// fields its words name ("state", "sport", "arts", "law", "science",
// "media", "military", "business", "church"; "Телеведущая и певица" names
// two) and the first country it names (an ISO code: "министр финансов
// России", "Russian minister" → "RU"); none and "" when it does not say.
// Words that name several fields ("глава", "директор", "президент",
// "лидер", "судья", "защитник") name none. It is for keeping namesakes
// apart, so it says little.
func RoleSpheres(role string) (fields []string, country string) {
	for w := range EachWord(role) {
		if f := prefixed(roleFields, w.Fold); f != "" && !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
		if country == "" {
			country = countryWords[w.Fold]
			if country == "" {
				country = prefixed(countryStems, w.Fold)
			}
		}
	}
	return fields, country
}

// prefixed is the value of the longest key of m that w begins with.
func prefixed(m map[string]string, w string) string {
	for i := len(w); i > 0; i-- {
		if v, ok := m[w[:i]]; ok {
			return v
		}
	}
	return ""
}

// roleFields are the stems of the words naming a field.
var roleFields = stems(map[string]string{
	"state": `премьер министр замминистр губернатор мэр депутат сенатор спикер секретар посол
		дипломат канцлер госсекретар генпрокурор прокурор вице-премьер premier minister governor
		mayor senator lawmaker congressm spokesm spokesw spokesp ambassador diplomat chancellor`,
	"sport": `футболист хоккеист теннисист баскетболист волейболист боксер борец биатлонист лыжник фигурист
		гимнаст пловец тренер вратар голкипер нападающ полузащитник форвард спортсмен footballer striker
		midfielder goalkeeper coach athlete boxer`,
	"arts": `актер актрис певец певиц режиссер писател поэт музыкант художник композитор артист actor actress
		singer novelist poet musician painter composer filmmaker`,
	"law": `адвокат lawyer attorney`,
	"science": `политолог экономист аналитик социолог историк профессор ученый академик врач хирург эпидемиолог
		вирусолог инфекционист economist analyst professor scientist historian surgeon epidemiologist virologist`,
	"media":    `журналист корреспондент обозревател редактор телеведущ блогер journalist correspondent editor reporter blogger`,
	"military": `генерал адмирал полковник командующ admiral colonel commander`,
	"business": `бизнесмен предпринимател гендиректор банкир businessm entrepreneur banker`,
	"church":   `патриарх митрополит священник архиепископ priest bishop archbishop`,
})

// countryStems are the stems of the words naming a country, countryWords
// the words that name one only whole.
var (
	countryStems = stems(map[string]string{
		"RU": `росси russia`, "UA": `украин ukrain`, "US": `американ america`, "BY": `белорус беларус belarus`,
		"KZ": `казахст kazakh`, "DE": `герман немец german`, "FR": `франци французск france french`,
		"GB": `британ великобритан britain british`, "CN": `китай китая кнр china chinese`, "JP": `япон japan`,
		"TR": `турци турецк turkey turkish`, "IL": `израил israel`, "IR": `иран iran`, "SY": `сири syria`,
		"AZ": `азербайдж azerbaijan`, "AM": `армени армянск armenia`, "GE": `грузи georgia`,
		"MD": `молдав молдов moldova`, "PL": `польш польск poland polish`, "IT": `итали итальянск italy italian`,
	})
	countryWords = map[string]string{"рф": "RU", "сша": "US", "us": "US", "u.s": "US", "uk": "GB"}
)

// stems turns lists of words by value into a map of each word to its value.
func stems(lists map[string]string) map[string]string {
	out := map[string]string{}
	for v, list := range lists {
		for _, w := range strings.Fields(list) {
			out[w] = v
		}
	}
	return out
}

// RoleTitle is a role from the first word naming a field on, at most
// three words ("матча футболист ЦСКА" → "футболист ЦСКА"); the first three
// words when none does.
func RoleTitle(role string) string {
	ws := strings.Fields(role)
	from := slices.IndexFunc(ws, func(w string) bool { return prefixed(roleFields, Fold(w)) != "" })
	ws = ws[max(from, 0):]
	return strings.Join(ws[:min(3, len(ws))], " ")
}
