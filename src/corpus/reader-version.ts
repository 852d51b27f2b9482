/**
 * The version of how reports are read into articles (headlines, bodies, dates, people and roles).
 * Bump it when a change to `src/corpus/` gives different articles from the same files: an index
 * records the version it read with, and an update then reads its unchanged files again once (only
 * articles that come out different are re-embedded and re-indexed), so an improvement to reading
 * reaches an archive without `--full`.
 *
 * 2 (3 December 2026): headlines above one-line paragraphs, pinyin glosses, Taiwan government-site furniture and
 *   credits, 列席 as its own role, titled lists.
 * 3 (4 December 2026): surname + title + given name (洪议长允典), letter-spaced minutes labels (主 席：), titles
 *   without datelines, subjects or verbs before them, council, prefecture and Hong Kong/Macau offices; web furniture
 *   (run-on labels, <title> and site-name lines); speech headers; list pages without furniture; 民國 dates in
 *   Chinese numerals.
 * 4 (4 December 2026): web furniture with a font-size switch between labels (时间:… 大 中 小 来源:…), 字型大小 and 源自
 *   labels, 佚名 as no writer, a headline with commas above labelled lines, the headline repeated between paragraphs
 *   (a photo caption) kept out of the body.
 * 5 (4 December 2026): the command posts of a headquarters (总指挥, 副总指挥, 指挥长) are offices people hold.
 * 6 (4 December 2026): web furniture: print buttons and 【大】【中】【小】 between labelled fields, 发布于 / 字体大小 /
 *   新聞日期 labels, Republic-of-China years in labelled dates, a breadcrumb resetting a site header taken as headline,
 *   e-paper masthead lines (数字报, 国内统一刊号, zoom buttons), a section name with a stamp; a writer's name alone in
 *   brackets on the last line of a page without a dateline is its closing credit; the places a headline names
 *   (place-names.ts) join the article's names and their pinyin keys.
 */
export const READER_VERSION = 6;
