import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewFile } from '../../../../../src/backend/services/import/previewFile';
import { tempDir } from '../../../../helpers/tempDir';
import { writeXlsx } from '../../../../helpers/writeSheets';

const dir = tempDir('kaoping-preview-errors-');

describe('previewFile cellErrors', () => {
  it('marks the cells the import would refuse, by row and column, with the reason', async () => {
    const file = await writeXlsx(path.join(dir, '协议量.xlsx'), [
      ['许可证号', '月份', '协议量'],
      ['370902110001', '2026-10', 40],
      ['370902110002', '2026-10', '四十'],
      ['370902110003', '2026-13', 30],
    ]);
    expect(fs.existsSync(file)).toBe(true);
    const preview = await previewFile(file);
    expect(preview.kind).toBe('agreements');
    const errors = preview.cellErrors ?? [];
    expect(errors.some((e) => e.row === 1 && e.column === 2 && e.reason.length > 0)).toBe(true);
    expect(errors.some((e) => e.row === 2 && e.column === 1)).toBe(true);
    expect(errors.some((e) => e.row === 0)).toBe(false);
  });
});
