import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLexicon, lexiconFromEntries, loadLexicon, parseLexicon } from '../../src/retrieval/question/lexicon.ts';

const entries = {
  meeting: '会议 会',
  'meeting room': '会议室',
  meet: '见 会见',
  chair: '主持 主席',
  chairman: '主席',
  chairperson: '主席',
};

describe('the lexicon file (key<TAB>candidates, sorted)', () => {
  it('reads back what it wrote, in key order whatever the entries’ order', () => {
    const text = formatLexicon(entries, 'test');
    const lines = text.split('\n');
    expect(lines[1]).toBe('chair\t主持 主席');
    expect(lines.slice(1, -1).map((l) => l.split('\t')[0])).toEqual([
      'chair',
      'chairman',
      'chairperson',
      'meet',
      'meeting',
      'meeting room',
    ]);
    const lex = parseLexicon(text);
    expect(lex.size).toBe(6);
    expect(lex.lookup('meeting')).toEqual(['会议', '会']);
    expect(lex.lookup('meeting room')).toEqual(['会议室']);
    expect(lex.lookup('meetings')).toBeUndefined();
    expect(lex.lookup('a')).toBeUndefined();
    expect(lex.lookup('zzz')).toBeUndefined();
  });

  it('finds single-word keys by prefix, shortest first, as from the entries themselves', () => {
    const fromFile = parseLexicon(formatLexicon(entries, 'test'));
    const fromEntries = lexiconFromEntries(entries);
    for (const lex of [fromFile, fromEntries]) {
      expect(lex.keysWithPrefix('chai', 5)).toEqual(['chair', 'chairman', 'chairperson']);
      expect(lex.keysWithPrefix('meet', 5)).toEqual(['meet', 'meeting']); // not the phrase 'meeting room'
      expect(lex.keysWithPrefix('chai', 1)).toEqual(['chair']);
      expect(lex.keysWithPrefix('x', 5)).toEqual([]);
    }
  });

  it('refuses another format, a line without a tab and unsorted keys, naming the line', () => {
    const good = formatLexicon(entries, 'test');
    expect(() => parseLexicon('{"format":1,"entries":{}}')).toThrow(/format 2/);
    expect(() => parseLexicon(good.replace('chairman\t', 'chairman '))).toThrow('line 3 has no key and tab');
    const [header, ...rest] = good.trimEnd().split('\n');
    expect(() => parseLexicon([header, rest[1], rest[0], ...rest.slice(2)].join('\n'))).toThrow('line 3: keys are not sorted');
  });

  it('loads a file once and says how to rebuild a bad one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-lexicon-'));
    const file = path.join(dir, 'en-zh.tsv');
    writeFileSync(file, formatLexicon(entries, 'test'));
    expect(loadLexicon(file)).toBe(loadLexicon(file));
    const bad = path.join(dir, 'bad.tsv');
    writeFileSync(bad, 'meeting\t会议\n');
    expect(() => loadLexicon(bad)).toThrow(/bad\.tsv: not an en-zh lexicon of format 2; rebuild with npm run lexicon:build/);
  });

  it('ships the lexicon in this format', () => {
    const lex = loadLexicon();
    expect(lex.size).toBeGreaterThan(100_000);
    expect(lex.lookup('meeting')?.[0]).toBe('会议');
  });
});
