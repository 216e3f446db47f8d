import type { RawRow } from '../../../core/import/cell';
import { cellText } from '../../../core/import/cellText';

/** Rows tracked for exact duplicates; beyond this a file is not checked further (memory stays bounded). */
const TRACKED_ROWS = 200_000;
const LISTED = 20;

/** Two 32-bit string hashes (FNV-1a and djb2) in one number: a false match is beyond likely. */
function rowHash(row: RawRow): number {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (const cell of row.cells) {
    // Each cell's text and then a \u0001, hashed in place (no joined copy per cell: this runs on every row).
    const text = typeof cell === 'string' ? cell : cellText(cell);
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 1;
      fnv = Math.imul(fnv ^ c, 0x01000193) >>> 0;
      djb = ((djb << 5) + djb + c) >>> 0;
    }
  }
  return (djb & 0x1fffff) * 0x100000000 + fnv;
}

/** Finds rows of a file that repeat an earlier row cell for cell, for a warning with their row numbers. */
export class DuplicateRows {
  private readonly firstRow = new Map<number, number>();
  private readonly pairs: [row: number, first: number][] = [];
  private count = 0;

  see(row: RawRow): void {
    if (this.firstRow.size >= TRACKED_ROWS) return;
    const hash = rowHash(row);
    const first = this.firstRow.get(hash);
    if (first === undefined) {
      this.firstRow.set(hash, row.rowNumber);
      return;
    }
    this.count += 1;
    if (this.pairs.length < LISTED) this.pairs.push([row.rowNumber, first]);
  }

  /** "3 行与前面的行完全相同：第 7 行（同第 5 行）…", or null. */
  warning(): string | null {
    if (this.count === 0) return null;
    const listed = this.pairs.map(([row, first]) => `第 ${row} 行（同第 ${first} 行）`).join('、');
    const more = this.count > this.pairs.length ? ` 等` : '';
    return `${this.count} 行与文件中前面的行完全相同：${listed}${more}。请检查是否重复复制或导出`;
  }
}
