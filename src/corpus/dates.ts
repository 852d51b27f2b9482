/** Dates: normalising given dates, finding the printed month/day, and inferring a missing year. */

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2200) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2021-01-12`, `2021/1/12`, `2021.1.12`, `2021年1月12日` (optionally with a time after) → ISO, else undefined. */
export function normaliseDate(value: string): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(value);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

export interface MonthDay {
  month: number;
  day: number;
  /** Printed right before the month (`2021年1月12日`). */
  year?: number;
}

/** The first `M月D日` in the text (spaces already removed), with its year when printed. */
export function findMonthDay(text: string): MonthDay | undefined {
  const re = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { month, day, year: m[1] ? Number(m[1]) : undefined };
  }
  return undefined;
}

/**
 * The year a report was most plausibly written in, from the years it mentions: the latest year mentioned,
 * ignoring target years (`到2035年`, `至2025年`, `2035年远景目标`) since those lie in the future.
 * A January report reviews last year (`2020年`) and plans this one (`2021年度`), so the latest wins.
 */
export function inferYear(text: string): number | undefined {
  const re = /(截至|到|至|迄)?((?:19|20)\d{2})年(远景|遠景|前|底前|以前)?/g;
  let best: number | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if ((m[1] && m[1] !== '截至') || m[3]) continue;
    const y = Number(m[2]);
    if (best === undefined || y > best) best = y;
  }
  return best;
}
