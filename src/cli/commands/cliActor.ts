import type { Store } from '../../backend/db/openStore';
import { actingName } from '../../backend/services/app/supervisor';
import type { Actor } from '../../backend/services/evaluation/changeMonth';

/**
 * Who a command's change is signed with: --by NAME, else $KAOPING_USER, else the supervisor set in
 * 设置 › 常规. Never the operating-system account: that names a PC, not a person who judges.
 */
export async function cliActor(store: Store, by: string | undefined): Promise<Actor> {
  const named = (by ?? '').trim() || (process.env.KAOPING_USER ?? '').trim();
  return { who: named || (await actingName(store.db)), now: new Date() };
}
