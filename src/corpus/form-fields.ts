/**
 * The header of meeting minutes (会议纪要, 會議紀錄): labelled fields printed before the minutes —
 * 时间, 地点, 主持/主席, 出席, 列席, 记录 — either `label：value` on one line or, on web pages, the
 * label on a line of its own with the value on the next. Joined like column lines they run into one
 * meaningless sentence (`时间 时间:… 地点 本府6楼第2会议室 主席 市长黄敏惠 …`), so the place is never a
 * sentence of its own and the chair never a `主持` clause. Each field becomes one line `label：value`
 * (as printed when it was one line) and a paragraph of its own, which sentence splitting, people extraction (`people.ts` reads the chair and
 * roster labels) and answer cues then see as printed minutes.
 *
 * The rules are data: `FORM_FIELDS`, one row a field, each with the labels it is printed under.
 */

export type FormField = 'time' | 'place' | 'chair' | 'present' | 'absent' | 'recorder' | 'topic';

export interface FormFieldRow {
  field: FormField;
  /** The labels, simplified and traditional (a label is the whole line, or what precedes the colon). */
  labels: readonly string[];
  /** A header line of this field (written for the tests, not copied from any site). */
  example: string;
}

export const FORM_FIELDS: readonly FormFieldRow[] = [
  { field: 'time', labels: ['时间', '時間', '会议时间', '會議時間', '日期'], example: '时间：2024年3月5日上午9时' },
  { field: 'place', labels: ['地点', '地點', '会议地点', '會議地點', '会址', '會址'], example: '地点：县政府三楼会议室' },
  { field: 'chair', labels: ['主持', '主持人', '主席', '会议主持', '會議主持'], example: '主持人：县长张明' },
  {
    field: 'present',
    labels: [
      '出席',
      '出席人员',
      '出席人員',
      '列席',
      '列席人员',
      '列席人員',
      '出列席人员',
      '出列席人員',
      '参加人员',
      '參加人員',
      '参会人员',
      '參會人員',
    ],
    example: '出席人员：王新亭、张红军',
  },
  { field: 'absent', labels: ['缺席', '请假', '請假', '缺席人员', '缺席人員'], example: '请假：李华' },
  { field: 'recorder', labels: ['记录', '紀錄', '記錄', '纪录', '记录人', '記錄人', '紀錄人'], example: '记录：刘芳' },
  { field: 'topic', labels: ['议题', '議題', '会议议题', '會議議題', '事由'], example: '议题：研究防汛工作' },
];

const LABEL_OF = new Map<string, FormField>(FORM_FIELDS.flatMap((r) => r.labels.map((l) => [l, r.field] as const)));
const LABELS = [...LABEL_OF.keys()].sort((a, b) => b.length - a.length);
/**
 * `label`, `label：`, or `label：value` (a space may stand for the colon: `地点 县政府三楼`). A
 * two-character label may be letter-spaced when a colon follows (`主 席：洪议长允典`, Taiwan minutes).
 */
const FIELD_LINE = new RegExp(
  `^(${LABELS.map((l) => (l.length === 2 ? `${l[0]}(?:[ \\u3000]+(?=${l[1]}\\s*[：:]))?${l[1]}` : l)).join('|')})\\s*(?:[：:]\\s*(.*)|\\s+(\\S.*))?$`,
  'u',
);
/** A value is a line, not a paragraph: a longer line after a lone label is the minutes' text. */
const MAX_VALUE = 80;
/** The header sits at the top: fields are looked for among the first lines only. */
const HEAD_LINES = 40;
/** At least this many different fields make a header (one `主席` line alone is a crosshead or a word). */
const MIN_FIELDS = 2;

interface FieldLine {
  field: FormField;
  label: string;
  value?: string;
  /** The value follows the label after a space, not a colon. */
  spaced?: boolean;
}

function fieldLine(line: string): FieldLine | undefined {
  const m = FIELD_LINE.exec(line.trim());
  if (!m) return undefined;
  const value = (m[2] ?? m[3])?.trim();
  const label = m[1].replace(/[ \u3000]/gu, '');
  return { field: LABEL_OF.get(label)!, label, ...(value ? { value } : {}), ...(m[3] ? { spaced: true } : {}) };
}

export interface FieldLayout {
  lines: string[];
  /** Indexes of the lines that are paragraphs of their own (the fields). */
  standalone: Set<number>;
}

/**
 * The lines of a body with its minutes header, when it has one, laid out one field a line
 * (`label：value`, marked `standalone`: a paragraph of its own); any other body is returned unchanged.
 */
export function separateFormFields(lines: readonly string[]): FieldLayout {
  const head: number[] = [];
  for (let i = 0; i < lines.length && head.length < HEAD_LINES; i++) if (lines[i].trim() !== '') head.push(i);
  const fields = new Set<FormField>();
  for (const i of head) {
    const f = fieldLine(lines[i]);
    if (f) fields.add(f.field);
  }
  if (fields.size < MIN_FIELDS) return { lines: [...lines], standalone: new Set() };

  const out: string[] = [];
  const standalone = new Set<number>();
  const last = head[head.length - 1] ?? -1;
  for (let i = 0; i < lines.length; i++) {
    const f = i <= last ? fieldLine(lines[i]) : undefined;
    if (!f) {
      out.push(lines[i]);
      continue;
    }
    // A field on one line stays as printed (a space after the label becomes the colon); a label alone
    // is joined to the value below it with a colon.
    // A letter-spaced label is written as the word it is (主 席： → 主席：).
    let text = f.spaced ? `${f.label}：${f.value}` : lines[i].trim().replace(/^[^：:]+/u, (l) => l.replace(/[ \u3000]/gu, ''));
    if (f.value === undefined) {
      // A label alone: its value is the next line, unless that line is a field itself (`时间` / `时间:…`).
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === '') j++;
      const next = lines[j]?.trim() ?? '';
      if (next === '' || fieldLine(next) || next.length > MAX_VALUE) continue;
      text = `${f.label}：${next}`;
      i = j;
    }
    standalone.add(out.length);
    out.push(text);
  }
  return { lines: out, standalone };
}
