/** A missing, stale, corrupted or mismatched index. The message always says how to rebuild. */
export class IndexError extends Error {
  constructor(problem: string, readonly fix = 'Rebuild it with `npm run index`.') {
    super(`${problem} ${fix}`);
    this.name = 'IndexError';
  }
}

/** A build that cannot run or cannot finish (no articles, another build running, unsafe output folder). The message is for the user. */
export class IndexBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexBuildError';
  }
}
