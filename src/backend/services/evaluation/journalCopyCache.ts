import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  findJournalCopies,
  type JournalCopyCache,
  type JournalCopyFindings,
  type JournalCopyQuestion,
} from '../../../core/measures/findJournalCopies';
import { boilerplateRanges } from '../../../core/similarity/copiedSpans';
import { findCopies } from '../../../core/similarity/findCopies';
import { findNearCopies } from '../../../core/similarity/findNearCopies';
import { normalizeForSimilarity } from '../../../core/similarity/normalizeForSimilarity';
import type { Database } from '../../db/schema';

/**
 * Bump when the copy rule (core/similarity, findJournalCopies) finds differently for the same
 * entries: kept findings of the old rule then no longer match. The rule's main functions' own
 * source text is part of the key as well, so most edits to them invalidate the kept findings by
 * themselves; helpers they call are not covered, hence the number.
 */
const RULE_VERSION = 1;

let ruleKey: string | null = null;
function rule(): string {
  ruleKey ??= createHash('sha256')
    .update([String(RULE_VERSION), ...[findCopies, findNearCopies, findJournalCopies, boilerplateRanges, normalizeForSimilarity].map(String)].join('\n'))
    .digest('hex');
  return ruleKey;
}

/** SHA-256 of everything the findings depend on: the rule, its settings and every entry compared (id, writer, day, look-back or not, text). */
function questionKey(question: JournalCopyQuestion): string {
  return createHash('sha256').update(rule()).update(JSON.stringify(question.options)).update(JSON.stringify(question.docs)).digest('hex');
}

/** Whether JSON gives back exactly these numbers (it turns NaN and ±Infinity into null, -0 into 0). */
function jsonExact(findings: JournalCopyFindings): boolean {
  const exact = (n: number) => Number.isFinite(n) && !Object.is(n, -0);
  return (
    findings.pairs.every((p) => exact(p.similarity) && p.aBoilerplate.every((r) => r.every(exact)) && p.bBoilerplate.every((r) => r.every(exact))) &&
    findings.perfunctory.every(exact) &&
    findings.specificShare.every(([id, share]) => exact(id) && exact(share))
  );
}

export interface MonthJournalCopyCache extends JournalCopyCache {
  /** Keeps findings computed during the evaluation (call inside the transaction that stores it). */
  save(db: Kysely<Database>): Promise<void>;
}

/**
 * The copy findings kept for a district's month (migrations 0016, 0026), as the cache evaluateMonth
 * asks: the kept findings answer only the very question they were computed for (same key), else the
 * evaluation computes them and `save` keeps the new ones. A kept row that cannot be read is computed anew.
 */
export async function readJournalCopyCache(db: Kysely<Database>, month: string, districtId: number): Promise<MonthJournalCopyCache> {
  const row = await db
    .selectFrom('journal_copy_cache')
    .select(['input_key', 'findings_json'])
    .where('district_id', '=', districtId)
    .where('month', '=', month)
    .executeTakeFirst();
  const keys = new WeakMap<JournalCopyQuestion, string>();
  const keyOf = (question: JournalCopyQuestion) => {
    let key = keys.get(question);
    if (key === undefined) {
      key = questionKey(question);
      keys.set(question, key);
    }
    return key;
  };
  let pending: { key: string; json: string } | null = null;
  return {
    lookup(question) {
      if (!row || row.input_key !== keyOf(question)) return undefined;
      try {
        return JSON.parse(row.findings_json) as JournalCopyFindings;
      } catch {
        return undefined;
      }
    },
    keep(question, findings) {
      pending = jsonExact(findings) ? { key: keyOf(question), json: JSON.stringify(findings) } : null;
    },
    async save(target) {
      if (!pending) return;
      const { key, json } = pending;
      await target
        .insertInto('journal_copy_cache')
        .values({ district_id: districtId, month, input_key: key, findings_json: json })
        .onConflict((oc) => oc.columns(['district_id', 'month']).doUpdateSet({ input_key: key, findings_json: json }))
        .execute();
      pending = null;
    },
  };
}
