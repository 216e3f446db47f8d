import type { TextEntryDto, TextKind } from '../../../shared/api/journalsApi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { transact } from '../../db/transact';
import { transactClaimed } from '../districts/districtWriteLock';
import { appendAudit } from '../../repositories/auditLogRepository';
import { deleteEntryComment, getEntryComment, putEntryComment } from '../../repositories/entryCommentRepository';
import { MonthTouches } from '../freeze/monthTouches';
import { refuseFinalizedMonths } from '../freeze/refuseFinalizedMonths';
import { RequestError } from '../requestError';
import { entryMonth } from './entryMonth';
import { loadTextEntries } from './loadTextEntries';

export interface CommentRequest {
  kind: TextKind;
  entryId: number;
  /** Empty (after trimming) removes the comment. */
  text: string;
}

const KIND_LABEL: Record<TextKind, string> = { journals: '日志', reports: '月报' };

/**
 * Sets, changes or removes the supervisor's comment on an entry. Refused when the entry's month
 * is finalized (定稿 freezes the evidence the report shows). Every actual change is audited with
 * the old and new text, so a comment is never altered silently.
 */
export async function commentOnEntry(db: Kysely<Database>, req: CommentRequest, actor: { who: string; now: Date }): Promise<TextEntryDto> {
  const [entry] = await loadTextEntries(db, req.kind, { ids: [req.entryId] });
  if (!entry) throw new RequestError('not_found', `找不到${KIND_LABEL[req.kind]} #${req.entryId}，可能已随导入批次撤销`);
  // The entry's month in its manager's district (migration 0014: districts finalize independently).
  const district = (await db.selectFrom('managers').select('district_id').where('code', '=', entry.managerCode).executeTakeFirst())?.district_id;
  const text = req.text.trim();
  const at = actor.now.toISOString();
  const write = async (trx: Kysely<Database>) => {
    // Checked inside the claimed transaction: a finalize of the month cannot slip in between.
    await refuseFinalizedMonths(trx, new MonthTouches().add(entryMonth(entry), `${KIND_LABEL[req.kind]} #${req.entryId}`), '再添加或修改批注', district ?? undefined);
    const old = await getEntryComment(trx, req.kind, req.entryId);
    const oldText = old?.text ?? null;
    const newText = text === '' ? null : text;
    if (oldText === newText) return;
    if (newText === null) await deleteEntryComment(trx, req.kind, req.entryId);
    else await putEntryComment(trx, { kind: req.kind, entryId: req.entryId, text: newText, who: actor.who, at });
    await appendAudit(trx, {
      at,
      who: actor.who,
      entity: 'entry_comment',
      entityId: `${req.kind}/${req.entryId}`,
      field: 'comment',
      oldValue: oldText,
      newValue: newText,
      reason: null,
    });
  };
  await (district === null || district === undefined ? transact(db, write) : transactClaimed(db, { scope: district, action: 'comment', who: actor.who }, write));
  const [saved] = await loadTextEntries(db, req.kind, { ids: [req.entryId] });
  return saved ?? entry;
}
