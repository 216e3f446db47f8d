import type { Kysely } from 'kysely';
import type { AuditCheck } from '../../../shared/api/appApi';
import { AUDIT_CHAIN_START, auditRowHash } from '../../db/auditRowHash';
import { auditSequence } from '../../db/auditSequence';
import type { Database } from '../../db/schema';

/**
 * Walks the audit chain from the first row and stops at the first row that does not hold: a
 * missing id (rows deleted before it), a row without a hash, or a hash that does not match the
 * row's content and the previous row's hash (the row, or one before it, was rewritten or forged).
 * A tail cut off the end shows as the table's sequence above its last id.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditCheck> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const broken = (brokenAt: number, why: string): AuditCheck => ({
    intact: false,
    rows: rows.length,
    brokenAt,
    message: `审计记录不完整：第 ${brokenAt} 条${why}。该条之前的记录可信，之后的无法证明未被改动`,
  });
  let previous = AUDIT_CHAIN_START;
  let expectedId = 1;
  for (const row of rows) {
    if (row.id !== expectedId) {
      return broken(row.id, row.id > expectedId ? `之前的记录（第 ${expectedId}${row.id - 1 > expectedId ? `–${row.id - 1}` : ''} 条）被删除` : '的编号重复或倒序');
    }
    if (!row.hash) return broken(row.id, '没有校验值（不是由考评工作台写入的）');
    const expected = auditRowHash(previous, row);
    if (row.hash !== expected) return broken(row.id, '的内容或校验值与记录链不符（被改写或伪造）');
    previous = row.hash;
    expectedId += 1;
  }
  const seq = await auditSequence(db);
  if (seq > rows.length) {
    return broken(rows.length + 1, `及之后的记录（共 ${seq - rows.length} 条，到第 ${seq} 条）被删除`);
  }
  return { intact: true, rows: rows.length, brokenAt: null, message: `审计记录完整（共 ${rows.length} 条）` };
}
