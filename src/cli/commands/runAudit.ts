import { verifyAuditChain } from '../../backend/services/audit/verifyAuditChain';
import { parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { withStore } from './withStore';

/** `audit verify`: walks the audit log's hash chain; exit 0 when intact, 1 naming the first broken row. */
export async function runAudit(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (positionals.length !== 1 || positionals[0] !== 'verify') throw new UsageError('audit 目前只有一个子命令：audit verify');
  return withStore(values.db, async (store) => {
    const check = await verifyAuditChain(store.db);
    if (values.json) process.stdout.write(JSON.stringify(check) + '\n');
    else (check.intact ? process.stdout : process.stderr).write(check.message + '\n');
    return check.intact ? 0 : 1;
  });
}
