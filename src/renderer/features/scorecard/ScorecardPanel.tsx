/** One manager's scorecard: radar against the district, metrics, flags → evidence, attendance calendar, adjustments. */
export function ScorecardPanel({ month, managerCode }: { month: string; managerCode: string }) {
  return (
    <div data-testid="scorecard">
      {month} {managerCode}
    </div>
  );
}
