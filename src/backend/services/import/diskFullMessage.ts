/** What a supervisor reads when the disk (or the database's size limit) ran out mid-import. */
export const DISK_FULL_MESSAGE =
  '磁盘空间不足（或数据库已达到大小上限），导入已全部回滚，数据库没有任何改动。请清理磁盘空间后重新导入。';

/** SQLite's and the file system's ways of saying so. */
const DISK_FULL = /database or disk is full|SQLITE_FULL|ENOSPC|no space left/i;

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/** Whether an error says the disk (or the database's page limit) is full. */
export function isDiskFull(err: unknown): boolean {
  const code = errorCode(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  return DISK_FULL.test(err instanceof Error ? err.message : String(err));
}

/** The one message for an import that ran out of room, the error's own words in brackets. */
export function diskFullMessage(err: unknown): string {
  return `${DISK_FULL_MESSAGE}（${err instanceof Error ? err.message : errorCode(err) || String(err)}）`;
}
