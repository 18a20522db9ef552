package news

// KnownOutlets are news agencies, papers, channels and sites by the names
// credits and attributions give them (some inflected: "Известиям"). The
// extractor reads a credit naming one as an outlet, and quote finding never
// takes one for a speaker of what it relays. Callers must not change it.
var KnownOutlets = []string{
	"ТАСС", "ИТАР-ТАСС", "РИА Новости", "РИА «Новости»", "Интерфакс", "Интерфакс-Украина", "РБК", "Коммерсантъ", "Коммерсант", "Ведомости",
	"Известия", "Известиям", "Известий", "Медуза", "Meduza", "Газета.Ru", "Лента.ру", "Lenta.ru", "Фонтанка", "Фонтанка.ру", "EADaily", "Regnum", "REGNUM",
	"Новая газета", "Российская газета", "Комсомольская правда", "Московский комсомолец", "МК", "RT", "Sputnik", "Спутник",
	"Прайм", "ПРАЙМ", "Baza", "Mash", "Shot", "ФАН", "URA.RU", "Свободная пресса", "Труд", "Life", "Лайф", "НТВ", "Первый канал",
	"Россия 24", "Звезда", "Царьград", "Readovka", "Readovka67", "Украинская правда", "УНИАН", "Укринформ", "Страна.ua",
	"Reuters", "Bloomberg", "AP", "Associated Press", "AFP", "Agence France-Presse", "CNN", "BBC", "Al Jazeera", "Axios",
	"Politico", "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Wall Street Journal",
	"Wall Street Journal", "Financial Times", "The Financial Times", "The Guardian", "Guardian", "The Telegraph", "The Times",
	"Der Spiegel", "Spiegel", "Le Monde", "Bild", "Die Welt", "NBC News", "CBS News", "ABC News", "Fox News", "Sky News",
	"Xinhua", "Anadolu", "Anadolu Agency", "APA", "Trend", "Report.az", "Caliber.Az", "Turan", "Kyodo", "Yonhap", "dpa",
	"Euronews", "Newsweek", "The Economist", "The Hill", "NPR", "Semafor", "Interfax", "TASS", "RIA Novosti", "RBC",
	"Kommersant", "Vedomosti", "Izvestia", "EFE", "ANSA", "UNIAN", "Ukrinform", "IRNA", "Tasnim", "Fars", "ISNA",
	"DW", "Deutsche Welle", "Немецкая волна", "Голос Америки", "Радио Свобода", "Би-би-си", "Эхо Москвы",
}
