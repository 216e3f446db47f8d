import { GRID_KINDS, type GridKind } from '../../shared/api/dataApi';
import { KIND_KEYS, type KindKey } from '../../shared/kindKeys';
import { agreementsKind } from './agreements';
import { attendanceKind } from './attendance';
import { brandsKind } from './brands';
import { calendarKind } from './calendar';
import { inspectionsKind } from './inspections';
import { journalsKind } from './journals';
import type { GridDeclaration, KindDeclaration, Label } from './kindDeclaration';
import { ordersKind } from './orders';
import { reportsKind } from './reports';
import { retailersKind } from './retailers';
import { rosterKind } from './roster';
import { spotchecksKind } from './spotchecks';
import { surveysKind } from './surveys';

/** Every kind's one declaration (src/core/kinds/<kind>.ts); the parser, grids and labels are derived from these. */
export const KIND_DECLARATIONS: Record<KindKey, KindDeclaration> = {
  roster: rosterKind,
  retailers: retailersKind,
  brands: brandsKind,
  calendar: calendarKind,
  journals: journalsKind,
  attendance: attendanceKind,
  reports: reportsKind,
  surveys: surveysKind,
  orders: ordersKind,
  agreements: agreementsKind,
  inspections: inspectionsKind,
  spotchecks: spotchecksKind,
};

function byKind<T>(pick: (d: KindDeclaration) => T): Record<KindKey, T> {
  // Keys are KIND_KEYS, every one declared above.
  return Object.fromEntries(KIND_KEYS.map((k) => [k, pick(KIND_DECLARATIONS[k])])) as Record<KindKey, T>;
}

export const KIND_LABELS: Record<KindKey, Label> = byKind((d) => d.label);

/** A grid with the kind whose spreadsheet fills it and the table it shows. */
export interface DeclaredGrid extends GridDeclaration {
  importKind: KindKey;
  table: string;
}

function gridsByKind(): Record<GridKind, DeclaredGrid> {
  const grids = new Map<GridKind, DeclaredGrid>();
  for (const k of KIND_KEYS) {
    const d = KIND_DECLARATIONS[k];
    if (d.grid !== null) grids.set(d.grid.kind, { ...d.grid, importKind: d.kind, table: d.table });
  }
  return Object.fromEntries(
    GRID_KINDS.map((g) => {
      const grid = grids.get(g);
      if (!grid) throw new Error(`no kind declares the ${g} grid`);
      return [g, grid];
    }),
  ) as Record<GridKind, DeclaredGrid>;
}

export const GRIDS: Record<GridKind, DeclaredGrid> = gridsByKind();

export const GRID_LABELS: Record<GridKind, Label> = Object.fromEntries(GRID_KINDS.map((g) => [g, GRIDS[g].label])) as Record<GridKind, Label>;
