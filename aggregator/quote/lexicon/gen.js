// gen.js writes the Russian name lexicon that names_ru.go embeds. Run it
// with node from a scratch folder holding the two npm packages it reads:
//
//	mkdir /tmp/lex && cd /tmp/lex && npm pack petrovich@0.2.1 lvovich@2.1.0 az@0.2.3 &&
//	  mkdir petrovich lvovich az && tar xzf petrovich-0.2.1.tgz -C petrovich &&
//	  tar xzf lvovich-2.1.0.tgz -C lvovich && tar xzf az-0.2.3.tgz -C az &&
//	  node $REPO/aggregator/quote/lexicon/gen.js /tmp/lex $REPO/aggregator/quote/lexicon
//
// It writes, into the lexicon folder:
//   - petrovich.tsv: the inflection rules of petrovich (MIT, LICENSE.petrovich)
//     for given names, patronymics and surnames, turned round: a line
//     "kind ending nominative-ending gender case unless" says that a form
//     ending so (a whole word when the ending starts with "=") is the case
//     of the nominative with the ending, for that gender, unless the
//     nominative ends in one of "unless" (comma-separated; "=" a whole
//     word): there an earlier rule of petrovich's applies.
//   - lvovich.tsv: the gender rules of lvovich (MIT, LICENSE.lvovich): a
//     surname in the nominative ending so (a whole word after "=") is a
//     man's (m), a woman's (f) or either's (b).
//   - names.tsv: every given name of the OpenCorpora dictionary that az
//     ships (CC BY-SA 3.0, NOTICE.opencorpora), and those of names-extra.tsv
//     (kept by hand): name, gender (m, f or b for
//     both), "w" when the same word is also a common word ("вера"), then its
//     genitive, dative, accusative, instrumental and prepositional by
//     petrovich, as a man's, then as a woman's name, as its gender has them.
//   - surnames.tsv: every surname of that dictionary, with its gender
//     (m, f, or b for a surname of either).
//   - places.tsv: every place name (Geox noun) of that dictionary, in the
//     singular: its nominative, then its other forms, a form that is also a
//     common word marked "*"; a place that is also a person's name
//     (Пушкин, Королёв) is left out.
//   - common.tsv: the common nouns of that dictionary, singular nominative,
//     that end as surnames do and that no parse makes a name ("окраина").
// Words are lower case, with ё as е.
'use strict';
const fs = require('fs');
const path = require('path');
const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: node gen.js SCRATCH LEXICON-DIR');
  process.exit(2);
}

// petrovich: the rules turned round, and the licence.
const pv = path.join(src, 'petrovich/package');
const petrovich = require(path.resolve(pv, 'dist/petrovich.js'));
const rules = JSON.parse(fs.readFileSync(path.join(pv, 'rules.json'), 'utf8'));
const fold = w => w.toLowerCase().replace(/ё/g, 'е');
const CASES = ['genitive', 'dative', 'accusative', 'instrumental', 'prepositional'];
const inverse = [];
for (const [kind, set] of [['given', rules.firstname], ['patronymic', rules.middlename], ['surname', rules.lastname]]) {
  // petrovich tries the exceptions (whole words), then the suffixes, in
  // order, and never a rule with tags
  const all = (set.exceptions || []).map(r => ({ ...r, whole: true }))
    .concat(set.suffixes.map(r => ({ ...r, whole: false }))).filter(r => !r.tags);
  for (const g of ['m', 'f']) {
    const rs = all.filter(r => r.gender === 'androgynous' || r.gender === (g === 'm' ? 'male' : 'female'));
    rs.forEach((r, i) => {
      for (const t of r.test.map(fold)) {
        let dead = false;
        const unless = [];
        for (const e of rs.slice(0, i)) {
          for (const u of e.test.map(fold)) {
            if (e.whole && !r.whole && u.endsWith(t)) unless.push('=' + u);
            else if (e.whole && r.whole && u === t) dead = true;
            else if (!e.whole && t.endsWith(u)) dead = true;
            else if (!e.whole && u.endsWith(t)) unless.push(u);
          }
        }
        if (dead) continue;
        r.mods.forEach((mod, c) => {
          const drop = (mod.match(/-/g) || []).length, add = mod.replace(/[-.]/g, '');
          const cs = [...t];
          if (drop > cs.length) return;
          const end = cs.slice(0, cs.length - drop).join('') + add;
          inverse.push([kind, (r.whole ? '=' : '') + end, t, g, CASES[c], unless.join(',')].join('\t'));
        });
      }
    });
  }
}
fs.writeFileSync(path.join(out, 'petrovich.tsv'), inverse.join('\n') + '\n');
fs.copyFileSync(path.join(pv, 'LICENSE'), path.join(out, 'LICENSE.petrovich'));

