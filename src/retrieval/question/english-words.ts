/**
 * English word handling shared by the lexicon builder and the question translator, so that
 * dictionary keys and question words are reduced to the same form.
 */

/** Function words that carry no searchable content in a question or a dictionary gloss. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for from with without into onto upon about as and or nor but if then than so ' +
    'what which who whom whose when where why how whatever whichever whoever ' +
    'is are was were be been being am do does did done doing have has had having ' +
    'can could shall should will would may might must ought ' +
    'i me my mine you your yours he him his she her hers it its we us our ours they them their theirs ' +
    'this that these those there here ' +
    'not no yes any some each every all both either neither such own same other another ' +
    'one ones many much more most few less least very too also just only ever even still yet ' +
    'called name named term kind type sort something someone somebody thing things ' +
    'etc e.g i.e ie eg sb sth oneself'
  ).split(/\s+/),
);

/** Irregular forms → base form (verbs mostly; the regular rules cannot recover these). */
const IRREGULAR: Readonly<Record<string, string>> = {
  was: 'be',
  were: 'be',
  been: 'be',
  is: 'be',
  are: 'be',
  am: 'be',
  had: 'have',
  has: 'have',
  did: 'do',
  does: 'do',
  done: 'do',
  went: 'go',
  gone: 'go',
  goes: 'go',
  came: 'come',
  became: 'become',
  begun: 'begin',
  began: 'begin',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  made: 'make',
  said: 'say',
  saw: 'see',
  seen: 'see',
  found: 'find',
  held: 'hold',
  led: 'lead',
  left: 'leave',
  met: 'meet',
  built: 'build',
  bought: 'buy',
  brought: 'bring',
  thought: 'think',
  taught: 'teach',
  caught: 'catch',
  fought: 'fight',
  sought: 'seek',
  sold: 'sell',
  told: 'tell',
  spoke: 'speak',
  spoken: 'speak',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  drove: 'drive',
  driven: 'drive',
  rose: 'rise',
  risen: 'rise',
  grew: 'grow',
  grown: 'grow',
  knew: 'know',
  known: 'know',
  threw: 'throw',
  thrown: 'throw',
  drew: 'draw',
  drawn: 'draw',
  flew: 'fly',
  flown: 'fly',
  fell: 'fall',
  fallen: 'fall',
  won: 'win',
  lost: 'lose',
  paid: 'pay',
  sent: 'send',
  spent: 'spend',
  stood: 'stand',
  understood: 'understand',
  kept: 'keep',
  felt: 'feel',
  heard: 'hear',
  meant: 'mean',
  ran: 'run',
  sat: 'sit',
  set: 'set',
  put: 'put',
  got: 'get',
  gotten: 'get',
  ate: 'eat',
  eaten: 'eat',
  broke: 'break',
  broken: 'break',
  born: 'bear',
  wore: 'wear',
  worn: 'wear',
  struck: 'strike',
  lay: 'lie',
  laid: 'lay',
  hid: 'hide',
  hidden: 'hide',
  forgot: 'forget',
  forgotten: 'forget',
  froze: 'freeze',
  frozen: 'freeze',
  shook: 'shake',
  shaken: 'shake',
  swam: 'swim',
  sang: 'sing',
  sung: 'sing',
  rang: 'ring',
  drank: 'drink',
  fed: 'feed',
  bled: 'bleed',
  fled: 'flee',
  dealt: 'deal',
  lent: 'lend',
  bent: 'bend',
  slept: 'sleep',
  swept: 'sweep',
  wept: 'weep',
  hung: 'hang',
  shot: 'shoot',
  bound: 'bind',
  wound: 'wind',
  ground: 'ground',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'people',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  lives: 'life',
  wives: 'wife',
  knives: 'knife',
  leaves: 'leaf',
  data: 'data',
  media: 'media',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  better: 'good',
  best: 'good',
  worse: 'bad',
  worst: 'bad',
};

/** Words the suffix rules would damage (they end in s/ed/ing but are base forms). */
const KEEP: ReadonlySet<string> = new Set(
  (
    'news series species means physics mathematics economics politics ethics statistics ' +
    'bus gas glass class grass mass pass boss loss cross press dress process business address access ' +
    'success progress congress express chess less unless across this its his hers us yes ' +
    'thus bias atlas canvas alias census virus status campus bonus corpus focus genus ' +
    'analysis basis crisis thesis diagnosis emphasis hypothesis synthesis axis ' +
    'bed red shed seed need feed speed breed weed deed bleed creed greed hundred ' +
    'sacred naked wicked kindred ' +
    'thing king ring sing wing bring spring string sting swing during nothing morning evening ceiling ' +
    'building wedding pudding ' +
    'always perhaps whereas'
  ).split(/\s+/),
);

/**
 * Possible base forms of a word, most likely first, the word itself included. Rule-based stemming
 * cannot know whether "used" is use+d or us+ed, so the caller picks the first form its dictionary
 * knows ("served" → serv, serve; "stopped" → stopp, stop).
 */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return [irregular, w];
  if (w.length <= 3 || KEEP.has(w) || !/^[a-z]+$/.test(w)) return [w];
  const out: string[] = [];
  // Stems shorter than three letters match unrelated dictionary keys ("died" → di).
  const add = (x: string) => {
    if (x.length >= 3 && !out.includes(x)) out.push(x);
  };
  if (/ies$|ied$/.test(w) && w.length > 4) add(w.slice(0, -3) + 'y');
  if (/(ss|sh|ch|x|z|o)es$/.test(w)) add(w.slice(0, -2));
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) add(w.slice(0, -1));
  // -er last and after the word itself: "reporter" and "water" are words, "bigger" rarely a gloss.
  for (const suffix of ['ing', 'ed', 'est', 'er']) {
    if (!w.endsWith(suffix) || w.length < suffix.length + 2) continue;
    if (suffix === 'er' && !out.includes(w)) out.push(w);
    const stem = w.slice(0, -suffix.length);
    if (/([bdfgklmnprtz])\1$/.test(stem)) add(stem.slice(0, -1));
    // Consonant-vowel-consonant stems usually lost an e: losing → lose, making → make, used → use.
    if (/(^|[^aeiou])[aeiou][^aeiouwxy]$/.test(stem)) add(stem + 'e');
    add(stem);
    add(stem + 'e');
  }
  if (w.endsWith('ied')) add(w.slice(0, -1));
  if (w.endsWith('ly') && w.length > 5) add(w.slice(0, -2));
  if (!out.includes(w)) out.push(w);
  return out;
}

/** The most likely base form (first of lemmaCandidates). */
export function lemmatise(word: string): string {
  return lemmaCandidates(word)[0];
}

/** Splits English text into lower-cased words, keeping hyphenated words apart ("high-tech" → high, tech). */
export function englishWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*/g) ?? []).map((w) => w.replace(/'s$/, ''));
}
