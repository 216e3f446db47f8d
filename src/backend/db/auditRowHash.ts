import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from './schema';

/**
 * The columns of an audit_log row that its hash covers: all of them but the hash. A column added to
 * audit_log later is not covered (the content array below is frozen with the chain).
 */
export type AuditRowContent = Omit<Selectable<AuditLogTable>, 'hash'>;

/** The hash the first row chains on. */
export const AUDIT_CHAIN_START = '';

/**
 * A row's link in the audit chain: SHA-256 (hex) over the previous row's hash and this row's
 * content, as a JSON array (unambiguous, whatever the text holds). Changing this function breaks
 * every existing chain: it is as frozen as the migrations that use it (0007).
 */
export function auditRowHash(previousHash: string, row: AuditRowContent): string {
  const content = [previousHash, row.id, row.at, row.who, row.entity, row.entity_id, row.field, row.old_value, row.new_value, row.reason];
  return createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex');
}
