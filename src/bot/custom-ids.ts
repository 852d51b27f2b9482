/**
 * Button custom ids: the state a button needs travels in its id (≤ 100 characters), so page buttons
 * keep working after a restart. Feedback buttons carry a short key into the answers kept in memory.
 */
import { LIMITS } from './limits.ts';

export type ButtonAction =
  | { kind: 'open'; articleId: string }
  | { kind: 'page'; articleId: string; page: number }
  | { kind: 'feedback'; vote: 'up' | 'down'; key: string };

const fits = (id: string) => (id.length <= LIMITS.customId ? id : undefined);

/** "显示全文": opens the article in a new (ephemeral) message. */
export function openArticleButtonId(articleId: string): string | undefined {
  return fits(`open:${articleId}`);
}

/** ◀ ▶: turns the article message in place to `page`. */
export function articlePageButtonId(articleId: string, page: number): string | undefined {
  return fits(`page:${page}:${articleId}`);
}

export function feedbackButtonId(vote: 'up' | 'down', key: string): string {
  return `feedback:${vote}:${key}`;
}

export function parseButtonId(customId: string): ButtonAction | undefined {
  const open = /^open:(.+)$/s.exec(customId);
  if (open) return { kind: 'open', articleId: open[1]! };
  const page = /^page:(-?\d+):(.+)$/s.exec(customId);
  if (page) return { kind: 'page', page: Number(page[1]), articleId: page[2]! };
  const feedback = /^feedback:(up|down):(.+)$/s.exec(customId);
  if (feedback) return { kind: 'feedback', vote: feedback[1] as 'up' | 'down', key: feedback[2]! };
  return undefined;
}
