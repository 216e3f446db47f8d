import { DIMENSION_KEYS } from '../../../core/measures/dimensions';
import type { Scheme } from '../../../core/scoring/scheme';
import { syncKeyBrandTarget } from '../../../core/scoring/syncKeyBrandTarget';
import { validateScheme } from '../../../core/scoring/validateScheme';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { transactClaimed } from '../districts/districtWriteLock';
import { appendAudit } from '../../repositories/auditLogRepository';
import { findScheme, saveSchemeVersion, type StoredScheme } from '../../repositories/schemeRepository';
import { RequestError } from '../requestError';

/**
 * Saves an edited scheme as the next version of its name (version 1 of a new name). Versions a
 * month was scored with are never touched, so that month keeps reading the same. An invalid
 * scheme is refused with every reason (invalid_scheme, details: the Chinese list).
 */
export async function saveScheme(db: Kysely<Database>, edited: Scheme, who: string, now: Date): Promise<StoredScheme> {
  const name = edited.name.trim();
  return transactClaimed(db, { scope: 'city', action: 'scheme', who }, async (trx) => {
    const latest = await findScheme(trx, name);
    const version = (latest?.scheme.version ?? 0) + 1;
    const scheme = syncKeyBrandTarget({ ...edited, name, version });
    const valid = validateScheme(scheme);
    const errors = [...unknownDimensions(scheme), ...(valid.ok ? [] : valid.errors)];
    if (errors.length > 0) throw new RequestError('invalid_scheme', `考核方案有误：${errors.join('；')}`, errors);
    const saved = await saveSchemeVersion(trx, scheme, who, now);
    await appendAudit(trx, {
      at: now.toISOString(),
      who,
      entity: 'scheme',
      entityId: name,
      field: 'version',
      oldValue: latest ? String(latest.scheme.version) : null,
      newValue: String(saved.scheme.version),
      reason: null,
    });
    return saved;
  });
}

/** validateScheme walks the eight known dimensions; a stray key from a hand-made request would be stored unseen. */
function unknownDimensions(scheme: Scheme): string[] {
  const known: readonly string[] = DIMENSION_KEYS;
  const keys = new Set([...Object.keys(scheme.weights), ...Object.keys(scheme.metrics)]);
  return [...keys].filter((k) => !known.includes(k)).map((k) => `没有「${k}」这个考核维度`);
}
