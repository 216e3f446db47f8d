import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextEntryDto } from '../../../shared/api/journalsApi';
import { EntryComment } from './EntryComment';
import { HighlightedText } from './HighlightedText';

/** One journal entry or report: who, when, where, its words with the copied runs marked, and the comment. */
export function EntryCard({
  entry,
  spans,
  greyed,
  badge,
  onSaved,
}: {
  entry: TextEntryDto;
  spans: readonly (readonly [number, number])[];
  /** District boilerplate to grey (a near-copy pair's). */
  greyed?: readonly (readonly [number, number])[];
  badge?: ReactNode;
  onSaved: (entry: TextEntryDto) => void;
}) {
  const { t } = useTranslation();
  const when =
    entry.kind === 'reports'
      ? entry.date
        ? t('compare.submittedOn', { date: entry.date })
        : t('compare.notSubmitted')
      : [entry.date, entry.time].filter((x) => x).join(' ');
  const where = entry.kind === 'reports' ? entry.title : entry.retailerName;
  return (
    <div data-testid="entry" data-entry-id={entry.id} data-date={entry.date ?? ''} style={{ padding: '8px 0', borderBottom: '1px dashed #e8e8e8' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap', marginBottom: 4 }}>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {entry.managerName}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {when}
        </Typography.Text>
        {where && (
          // Plain CSS ellipsis: a measured (Typography) ellipsis per entry is slow in a month of journals.
          <span title={where} style={{ color: 'rgba(0,0,0,0.45)', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {where}
          </span>
        )}
        <span style={{ flex: 1 }} />
        {badge}
      </div>
      <HighlightedText text={entry.text} spans={spans} greyed={greyed} />
      <EntryComment entry={entry} onSaved={onSaved} />
    </div>
  );
}
