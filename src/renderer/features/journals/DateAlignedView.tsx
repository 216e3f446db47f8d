import { Empty, Skeleton, Tag, Typography } from 'antd';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareManagerDto } from '../../../shared/api/journalsApi';
import { alignByDate, MIN_MARKED_SIMILARITY, type AlignedEntry } from './alignByDate';
import { EntryCard } from './EntryCard';
import { ManagerDayPicker } from './ManagerDayPicker';
import { percent } from './textSimilarity';
import { useCompareKeys } from './useCompareKeys';
import { useEntries } from './useEntries';

interface SideChoice {
  code: string | null;
  day: string | null;
}

/**
 * Any two managers (or one manager on two days) side by side: a row per date with each side's
 * journals of that date, the runs an entry shares with its closest counterpart marked.
 */
export function DateAlignedView({ month, managers, focusedPane, onFocusPane }: { month: string; managers: CompareManagerDto[]; focusedPane: 0 | 1; onFocusPane: (pane: 0 | 1) => void }) {
  const { t } = useTranslation();
  const writers = managers.filter((m) => m.journals > 0);
  const [left, setLeft] = useState<SideChoice>({ code: writers[0]?.code ?? null, day: null });
  const [right, setRight] = useState<SideChoice>({ code: writers[1]?.code ?? writers[0]?.code ?? null, day: null });
  // The roster arrives after the first render, and a new month may have other writers.
  useEffect(() => {
    setLeft((s) => (s.code && managers.some((m) => m.code === s.code) ? s : { code: writers[0]?.code ?? null, day: null }));
    setRight((s) => (s.code && managers.some((m) => m.code === s.code) ? s : { code: writers[1]?.code ?? writers[0]?.code ?? null, day: null }));
  }, [managers]);
  useEffect(() => {
    setLeft((s) => ({ ...s, day: null }));
    setRight((s) => ({ ...s, day: null }));
  }, [month]);

  const leftEntries = useEntries(left.code ? { name: 'journals.entries', arg: { kind: 'journals', managerCode: left.code, month, ...(left.day ? { date: left.day } : {}) } } : null);
  const rightEntries = useEntries(right.code ? { name: 'journals.entries', arg: { kind: 'journals', managerCode: right.code, month, ...(right.day ? { date: right.day } : {}) } } : null);
  const rows = useMemo(
    () => alignByDate(leftEntries.entries ?? [], rightEntries.entries ?? [], { ...(left.day ? { left: left.day } : {}), ...(right.day ? { right: right.day } : {}) }),
    [leftEntries.entries, rightEntries.entries, left.day, right.day],
  );
  const loading = leftEntries.loading || rightEntries.loading;
  // ↑/↓ walk the dates: the current row is marked and scrolled to; other dates start over (a
  // saved comment changes the entries, not the dates, and keeps the place).
  const [current, setCurrent] = useState(-1);
  const list = useRef<HTMLDivElement>(null);
  const dates = rows.map((r) => r.key).join();
  useEffect(() => setCurrent(-1), [dates]);
  const step = (delta: 1 | -1) => {
    if (rows.length === 0) return;
    const next = Math.min(rows.length - 1, Math.max(0, current + delta));
    setCurrent(next);
    list.current?.querySelectorAll('[data-testid="date-row"]')[next]?.scrollIntoView({ block: 'start' });
  };
  useCompareKeys({ onUp: () => step(-1), onDown: () => step(1) });
  const leftCount = leftEntries.entries?.length ?? 0;
  const rightCount = rightEntries.entries?.length ?? 0;

  return (
    <div data-testid="date-aligned" style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 8 }}>
      <div style={{ display: 'flex', gap: 12, flex: 'none', alignItems: 'center' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <ManagerDayPicker side="left" month={month} managers={managers} code={left.code} day={left.day} onChange={(code, day) => setLeft({ code, day })} />
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <ManagerDayPicker side="right" month={month} managers={managers} code={right.code} day={right.day} onChange={(code, day) => setRight({ code, day })} />
        </div>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }} data-testid="aligned-summary">
        {t('compare.daysCompared', { days: rows.length, left: leftCount, right: rightCount })}
        {'　'}
        {t('compare.markedFrom', { value: `${MIN_MARKED_SIMILARITY * 100}%` })}
      </Typography.Text>
      <div ref={list} style={{ flex: 1, minHeight: 0, overflow: 'auto', background: '#fff', borderRadius: 6, border: '1px solid #f0f0f0' }}>
        {loading && rows.length === 0 ? (
          <Skeleton active style={{ padding: 16 }} />
        ) : rows.length === 0 ? (
          <Empty style={{ padding: 24 }} description={t('compare.noJournalsInMonth')} />
        ) : (
          rows.map((row, index) => (
            <div key={row.key} data-testid="date-row" data-date={row.key} data-current={index === current ? 'true' : 'false'} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <div
                style={{
                  position: 'sticky',
                  top: 0,
                  zIndex: 1,
                  background: index === current ? '#e6f4ff' : '#fafafa',
                  padding: '4px 12px',
                  fontWeight: 600,
                  borderBottom: '1px solid #f0f0f0',
                  borderLeft: index === current ? '3px solid #1677ff' : '3px solid transparent',
                }}
              >
                {row.leftDate === row.rightDate ? row.leftDate : t('compare.twoDays', { left: row.leftDate, right: row.rightDate })}
              </div>
              <div style={{ display: 'flex', gap: 12, padding: '0 4px' }}>
                {([0, 1] as const).map((i) => (
                  <div
                    key={i}
                    data-testid={`row-${i === 0 ? 'left' : 'right'}`}
                    data-focused={focusedPane === i ? 'true' : 'false'}
                    onMouseDown={() => onFocusPane(i)}
                    style={{
                      flex: 1,
                      minWidth: 0,
                      padding: '0 8px',
                      outline: focusedPane === i ? '2px solid #1677ff' : '2px solid transparent',
                      outlineOffset: -2,
                      borderRadius: 4,
                    }}
                  >
                    <SideEntries aligned={i === 0 ? row.left : row.right} onSaved={i === 0 ? leftEntries.replace : rightEntries.replace} />
                  </div>
                ))}
              </div>
            </div>
          ))
        )}
      </div>
    </div>
  );
}

/** Memoized: moving the pane focus (←/→) must not re-render a month of entries. */
const SideEntries = memo(function SideEntries({ aligned, onSaved }: { aligned: AlignedEntry[]; onSaved: Parameters<typeof EntryCard>[0]['onSaved'] }) {
  const { t } = useTranslation();
  if (aligned.length === 0) {
    return (
      <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 0' }}>
        {t('compare.noJournals')}
      </Typography.Text>
    );
  }
  return (
    <>
      {aligned.map((a) => (
        <EntryCard
          key={a.entry.id}
          entry={a.entry}
          spans={a.spans}
          onSaved={onSaved}
          badge={
            a.best === null ? null : (
              <Tag color={a.best >= 0.8 ? 'red' : a.best >= 0.5 ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="best-match">
                {t('compare.bestMatch', { value: percent(a.best) })}
              </Tag>
            )
          }
        />
      ))}
    </>
  );
});
