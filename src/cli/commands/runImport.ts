import { isKindKey, KIND_KEYS } from '../../shared/kindKeys';
import { backupBeforeWrite } from '../../backend/services/backupBeforeImport';
import { importFiles } from '../../backend/services/import/importFiles';
import type { FileImportReport } from '../../shared/importReport';
import { monthOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';
import { cliActor } from './cliActor';
import { withStore } from './withStore';

/** How many updated rows the CLI prints with their changed values. */
const CHANGES_SHOWN = 10;

function shown(v: string | number | null): string {
  return v === null || v === '' ? '（空）' : String(v);
}

function describe(r: FileImportReport): string {
  const c = r.counts;
  if (r.status !== 'imported') {
    const lines = [`✗ ${r.file}：${r.message ?? '未导入'}`];
    if (r.candidates !== undefined && r.candidates.length > 0) {
      for (const cand of r.candidates) {
        lines.push(`  可能是 ${cand.kind}（${cand.label}）${cand.missing.length > 0 ? `，缺少：${cand.missing.join('；')}` : ''}`);
      }
      lines.push(`  请用 --kind 指定数据类型后重试，例如：--kind ${r.candidates[0]?.kind ?? 'attendance'}`);
    }
    for (const e of r.errors.slice(0, 50)) {
      lines.push(`  ${e.file} / ${e.sheet ?? ''} / 第 ${e.row ?? '?'} 行 / ${e.columnLetter ?? ''}列「${e.column ?? ''}」 值「${e.value ?? ''}」：${e.reason}`);
    }
    if (r.errorCount > 50) lines.push(`  ……共 ${r.errorCount} 处错误`);
    return lines.join('\n');
  }
  const target = r.dryRun === true ? '试运行，未写入任何数据' : `批次 #${r.batchId}`;
  const lines = [
    `${r.dryRun === true ? '○' : '✓'} ${r.file} → ${r.kind}（工作表「${r.sheet}」，表头在第 ${r.headerRow} 行）${target}：` +
      `新增 ${c.inserted}，更新 ${c.updated}，未变 ${c.unchanged}，跳过 ${c.skipped}，拒绝 ${c.rejected}，未关联 ${c.unlinked}`,
  ];
  if (c.assignments > 0) lines.push(`  新月份的线路分配：${c.assignments} 户（${r.asOfMonth ?? ''} 起）`);
  const changes = r.changes ?? [];
  if (changes.length > 0) {
    lines.push(`  更新的行（共 ${c.updated} 行，列出前 ${Math.min(CHANGES_SHOWN, changes.length)} 行）：`);
    for (const change of changes.slice(0, CHANGES_SHOWN)) {
      lines.push(`    ${change.key}：${change.fields.map((f) => `${f.label} ${shown(f.old)} → ${shown(f.new)}`).join('；')}`);
    }
  }
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
      'dry-run': { type: 'boolean' },
      by: { type: 'string' },
      district: { type: 'string' },
    },
    true,
  );
  if (positionals.length === 0) throw new UsageError('import 需要至少一个文件');
  if (values.kind !== undefined && !isKindKey(values.kind)) {
    throw new UsageError(`--kind 只能是 ${KIND_KEYS.join(', ')} 之一，收到「${values.kind}」`);
  }
  const encoding = values.encoding;
  if (encoding !== undefined && encoding !== 'auto' && encoding !== 'utf8' && encoding !== 'gb18030') {
    throw new UsageError(`--encoding 只能是 auto、utf8 或 gb18030，收到「${encoding}」`);
  }
  const kind = values.kind !== undefined && isKindKey(values.kind) ? values.kind : undefined;
  const asOfMonth = monthOption(values.month, 'month');
  return withStore(values.db, async (store) => {
    // The contract's backupFirst policy, as import.run has it in the app (a dry run writes nothing).
    if (values['dry-run'] !== true) await backupBeforeWrite(store, 'import.run', new Date());
    const reports = await importFiles(store, positionals, {
      kind,
      skipInvalid: values['skip-invalid'] ?? false,
      encoding,
      asOfMonth,
      dryRun: values['dry-run'] ?? false,
      now: new Date(),
      importedBy: (await cliActor(store, values.by)).who,
      district: values.district,
    });
    if (values.json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
    for (const r of reports) {
      if (r.status !== 'imported') process.stderr.write(describe(r) + '\n');
      else if (!values.json) process.stdout.write(describe(r) + '\n');
    }
    return reports.every((r) => r.status === 'imported') ? 0 : 1;
  });
}
