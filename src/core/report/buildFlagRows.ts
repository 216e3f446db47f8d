import { evidenceSummary } from './evidenceLines';
import { FLAG_TYPE_LABELS_ZH } from './flagTypeLabels';
import type { ReportContext } from './reportContext';
import type { FlagRow } from './reportModel';

/** All flags of the month, managers in rank order, each manager's flags in the order they were raised. */
export function buildFlagRows(ctx: ReportContext): FlagRow[] {
  return ctx.managers.flatMap((manager) =>
    manager.flags.map((flag) => ({
      code: manager.code,
      name: manager.name,
      typeLabel: FLAG_TYPE_LABELS_ZH[flag.type],
      date: flag.date ?? '',
      message: flag.message,
      evidence: evidenceSummary(flag.evidence, ctx.lookup),
    })),
  );
}
