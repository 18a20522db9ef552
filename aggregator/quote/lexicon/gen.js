// gen.js writes the Russian name lexicon that names_ru.go embeds. Run it
// with node from a scratch folder holding the two npm packages it reads:
//
//	mkdir /tmp/lex && cd /tmp/lex && npm pack petrovich@0.2.1 lvovich@2.1.0 az@0.2.3 &&
//	  mkdir petrovich lvovich az && tar xzf petrovich-0.2.1.tgz -C petrovich &&
//	  tar xzf lvovich-2.1.0.tgz -C lvovich && tar xzf az-0.2.3.tgz -C az &&
//	  node $REPO/aggregator/quote/lexicon/gen.js /tmp/lex $REPO/aggregator/quote/lexicon
//
// It writes, into the lexicon folder:
//   - petrovich.json: the inflection rules of petrovich (MIT, LICENSE.petrovich):
//     given names, patronymics and surnames, by gender, nominative to the
//     five oblique cases; names_ru.go inverts them.
//   - lvovich.json: the gender rules of lvovich (MIT, LICENSE.lvovich): which
//     endings of a surname in the nominative are a man's, a woman's or
//     either's.
//   - names.tsv: every given name of the OpenCorpora dictionary that az
//     ships (CC BY-SA 3.0, NOTICE.opencorpora): name, gender (m, f or b for
//     both), and "w" when the same word is also a common word ("вера").
//   - surnames.tsv: every surname of that dictionary, with its gender
//     (m, f, or b for a surname of either).
// Words are lower case, with ё as the dictionary spells it.
'use strict';
const fs = require('fs');
const path = require('path');
const [src, out] = process.argv.slice(2);
if (!src || !out) {
  console.error('usage: node gen.js SCRATCH LEXICON-DIR');
  process.exit(2);
}

// petrovich: the rules and the licence, as shipped.
const pv = path.join(src, 'petrovich/package');
const rules = JSON.parse(fs.readFileSync(path.join(pv, 'rules.json'), 'utf8'));
fs.writeFileSync(path.join(out, 'petrovich.json'), JSON.stringify(rules) + '\n');
fs.copyFileSync(path.join(pv, 'LICENSE'), path.join(out, 'LICENSE.petrovich'));

// lvovich: the surname gender rules and the licence, as shipped.
const lv = path.join(src, 'lvovich/package');
const genderRules = require(path.resolve(lv, 'lib/rules/genderRules.js')).default;
fs.writeFileSync(path.join(out, 'lvovich.json'), JSON.stringify(genderRules.lastname) + '\n');
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
each((word, pi, fi) => {
  const p = paradigms[pi];
  const n = p.length / 3;
  const tag = tags[p[n + fi]];
  if (!/\b(Name|Surn|Patr|Geox|Orgn|Trad|Abbr|Init)\b/.test(tag)) {
    common.add(word);
    return;
  }
  const kind = /\bName\b/.test(tag) ? names : /\bSurn\b/.test(tag) ? surnames : null;
  // a surname's paradigm holds the man's and the woman's forms
  if (!kind || !/\bsing,nomn\b/.test(tag)) return;
  const g = /Ms-f|GNdr/.test(tag) ? 'b' : /\bmasc\b/.test(tag) ? 'm' : /\bfemn\b/.test(tag) ? 'f' : 'b';
  if (!kind.has(word)) kind.set(word, new Set());
  kind.get(word).add(g);
});

const gender = s => (s.has('b') || (s.has('m') && s.has('f')) ? 'b' : [...s][0]);
const rows = (m, extra) => [...m.keys()].sort().map(w => w + '\t' + gender(m.get(w)) + extra(w)).join('\n') + '\n';
fs.writeFileSync(path.join(out, 'names.tsv'), rows(names, w => (common.has(w) ? '\tw' : '')));
fs.writeFileSync(path.join(out, 'surnames.tsv'), rows(surnames, () => ''));
console.error(`petrovich rules; ${names.size} given names, ${surnames.size} surnames`);
