/** Autocomplete choices (pure): prefix matches first, then substring matches, within Discord's limits. */
import { LIMITS } from '../limits.ts';
import { truncate } from '../split-text.ts';

export interface Choice {
  name: string;
  value: string;
}

export function matchChoices<T>(items: readonly T[], typed: string, key: (item: T) => string, label: (item: T) => string = key): Choice[] {
  const q = typed.trim().toLowerCase();
  const prefix: T[] = [];
  const inside: T[] = [];
  for (const item of items) {
    const k = key(item).toLowerCase();
    if (k.startsWith(q)) prefix.push(item);
    else if (k.includes(q)) inside.push(item);
  }
  return [...prefix, ...inside].slice(0, LIMITS.choices).map((item) => ({
    name: truncate(label(item), LIMITS.choiceName),
    // A cut value still finds its item: lookups match by substring.
    value: key(item).slice(0, LIMITS.choiceValue),
  }));
}
