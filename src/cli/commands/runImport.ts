import { isKindName, KIND_NAMES } from '../../core/import/kinds';
import { importFiles } from '../../backend/services/import/importFiles';
import type { FileImportReport } from '../../shared/importReport';
import { monthOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { withStore } from './withStore';

function describe(r: FileImportReport): string {
  const c = r.counts;
  if (r.status !== 'imported') {
    const lines = [`✗ ${r.file}：${r.message ?? '未导入'}`];
    for (const e of r.errors.slice(0, 50)) {
      lines.push(`  ${e.file} / ${e.sheet ?? ''} / 第 ${e.row ?? '?'} 行 / ${e.columnLetter ?? ''}列「${e.column ?? ''}」 值「${e.value ?? ''}」：${e.reason}`);
    }
    if (r.errorCount > 50) lines.push(`  ……共 ${r.errorCount} 处错误`);
    return lines.join('\n');
  }
  const lines = [
    `✓ ${r.file} → ${r.kind}（工作表「${r.sheet}」，表头在第 ${r.headerRow} 行）批次 #${r.batchId}：` +
      `新增 ${c.inserted}，更新 ${c.updated}，未变 ${c.unchanged}，跳过 ${c.skipped}，拒绝 ${c.rejected}，未关联 ${c.unlinked}`,
  ];
  if (r.unmapped.length > 0) lines.push(`  未对应的列：${r.unmapped.map((u) => u.header).join('、')}`);
  for (const w of r.warnings) lines.push(`  注意：${w}`);
  return lines.join('\n');
}

export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      db: { type: 'string' },
      kind: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      encoding: { type: 'string' },
      month: { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (positionals.length === 0) throw new UsageError('import 需要至少一个文件');
  if (values.kind !== undefined && !isKindName(values.kind)) {
    throw new UsageError(`--kind 只能是 ${KIND_NAMES.join(', ')} 之一，收到「${values.kind}」`);
  }
  const encoding = values.encoding;
  if (encoding !== undefined && encoding !== 'auto' && encoding !== 'utf8' && encoding !== 'gb18030') {
    throw new UsageError(`--encoding 只能是 auto、utf8 或 gb18030，收到「${encoding}」`);
  }
  const kind = values.kind !== undefined && isKindName(values.kind) ? values.kind : undefined;
  const asOfMonth = monthOption(values.month, 'month');
  return withStore(values.db, async (store) => {
    const reports = await importFiles(store, positionals, {
      kind,
      skipInvalid: values['skip-invalid'] ?? false,
      encoding,
      asOfMonth,
      now: new Date(),
    });
    if (values.json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
    for (const r of reports) {
      if (r.status !== 'imported') process.stderr.write(describe(r) + '\n');
      else if (!values.json) process.stdout.write(describe(r) + '\n');
    }
    return reports.every((r) => r.status === 'imported') ? 0 : 1;
  });
}
