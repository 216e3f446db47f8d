import { Empty, Segmented, Select, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NearCopyPairDto } from '../../../shared/api/journalsApi';
import type { JournalPairRef } from '../../app/hashRoute';
import { samePair, type KindFilter, type PairFilters, type PairSort, type RelationFilter } from './pairFilters';
import { percent } from './textSimilarity';

/** The month's near-copy pairs: filters and sort on top, one row per pair, the selected one marked. */
export function PairList({
  pairs,
  total,
  filters,
  onFilters,
  selected,
  onSelect,
}: {
  pairs: NearCopyPairDto[];
  total: number;
  filters: PairFilters;
  onFilters: (f: PairFilters) => void;
  selected: JournalPairRef | null;
  onSelect: (p: NearCopyPairDto) => void;
}) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  // Keep the selected row in view when ↑/↓ moves past the visible part of the list.
  useEffect(() => {
    listRef.current?.querySelector('[data-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <div data-testid="pair-list" style={{ width: 340, flex: 'none', display: 'flex', flexDirection: 'column', background: '#fff', borderRadius: 6, border: '1px solid #f0f0f0' }}>
      <div style={{ padding: 8, display: 'flex', flexDirection: 'column', gap: 6, borderBottom: '1px solid #f0f0f0' }}>
        <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <Segmented<RelationFilter>
            size="small"
            value={filters.relation}
            onChange={(relation) => onFilters({ ...filters, relation })}
            options={(['all', 'self', 'cross'] as const).map((v) => ({ value: v, label: t(`compare.relation.${v}`) }))}
            data-testid="filter-relation"
          />
          <Segmented<KindFilter>
            size="small"
            value={filters.kind}
            onChange={(kind) => onFilters({ ...filters, kind })}
            options={(['all', 'journals', 'reports'] as const).map((v) => ({ value: v, label: t(`compare.kind.${v}`) }))}
            data-testid="filter-kind"
          />
        </div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Select<PairSort>
            size="small"
            value={filters.sort}
            onChange={(sort) => onFilters({ ...filters, sort })}
            options={(['similarityDesc', 'similarityAsc', 'date'] as const).map((v) => ({ value: v, label: t(`compare.sort.${v}`) }))}
            style={{ width: 140 }}
            data-testid="pair-sort"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="pair-count">
            {t('compare.pairCount', { shown: pairs.length, total })}
          </Typography.Text>
        </div>
      </div>
      <div ref={listRef} style={{ overflow: 'auto', flex: 1, minHeight: 0 }}>
        {pairs.length === 0 && <Empty style={{ marginTop: 24 }} description={t('compare.noMatch')} />}
        {pairs.map((p) => {
          const isSelected = samePair(p, selected);
          return (
            <div
              key={`${p.kind}:${p.aId}:${p.bId}`}
              data-testid="pair-row"
              data-kind={p.kind}
              data-a={p.aId}
              data-b={p.bId}
              data-selected={isSelected ? 'true' : 'false'}
              onClick={() => onSelect(p)}
              style={{
                padding: '8px 10px',
                cursor: 'pointer',
                borderBottom: '1px solid #f5f5f5',
                borderLeft: `3px solid ${isSelected ? '#1677ff' : 'transparent'}`,
                background: isSelected ? '#e6f4ff' : undefined,
              }}
            >
              <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
                <Tag color={p.self ? 'orange' : 'red'} style={{ marginInlineEnd: 0 }}>
                  {p.self ? t('compare.relation.self') : t('compare.relation.cross')}
                </Tag>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`compare.kind.${p.kind}`)}</Tag>
                <span style={{ flex: 1 }} />
                <Typography.Text strong type={p.similarity >= 0.9 ? 'danger' : undefined} data-testid="pair-similarity">
                  {percent(p.similarity)}
                </Typography.Text>
              </div>
              <div style={{ marginTop: 4, display: 'flex', gap: 6, fontSize: 13, whiteSpace: 'nowrap', overflow: 'hidden' }}>
                <Side name={p.aManager.name} date={p.aDate} />
                <span style={{ color: '#999' }}>↔</span>
                <Side name={p.bManager.name} date={p.bDate} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Side({ name, date }: { name: string; date: string | null }) {
  return (
    <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {name} <span style={{ color: '#888' }}>{date ? date.slice(5) : '—'}</span>
    </span>
  );
}