// lvovich: the surname gender rules, and the licence.
const lv = path.join(src, 'lvovich/package');
const genderRules = require(path.resolve(lv, 'lib/rules/genderRules.js')).default;
const lg = { male: 'm', female: 'f', androgynous: 'b' };
const lvRows = [];
for (const [part, pre] of [['exceptions', '='], ['suffixes', '']]) {
  for (const [g, list] of Object.entries(genderRules.lastname[part])) {
    for (const w of list) lvRows.push(pre + fold(w) + '\t' + lg[g]);
  }
}
fs.writeFileSync(path.join(out, 'lvovich.tsv'), lvRows.join('\n') + '\n');
fs.copyFileSync(path.join(lv, 'LICENSE.md'), path.join(out, 'LICENSE.lvovich'));

// az: the OpenCorpora dictionary in pymorphy2's DAWG form (words.dawg maps
// a word, a separator byte 1 and four value bytes: paradigm and form).
const dir = path.join(src, 'az/package/dicts');
const buf = fs.readFileSync(path.join(dir, 'words.dawg'));
const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
const dv = new DataView(ab);
const nUnits = dv.getUint32(0, true);
const units = new Uint32Array(ab, 4, nUnits);
const HAS_LEAF = 1 << 8, EXT = 1 << 9, IS_LEAF = 1 << 31;
const offset = b => ((b >>> 10) << ((b & EXT) >>> 6)) >>> 0;
const label = b => (b & ((IS_LEAF | 0xff) >>> 0)) >>> 0;
const follow = (c, i) => {
  const n = (i ^ offset(units[i]) ^ c) >>> 0;
  return label(units[n]) === c ? n : -1;
};
const cp1251 = new TextDecoder('windows-1251');
const tags = JSON.parse(fs.readFileSync(path.join(dir, 'gramtab-opencorpora-int.json'), 'utf8'));
const suffixes = JSON.parse(fs.readFileSync(path.join(dir, 'suffixes.json'), 'utf8'));
const pbuf = fs.readFileSync(path.join(dir, 'paradigms.array'));
const list = new Uint16Array(pbuf.buffer.slice(pbuf.byteOffset, pbuf.byteOffset + pbuf.length));
const paradigms = [];
for (let pos = 1; paradigms.length < list[0];) {
  const size = list[pos++];
  paradigms.push(list.subarray(pos, pos + size));
  pos += size;
}
const prefixes = ['', 'по', 'наи'];

// every (word, paradigm, form) of the dictionary
function each(fn) {
  const key = [];
  const walk = i => {
    for (let c = 1; c < 256; c++) {
      const n = follow(c, i);
      if (n < 0) continue;
      if (c === 1) {
        value(n, [], v => fn(cp1251.decode(Uint8Array.from(key)), ((v[0] ^ 1) << 6) + (v[1] >> 1), ((v[2] ^ 1) << 6) + (v[3] >> 1)));
        continue;
      }
      key.push(c);
      walk(n);
      key.pop();
    }
  };
  const value = (i, v, k) => {
    if (v.length === 4) return k(v);
    for (let c = 0; c < 256; c++) {
      const n = follow(c, i);
      if (n >= 0) value(n, v.concat(c), k);
    }
  };
  walk(0);
}

