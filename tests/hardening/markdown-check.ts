/** Finds Discord Markdown and mentions in what the bot sends that nobody escaped (pure, for assertions). */
import { MARKDOWN_MARKERS } from './hostile-questions.ts';

/** Text with every backslash-escaped character removed, so only live markup is left. */
function withoutEscapes(text: string): string {
  return text.replace(/\\[\s\S]/g, '');
}

/** Live Markdown markers, live line-start blocks (headings, quotes, lists) and live mentions in `text`. */
export function liveMarkup(text: string): string[] {
  const live = withoutEscapes(text);
  const found: string[] = [];
  for (const m of MARKDOWN_MARKERS) if (live.includes(m)) found.push(m);
  // Parentheses are markup only as the second half of a masked link.
  if (/\]\(/.test(live)) found.push('](');
  // Line starts are judged on the text as sent: an escaped block starts with a backslash.
  for (const line of text.split('\n')) {
    const block = /^\s*(#{1,3}\s|>|-#?\s|\d+\.\s)/.exec(line);
    if (block) found.push(`line start "${block[1]!.trim()}"`);
  }
  return found;
}

/**
 * The bot's own markup in an answer's description: bold headings `**[1] …**`, `> ` quote prefixes
 * of excerpts and bold highlights. Removed before looking for anything live the reports or the user wrote.
 */
export function withoutBotMarkup(description: string): string {
  return description
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/^> /gm, '')
    .replace(/\[\d+\] /g, '');
}
