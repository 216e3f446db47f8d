import { backupBeforeWrite } from '../../backend/services/backupBeforeImport';
import { undoBatch } from '../../backend/services/undoBatch';
import { parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { withStore } from './withStore';

export async function runUndo(args: string[]): Promise<number> {
  // "-1" would otherwise be read as an unknown option.
  const negative = args.find((a) => /^-\d/.test(a));
  if (negative !== undefined) throw new UsageError(`批次编号必须是正整数，收到「${negative}」`);
  const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' } }, true);
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0 || !/^\d+$/.test(id)) throw new UsageError('undo 需要一个批次编号，例如：undo 3');
  return withStore(values.db, async (store) => {
    // The contract's backupFirst policy, as import.undo has it in the app.
    await backupBeforeWrite(store, 'import.undo', new Date());
    const result = await undoBatch(store, Number(id), new Date());
    if (!result.ok) {
      process.stderr.write(result.message + '\n');
      return 1;
    }
    process.stdout.write(`已撤销批次 ${result.batchId}：删除 ${result.deleted} 行，恢复 ${result.restored} 行\n`);
    return 0;
  });
}
