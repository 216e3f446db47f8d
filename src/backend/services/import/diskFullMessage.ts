/** What a supervisor reads when the disk (or the database's size limit) ran out mid-import. */
export const DISK_FULL_MESSAGE =
  '磁盘空间不足（或数据库已达到大小上限），导入已全部回滚，数据库没有任何改动。请清理磁盘空间后重新导入。';
