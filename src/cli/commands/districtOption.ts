import type { Store } from '../../backend/db/openStore';
import { resolveDistrict } from '../../backend/services/districts/resolveDistrict';

/** --district NAME as a district id; without it the store's only district (undefined: services decide). */
export async function districtOption(store: Store, name: string | undefined): Promise<number | undefined> {
  return name === undefined ? undefined : ((await resolveDistrict(store.db, name)) ?? undefined);
}
