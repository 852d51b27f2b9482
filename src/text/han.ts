/**
 * Han-character tests. Two definitions are kept on purpose: the Unicode `Script=Han` property (the
 * default: it includes 〇 and the supplementary planes) and the code ranges the search units were
 * counted with (CJK Extension A and the unified ideographs, and compatibility ideographs), which
 * the stored index statistics and evaluation figures depend on.
 */

/** One Han character (Unicode script property). */
export const HAN_CHAR = /\p{Script=Han}/u;
/** Runs of Han characters, for `match`/`matchAll` (global: never call `.test` on it). */
export const HAN_RUNS = /\p{Script=Han}+/gu;

/** Whether the text holds any Han character. */
export function hasHan(text: string): boolean {
  return HAN_CHAR.test(text);
}

/** Whether a one-character string is Han. */
export function isHanChar(ch: string | undefined): boolean {
  return ch !== undefined && HAN_CHAR.test(ch);
}

/** How many Han characters the text holds. */
export function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** The text's runs of Han characters, in order. */
export function hanRuns(text: string): string[] {
  return text.match(HAN_RUNS) ?? [];
}

/**
 * A UTF-16 code unit of a Han ideograph (BMP blocks; the high surrogate of a supplementary-plane
 * ideograph), for scans that read `charCodeAt`.
 */
export function isHanCodeUnit(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd8bf);
}

/** An ideograph as the search units count them (U+3400–U+9FFF, U+F900–U+FAFF; BMP only). */
export const UNIT_IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether a UTF-16 code unit is one `UNIT_IDEOGRAPH` matches (the same ranges, for scans that read `charCodeAt`). */
export function isUnitIdeographCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** The dots that join the parts of a transliterated name (威廉·琼斯): the 间隔号 and the look-alikes pages print. */
export const NAME_DOTS = '·•‧';
