import { KIND_KEYS, type KindKey } from '../../shared/kindKeys';
import { TABLE_OF_KIND } from '../db/kindTables';
import type { Store } from '../db/openStore';

/** Rows per data kind; attendance counts punches, not the absences recorded beside them. */
export async function countRowsByKind(store: Store): Promise<Record<KindKey, number>> {
  const counts = {} as Record<KindKey, number>;
  for (const kind of KIND_KEYS) {
    const table = TABLE_OF_KIND[kind];
    const row =
      table === 'attendance'
        ? await store.db
            .selectFrom('attendance')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('is_absence', '=', 0)
            .executeTakeFirstOrThrow()
        : await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
    counts[kind] = Number(row.n);
  }
  return counts;
}
