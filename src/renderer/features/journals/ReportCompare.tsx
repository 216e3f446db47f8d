import { Empty, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copiedSpans } from '../../../core/similarity/copiedSpans';
import type { CompareManagerDto } from '../../../shared/api/journalsApi';
import { ComparePane } from './ComparePane';
import { EntryCard } from './EntryCard';
import { percent, textSimilarity } from './textSimilarity';
import { useEntries } from './useEntries';

/** A manager's monthly report about the month against last month's, the shared runs marked. */
export function ReportCompare({ month, managers, focusedPane, onFocusPane }: { month: string; managers: CompareManagerDto[]; focusedPane: 0 | 1; onFocusPane: (pane: 0 | 1) => void }) {
  const { t } = useTranslation();
  const previousMonth = dayjs(`${month}-01`).subtract(1, 'month').format('YYYY-MM');
  const firstWithReport = managers.find((m) => m.reports > 0)?.code ?? managers[0]?.code ?? null;
  const [code, setCode] = useState<string | null>(firstWithReport);
  useEffect(() => {
    setCode((c) => (c && managers.some((m) => m.code === c) ? c : firstWithReport));
  }, [managers, firstWithReport]);

  const previous = useEntries(code ? { name: 'journals.entries', arg: { kind: 'reports', managerCode: code, month: previousMonth } } : null);
  const current = useEntries(code ? { name: 'journals.entries', arg: { kind: 'reports', managerCode: code, month } } : null);
  const left = previous.entries?.[0];
  const right = current.entries?.[0];
  const compared = useMemo(
    () => (left && right ? { spans: copiedSpans(left.text, right.text), similarity: textSimilarity(left.text, right.text) } : null),
    [left, right],
  );

  return (
    <div data-testid="report-compare" style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 8 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flex: 'none' }}>
        <Select
          size="small"
          value={code ?? undefined}
          placeholder={t('compare.pickManager')}
          showSearch={{ optionFilterProp: 'label' }}
          options={managers.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` }))}
          onChange={(value: string) => setCode(value)}
          style={{ width: 180 }}
          data-testid="report-manager"
        />
        <Typography.Text type="secondary">{t('compare.reportHint')}</Typography.Text>
        {compared && (
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="report-similarity">
            {t('compare.similarityValue', { value: percent(compared.similarity) })}
          </Typography.Text>
        )}
      </div>
      <div style={{ display: 'flex', gap: 12, flex: 1, minHeight: 0 }}>
        {(
          [
            [0, previousMonth, previous, left],
            [1, month, current, right],
          ] as const
        ).map(([i, m, state, entry]) => (
          <ComparePane
            key={i}
            side={i === 0 ? 'left' : 'right'}
            focused={focusedPane === i}
            onFocus={() => onFocusPane(i)}
            header={<Typography.Text strong>{t('compare.reportOf', { month: m })}</Typography.Text>}
          >
            {state.loading && !entry ? (
              <Skeleton active />
            ) : entry ? (
              <EntryCard entry={entry} spans={compared ? (i === 0 ? compared.spans.aSpans : compared.spans.bSpans) : []} onSaved={state.replace} />
            ) : (
              <Empty style={{ marginTop: 24 }} description={t('compare.noReport', { month: m })} />
            )}
          </ComparePane>
        ))}
      </div>
    </div>
  );
}
