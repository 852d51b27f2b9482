/**
 * What an admin is told when a rebuild fails, by the failure's stable code (src/index/errors.ts and
 * ReindexFailedError in src/cli/reindex-process.ts): short, path-free phrases safe to show in Discord.
 * The error's message may name server folders, so it is only logged. A code not listed shows no reason.
 */
export const ADMIN_REASONS: Readonly<Record<string, string>> = {
  LOCKED: '另一个构建正在进行 / another build is running',
  NO_ARTICLES: '没有可读的报道 / no readable reports found',
  INTERRUPTED: '构建被中断 / the build was interrupted',
  KILLED: '构建进程被终止 / the build process was killed',
  BAD_OUTPUT: '索引文件夹不是索引 / the index folder is not an index',
  SPAWN_FAILED: '无法启动构建进程 / the build process could not start',
};

/** The admin's reason for a failed rebuild, from the error's `code` (and the signal of a killed build). */
export function adminReason(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, signal } = err as { code?: unknown; signal?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(ADMIN_REASONS, code)) return undefined;
  return code === 'KILLED' && typeof signal === 'string' ? `${ADMIN_REASONS[code]} (${signal})` : ADMIN_REASONS[code];
}
