import { ExportReportButton } from '../report/ExportReportButton';
import { ScorecardPanel } from '../scorecard/ScorecardPanel';

/** 考评: the month's ranking, re-evaluation, 定稿/reopen; with a manager, that manager's scorecard. */
export function EvaluationPage({ month, manager }: { month: string; manager: string | null }) {
  if (manager) return <ScorecardPanel month={month} managerCode={manager} />;
  // Placeholder until the 考评 page lands (another branch): the export button sits at its top.
  return (
    <div data-testid="evaluation-page">
      <ExportReportButton month={month} />
    </div>
  );
}
