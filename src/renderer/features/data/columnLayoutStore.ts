import type { ColumnState } from 'ag-grid-community';
import type { GridKind } from '../../../shared/api/dataApi';

/** What is remembered per table on this PC: order, widths, hidden and pinned columns (not sort). */
export type SavedColumn = Pick<ColumnState, 'colId' | 'width' | 'hide' | 'pinned'>;

const storageKey = (kind: GridKind) => `kaoping.grid.${kind}.columns`;

export function loadColumnLayout(kind: GridKind): SavedColumn[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(kind)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((c): c is SavedColumn => c !== null && typeof c === 'object' && typeof (c as SavedColumn).colId === 'string');
  } catch {
    // A damaged entry must not keep the table from opening.
    return [];
  }
}

export function saveColumnLayout(kind: GridKind, state: ColumnState[]): void {
  const layout: SavedColumn[] = state.map(({ colId, width, hide, pinned }) => ({ colId, width, hide, pinned }));
  localStorage.setItem(storageKey(kind), JSON.stringify(layout));
}

export function clearColumnLayout(kind: GridKind): void {
  localStorage.removeItem(storageKey(kind));
}