const names = new Map(); // lemma -> Set of genders
const surnames = new Map();
const common = new Set(); // words with a parse that is no proper name
const nouns = new Set(); // common nouns in the singular nominative
const places = new Map(); // a form of a place's name -> its nominatives
const personal = new Set(); // forms that are also a person's name
each((word, pi, fi) => {
  const p = paradigms[pi];
  const n = p.length / 3;
  const tag = tags[p[n + fi]];
  if (!/\b(Name|Surn|Patr|Geox|Orgn|Trad|Abbr|Init)\b/.test(tag)) {
    common.add(word);
    if (/\bNOUN\b/.test(tag) && /\bsing,nomn\b/.test(tag)) nouns.add(word);
    return;
  }
  if (/\b(Name|Surn|Patr)\b/.test(tag)) personal.add(word);
  if (/\bGeox\b/.test(tag) && /\bNOUN\b/.test(tag) && /\bsing\b/.test(tag)) {
    const sfx = suffixes[p[fi]], pre = prefixes[p[2 * n + fi]];
    const stem = word.slice(pre.length, word.length - sfx.length);
    const lemma = prefixes[p[2 * n]] + stem + suffixes[p[0]];
    if (!places.has(word)) places.set(word, new Set());
    places.get(word).add(lemma);
  }
  const kind = /\bName\b/.test(tag) ? names : /\bSurn\b/.test(tag) ? surnames : null;
  // a surname's paradigm holds the man's and the woman's forms
  if (!kind || !/\bsing,nomn\b/.test(tag)) return;
  const g = /Ms-f|GNdr/.test(tag) ? 'b' : /\bmasc\b/.test(tag) ? 'm' : /\bfemn\b/.test(tag) ? 'f' : 'b';
  if (!kind.has(word)) kind.set(word, new Set());
  kind.get(word).add(g);
});

// folded to ё as е, a name of two genders (алёна, алена) is either's
const folded = m => {
  const f = new Map();
  for (const [w, gs] of m) {
    const k = fold(w);
    if (!f.has(k)) f.set(k, new Set());
    gs.forEach(g => f.get(k).add(g));
    if (common.has(w)) f.get(k).common = true;
  }
  return f;
};
const gender = s => (s.has('b') || (s.has('m') && s.has('f')) ? 'b' : [...s][0]);
const forms = (w, g) => (g === 'b' ? ['male', 'female'] : [g === 'm' ? 'male' : 'female'])
  .flatMap(sex => CASES.map(c => fold(petrovich[sex].first[c](w))));
const given = folded(names), surn = folded(surnames);
// and the given names OpenCorpora lacks, kept by hand in names-extra.tsv
for (const line of fs.readFileSync(path.join(out, 'names-extra.tsv'), 'utf8').split('\n')) {
  const [w, g] = line.split('\t');
  if (!w || w.startsWith('#')) continue;
  if (!given.has(w)) given.set(w, new Set());
  given.get(w).add(g);
}
fs.writeFileSync(path.join(out, 'names.tsv'), [...given.keys()].sort().map(w => {
  const g = gender(given.get(w));
  return [w, g, given.get(w).common ? 'w' : '', ...forms(w, g)].join('\t');
}).join('\n') + '\n');
fs.writeFileSync(path.join(out, 'surnames.tsv'), [...surn.keys()].sort().map(w => w + '\t' + gender(surn.get(w))).join('\n') + '\n');
console.error(`${inverse.length} petrovich rules turned round; ${given.size} given names, ${surn.size} surnames`);
// places.tsv: a place's nominative, then its other forms; a form that is
// also a common word ends in "*"; places that are also a person's name
// (Пушкин, Королёв) are left out.
const byLemma = new Map();
for (const [w, lemmas] of places) {
  if (personal.has(w)) continue;
  for (const l of lemmas) {
    if (personal.has(l)) continue;
    if (!byLemma.has(fold(l))) byLemma.set(fold(l), new Set());
    if (fold(w) !== fold(l) || common.has(w)) byLemma.get(fold(l)).add(fold(w) + (common.has(w) ? '*' : ''));
  }
}
fs.writeFileSync(path.join(out, 'places.tsv'), [...byLemma.keys()].sort().map(l => l + '\t' + [...byLemma.get(l)].sort().join(',')).join('\n') + '\n');
console.error(`${byLemma.size} places`);
// common.tsv: the common nouns in the singular nominative that end as
// Russian surnames do (the endings personEvidence in names.go takes for a
// surname's) and that no parse makes a person's name: "окраина",
// "причина", which open a sentence as a woman's surname would.
const surnameEnds = ['ов', 'ев', 'ин', 'ова', 'ева', 'ина', 'ский', 'ская', 'цкий', 'енко', 'ук', 'юк', 'ич', 'ян', 'дзе', 'швили'];
const commonNouns = new Set();
for (const w of nouns) {
  const f = fold(w);
  if (personal.has(w) || surn.has(f) || [...f].length <= 4 || !surnameEnds.some(e => f.endsWith(e))) continue;
  commonNouns.add(f);
}
fs.writeFileSync(path.join(out, 'common.tsv'), [...commonNouns].sort().join('\n') + '\n');
console.error(`${commonNouns.size} common nouns that look like surnames`);
