/** A missing, stale, corrupted or mismatched index. The message always says how to rebuild. */
export class IndexError extends Error {
  constructor(problem: string, readonly fix = 'Rebuild it with `npm run index`.') {
    super(`${problem} ${fix}`);
    this.name = 'IndexError';
  }
}
