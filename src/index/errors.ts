/**
 * The index stage's errors. Each carries a stable `code` that front ends switch on (the admin's
 * reason in /reindex, `--json` failures); the message is for people and may be reworded freely.
 */

/** Why an index cannot be opened. */
export type IndexErrorCode =
  /** No index folder yet. */
  | 'INDEX_MISSING'
  /** A file missing, truncated or changed, a broken manifest, counts that disagree. */
  | 'INDEX_DAMAGED'
  /** Written by another format version of this program. */
  | 'INDEX_OUTDATED'
  /** Its embedder cannot be loaded here, or now produces another dimension. */
  | 'EMBEDDER_MISMATCH';

/** Why a build could not run or finish. */
export type IndexBuildErrorCode =
  /** Another build holds the lock. */
  | 'LOCKED'
  /** The inputs hold no readable report. */
  | 'NO_ARTICLES'
  /** Stopped (Ctrl-C, SIGTERM) before publishing. */
  | 'INTERRUPTED'
  /** The output folder exists and is not an index. */
  | 'BAD_OUTPUT';

/** Every code a build or load failure may carry. */
export type ErrorCode = IndexErrorCode | IndexBuildErrorCode;

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'INDEX_MISSING',
  'INDEX_DAMAGED',
  'INDEX_OUTDATED',
  'EMBEDDER_MISMATCH',
  'LOCKED',
  'NO_ARTICLES',
  'INTERRUPTED',
  'BAD_OUTPUT',
]);

/** Whether a value read back from another process (a `--json` failure) is one of the codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/** A missing, stale, corrupted or mismatched index. The message always says how to rebuild. */
export class IndexError extends Error {
  constructor(
    readonly code: IndexErrorCode,
    problem: string,
    readonly fix = 'Rebuild it with `npm run index`.',
  ) {
    super(`${problem} ${fix}`);
    this.name = 'IndexError';
  }
}

/** A build that cannot run or cannot finish (no articles, another build running, unsafe output folder). The message is for the user. */
export class IndexBuildError extends Error {
  constructor(
    readonly code: IndexBuildErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IndexBuildError';
  }
}

/** The code of a coded error (ours, by class), or undefined for anything else. */
export function errorCode(err: unknown): ErrorCode | undefined {
  return err instanceof IndexError || err instanceof IndexBuildError ? err.code : undefined;
}
