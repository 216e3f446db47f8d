import { KIND_LABELS_ZH } from '../../core/import/kinds';
import { KIND_KEYS } from '../../shared/kindKeys';
import { listImportBatches } from '../../backend/repositories/importBatchRepository';
import { countRowsByKind } from '../../backend/services/countRowsByKind';
import { parseCommandArgs } from '../parseCommandArgs';
import { withStore } from './withStore';

export async function runStats(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } });
  return withStore(values.db, async (store) => {
    const counts = await countRowsByKind(store);
    const batches = (await listImportBatches(store.db)).map((b) => ({
      id: b.id,
      fileName: b.file_name,
      sha256: b.sha256,
      kind: b.kind,
      sheet: b.sheet,
      headerRow: b.header_row,
      rows: b.rows_total,
      inserted: b.inserted,
      updated: b.updated,
      unchanged: b.unchanged,
      rejected: b.rejected,
      unlinked: b.unlinked,
      status: b.status,
      importedAt: b.imported_at,
      importedBy: b.imported_by,
    }));
    if (values.json) {
      process.stdout.write(JSON.stringify({ counts, batches }, null, 2) + '\n');
      return 0;
    }
    const lines = KIND_KEYS.map((k) => `${KIND_LABELS_ZH[k].padEnd(10, '　')} ${k.padEnd(12)} ${counts[k]}`);
    lines.push('', '导入批次：');
    for (const b of batches) {
      lines.push(
        `#${b.id} ${b.importedAt}${b.importedBy ? ` ${b.importedBy}` : ''} ${b.kind} ${b.fileName}：新增 ${b.inserted}，更新 ${b.updated}，未变 ${b.unchanged}，拒绝 ${b.rejected}${b.status === 'undone' ? '（已撤销）' : ''}`,
      );
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  });
}
