// SQLite only (not in vitest.config.mts's postgres project): alters and reads the table through better-sqlite3.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../../../../src/backend/db/openStore';
import { GRID_TABLES } from '../../../../../src/backend/repositories/gridTables';
import { gridRowsByIds } from '../../../../../src/backend/repositories/gridRowsRepository';
import { rowDetail } from '../../../../../src/backend/services/data/rowDetail';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { detectHeader } from '../../../../../src/core/import/detectHeader';
import { makeRowParser } from '../../../../../src/core/import/makeRowParser';
import { KIND_DECLARATIONS } from '../../../../../src/core/kinds/kindRegistry';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv } from '../../../../helpers/writeSheets';

/**
 * A field added to a kind in its declaration alone (here 抽查说明 on the spot checks, added in
 * memory) and to its table by a migration (here an ALTER TABLE) is recognised in headers, parsed
 * into the record, written by the importer, kept by a file without its column, and shown in the
 * grid and the row detail, with nothing else changed.
 */
vi.mock('../../../../../src/core/kinds/spotchecks', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../../src/core/kinds/spotchecks')>();
  const { field } = await import('../../../../../src/core/kinds/fieldSpec');
  const { label, text } = await import('../../../../../src/core/kinds/gridColumn');
  const { fieldColumns } = await import('../../../../../src/core/kinds/storedColumn');
  const declared = original.spotchecksKind;
  if (declared.grid === null) throw new Error('spot checks have a grid');
  return {
    spotchecksKind: {
      ...declared,
      fields: [...declared.fields, field('remark', '抽查说明', 'text', ['抽查说明'])],
      columns: { ...declared.columns, ...fieldColumns('remark') },
      grid: { ...declared.grid, columns: [...declared.grid.columns, text('remark', label('抽查说明', 'Remark'), 'remark')] },
    },
  };
});

const now = new Date('2026-11-02T09:00:00Z');
const dir = tempDir();
let store: Store;

const ROSTER = [
  ['工号', '姓名', '手机'],
  ['LH001', '周婷', '13900000001'],
];
const SPOTCHECKS = [
  ['抽查日期', '工号', '抽查项目', '档位', '回答', '抽查说明'],
  ['2026-10-16', 'LH001', '档位户数', '21-30', 12, '现场抽问'],
  ['2026-10-17', 'LH001', '辖区零售户数', null, 80, null],
];

beforeAll(async () => {
  store = await openStore(path.join(dir, 'kaoping.sqlite'));
  // The field's migration.
  store.sqlite.exec('ALTER TABLE spotchecks ADD COLUMN remark TEXT');
});
afterAll(() => store?.close());

describe('a field added to a kind\'s declaration', () => {
  it('is in the declaration the rest is derived from', () => {
    expect(KIND_DECLARATIONS.spotchecks.fields.map((f) => f.key)).toContain('remark');
  });

  it('is found in the header and parsed into the record', () => {
    const rows = SPOTCHECKS.map((cells, i) => ({ rowNumber: i + 1, cells }));
    const match = detectHeader(rows);
    expect(match?.kind).toBe('spotchecks');
    expect(match?.mapped.find((m) => m.field === 'remark')?.header).toBe('抽查说明');
    const parse = makeRowParser(match ?? (undefined as never));
    expect(parse(rows[1] ?? (undefined as never))).toMatchObject({ status: 'record', record: { data: { remark: '现场抽问', answer: 12 } } });
    expect(parse(rows[2] ?? (undefined as never))).toMatchObject({ status: 'record', record: { data: { remark: null } } });
  });

  it('is written by the importer, and kept when a file without its column is imported again', async () => {
    const roster = writeCsv(path.join(dir, '花名册.csv'), ROSTER);
    const spotchecks = writeCsv(path.join(dir, '市场了解抽查.csv'), SPOTCHECKS);
    const reports = await importFiles(store, [roster, spotchecks], { now });
    expect(reports.map((r) => [r.kind, r.status, r.counts?.inserted])).toEqual([
      ['roster', 'imported', 1],
      ['spotchecks', 'imported', 2],
    ]);
    const stored = () => store.sqlite.prepare('SELECT date, answer, remark FROM spotchecks ORDER BY date').all();
    expect(stored()).toEqual([
      { date: '2026-10-16', answer: 12, remark: '现场抽问' },
      { date: '2026-10-17', answer: 80, remark: null },
    ]);

    // The same checks without 抽查说明 and one answer corrected: the remark stays as stored.
    const withoutRemark = writeCsv(
      path.join(dir, '市场了解抽查_更正.csv'),
      SPOTCHECKS.map((row, i) => (i === 1 ? [...row.slice(0, 4), 13] : row.slice(0, 5))),
    );
    const [again] = await importFiles(store, [withoutRemark], { now });
    expect(again?.counts).toMatchObject({ inserted: 0, updated: 1 });
    expect(stored()).toEqual([
      { date: '2026-10-16', answer: 13, remark: '现场抽问' },
      { date: '2026-10-17', answer: 80, remark: null },
    ]);
  });

  it('is a column of the grid and of the row detail, in both languages', async () => {
    const spec = GRID_TABLES.spotchecks;
    expect(spec.columns.find((c) => c.field === 'remark')).toBeDefined();
    const id = (store.sqlite.prepare("SELECT id FROM spotchecks WHERE date = '2026-10-16'").get() as { id: number }).id;
    const [row] = await gridRowsByIds(store.db, spec, [id]);
    expect(row).toMatchObject({ remark: '现场抽问' });
    const detail = await rowDetail(store, 'spotchecks', id, '2026-10');
    expect(detail.columns.find((c) => c.field === 'remark')).toMatchObject({ label: '抽查说明', labelEn: 'Remark' });
    expect(detail.row).toMatchObject({ remark: '现场抽问' });
  });
});
