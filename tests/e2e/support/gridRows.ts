import type { Locator } from 'playwright-core';

// AG Grid 36's DOM: body rows are .ag-row[row-index] (header rows carry no row-index).
const BODY_ROW = '.ag-row[row-index]';

/**
 * The rows an AG Grid shows, in display order, as text by column id: what the user sees, not
 * what the backend sent.
 */
export async function gridRows(grid: Locator, colIds: string[]): Promise<Record<string, string>[]> {
  return grid.evaluate(
    (root, { ids, selector }) => {
      const rows = [...root.querySelectorAll<HTMLElement>(selector)];
      rows.sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')));
      return rows.map((row) => {
        const out: Record<string, string> = {};
        for (const id of ids) out[id] = row.querySelector<HTMLElement>(`.ag-cell[col-id="${id}"]`)?.innerText.trim() ?? '';
        return out;
      });
    },
    { ids: colIds, selector: BODY_ROW },
  );
}

/** Waits until the grid shows a first row and none of its rows is still a loading placeholder. */
export async function waitForGridRows(grid: Locator): Promise<void> {
  await grid.locator(`${BODY_ROW}[row-index="0"]`).first().waitFor();
  await grid.page().waitForFunction((root) => root !== null && !root.querySelector('.ag-row-loading'), await grid.elementHandle());
}
