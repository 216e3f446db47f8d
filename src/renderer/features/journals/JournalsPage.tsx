import { Button, Empty, Segmented, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NearCopyMonthDto } from '../../../shared/api/journalsApi';
import { useApi } from '../../api/useApi';
import { navigate, type CompareMode, type JournalPairRef } from '../../app/hashRoute';
import { DateAlignedView } from './DateAlignedView';
import { DEFAULT_PAIR_FILTERS, filterPairs, samePair, type PairFilters } from './pairFilters';
import { PairList } from './PairList';
import { PairView } from './PairView';
import { ReportCompare } from './ReportCompare';
import { useCompareKeys } from './useCompareKeys';

type Mode = 'pairs' | CompareMode;

/** 日志对照: the month's near-copy pairs, any two managers aligned by date, and this month's report against last month's. */
export function JournalsPage({ month, pair, mode }: { month: string; pair: JournalPairRef | null; mode: Mode }) {
  const { t } = useTranslation();
  // The way of comparing is in the address, so that back/forward and a reload keep it.
  const setMode = (next: Mode) => navigate({ page: next === 'pairs' ? { name: 'journals' } : { name: 'journals', mode: next } });
  const [filters, setFilters] = useState<PairFilters>(DEFAULT_PAIR_FILTERS);
  const [focusedPane, setFocusedPane] = useState<0 | 1>(0);
  const pairsState = useApi('journals.pairs', { month });
  // A pair belongs to its month: picking another month drops it from the address.
  const shownMonth = useRef(month);
  useEffect(() => {
    if (shownMonth.current === month) return;
    shownMonth.current = month;
    if (pair) navigate({ page: { name: 'journals' } });
  }, [month, pair]);
  const managersState = useApi('journals.managers', { month });
  const managers = useMemo(() => managersState.data ?? [], [managersState.data]);
  const allPairs = pairsState.data?.month === month ? pairsState.data.pairs : [];
  const shown = useMemo(() => filterPairs(allPairs, filters), [allPairs, filters]);
  // Without a pair in the address the first listed one is shown; ↑/↓ then put the choice in the address.
  const selected: JournalPairRef | null = pair ?? (shown[0] ? { kind: shown[0].kind, aId: shown[0].aId, bId: shown[0].bId } : null);
  const select = (p: JournalPairRef) => navigate({ page: { name: 'journals', pair: { kind: p.kind, aId: p.aId, bId: p.bId } } });

  const step = (delta: 1 | -1) => {
    if (shown.length === 0) return;
    const at = shown.findIndex((p) => samePair(p, selected));
    const next = at < 0 ? shown[0] : shown[at + delta];
    if (next) select(next);
  };
  useCompareKeys({
    onUp: mode === 'pairs' ? () => step(-1) : undefined,
    onDown: mode === 'pairs' ? () => step(1) : undefined,
    onLeft: () => setFocusedPane(0),
    onRight: () => setFocusedPane(1),
  });

  return (
    <div data-testid="journals-page" data-mode={mode} style={{ height: 'calc(100vh - 80px)', display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flex: 'none' }}>
        <Segmented<Mode>
          value={mode}
          onChange={setMode}
          options={(['pairs', 'managers', 'reports'] as const).map((m) => ({ value: m, label: t(`compare.modes.${m}`) }))}
          data-testid="compare-mode"
        />
        <span style={{ flex: 1 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t(mode === 'pairs' ? 'compare.keysHint' : mode === 'managers' ? 'compare.keysHintDates' : 'compare.keysHintPanes')}
        </Typography.Text>
      </div>
      {mode === 'pairs' && (
        <div style={{ display: 'flex', gap: 12, flex: 1, minHeight: 0 }}>
          <PairsSide month={month} state={pairsState.data?.month === month ? pairsState.data : undefined} error={pairsState.error?.message ?? null}>
            <PairList pairs={shown} total={allPairs.length} filters={filters} onFilters={setFilters} selected={selected} onSelect={select} />
          </PairsSide>
          {selected ? (
            <PairView
              key={`${selected.kind}:${selected.aId}:${selected.bId}`}
              pair={selected}
              info={allPairs.find((p) => samePair(p, selected))}
              focusedPane={focusedPane}
              onFocusPane={setFocusedPane}
            />
          ) : (
            <div style={{ flex: 1 }} />
          )}
        </div>
      )}
      {mode === 'managers' && <DateAlignedView month={month} managers={managers} focusedPane={focusedPane} onFocusPane={setFocusedPane} />}
      {mode === 'reports' && <ReportCompare month={month} managers={managers} focusedPane={focusedPane} onFocusPane={setFocusedPane} />}
    </div>
  );
}

/** The list, or why there is none: still loading, not evaluated (with the way to 考评), or no pairs. */
function PairsSide({ month, state, error, children }: { month: string; state: NearCopyMonthDto | undefined; error: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  const box = { width: 340, flex: 'none', background: '#fff', borderRadius: 6, border: '1px solid #f0f0f0', padding: 16 } as const;
  if (!state) return <div style={box}>{error ? <Empty description={error} /> : <Skeleton active />}</div>;
  if (state.status === 'none') {
    return (
      <div style={box} data-testid="pairs-not-evaluated">
        <Empty description={t('compare.notEvaluated', { month })}>
          <Button type="primary" onClick={() => navigate({ page: { name: 'evaluation' } })}>
            {t('compare.goEvaluate')}
          </Button>
        </Empty>
      </div>
    );
  }
  if (state.pairs.length === 0) {
    return (
      <div style={box} data-testid="pairs-empty">
        <Empty description={t('compare.noPairs', { month })} />
      </div>
    );
  }
  return <>{children}</>;
}
