import type { JournalPairRef } from '../../app/hashRoute';

/** 日志对照: two panes aligned by date, copied spans highlighted; the month's near-copy pairs. */
export function JournalsPage({ month, pair }: { month: string; pair: JournalPairRef | null }) {
  return (
    <div data-testid="journals-page">
      {month} {pair ? `${pair.aId}/${pair.bId}` : ''}
    </div>
  );
}
