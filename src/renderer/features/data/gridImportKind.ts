import type { GridKind } from '../../../shared/api/dataApi';
import type { KindKey } from '../../../shared/api/schemas';
import { GRIDS } from '../../../core/kinds/kindRegistry';
import { GRID_KINDS } from '../../../shared/api/dataApi';

/** Which spreadsheet fills which table (from the kinds' declarations): the empty state names the file to import. */
export const GRID_IMPORT_KIND: Record<GridKind, KindKey> = Object.fromEntries(GRID_KINDS.map((g) => [g, GRIDS[g].importKind])) as Record<GridKind, KindKey>;

/** Tables that are not bound to one month (the roster, the retailer and brand catalogues). */
export const MONTHLESS_KINDS: readonly GridKind[] = GRID_KINDS.filter((g) => GRIDS[g].month === null);
