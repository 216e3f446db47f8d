import { Empty, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { copiedSpans } from '../../../core/similarity/copiedSpans';
import type { NearCopyPairDto, TextEntryDto } from '../../../shared/api/journalsApi';
import type { JournalPairRef } from '../../app/hashRoute';
import { ComparePane } from './ComparePane';
import { EntryCard } from './EntryCard';
import { percent, textSimilarity } from './textSimilarity';
import { useEntries } from './useEntries';

/** Both texts of a pair side by side, the earlier one left, the shared runs marked. */
export function PairView({
  pair,
  info,
  focusedPane,
  onFocusPane,
}: {
  pair: JournalPairRef;
  info: NearCopyPairDto | undefined;
  focusedPane: 0 | 1;
  onFocusPane: (pane: 0 | 1) => void;
}) {
  const { t } = useTranslation();
  const { entries, loading, replace } = useEntries({ name: 'journals.byIds', arg: { kind: pair.kind, ids: [pair.aId, pair.bId] } });
  const sides = useMemo(() => orderedSides(pair, entries ?? []), [pair, entries]);
  const compared = useMemo(() => {
    const [left, right] = sides;
    if (!left || !right) return null;
    return { spans: copiedSpans(left.text, right.text), similarity: info?.similarity ?? textSimilarity(left.text, right.text) };
  }, [sides, info]);

  if (loading && !entries) return <Skeleton active />;
  const self = info ? info.self : sides[0] && sides[1] ? sides[0].managerCode === sides[1].managerCode : null;
  return (
    <div data-testid="pair-view" data-kind={pair.kind} data-a={pair.aId} data-b={pair.bId} style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, minHeight: 0, gap: 8 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flex: 'none' }}>
        {self !== null && (
          <Tag color={self ? 'orange' : 'red'} style={{ marginInlineEnd: 0 }}>
            {self ? t('compare.relation.self') : t('compare.relation.cross')}
          </Tag>
        )}
        <Tag style={{ marginInlineEnd: 0 }}>{t(`compare.kind.${pair.kind}`)}</Tag>
        {compared && (
          <Typography.Text strong data-testid="pair-view-similarity" style={{ fontSize: 16 }}>
            {t('compare.similarityValue', { value: percent(compared.similarity) })}
          </Typography.Text>
        )}
        <span style={{ flex: 1 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <mark style={{ background: '#ffe58f', padding: '0 4px', borderRadius: 2 }}>{t('compare.copiedLegend')}</mark>
          {(info?.aBoilerplate?.length ?? 0) + (info?.bBoilerplate?.length ?? 0) > 0 && (
            <span data-testid="boilerplate-legend" style={{ color: '#8c8c8c', marginInlineStart: 8 }}>
              {t('compare.boilerplateLegend')}
            </span>
          )}
        </Typography.Text>
      </div>
      <div style={{ display: 'flex', gap: 12, flex: 1, minHeight: 0 }}>
        {([0, 1] as const).map((i) => {
          const entry = sides[i];
          return (
            <ComparePane
              key={i}
              side={i === 0 ? 'left' : 'right'}
              focused={focusedPane === i}
              onFocus={() => onFocusPane(i)}
              header={<Typography.Text type="secondary">{i === 0 ? t('compare.earlier') : t('compare.later')}</Typography.Text>}
            >
              {entry ? (
                <EntryCard
                  entry={entry}
                  spans={compared ? (i === 0 ? compared.spans.aSpans : compared.spans.bSpans) : []}
                  greyed={greyedOf(entry.id, pair, info)}
                  onSaved={replace}
                />
              ) : (
                <Empty description={t('compare.entryGone')} />
              )}
            </ComparePane>
          );
        })}
      </div>
    </div>
  );
}

/** The boilerplate ranges the evaluation found for this side of the pair (none for an entry it did not pair). */
function greyedOf(id: number, pair: JournalPairRef, info: NearCopyPairDto | undefined): [number, number][] {
  if (!info || info.aId !== pair.aId || info.bId !== pair.bId) return [];
  return (id === info.aId ? info.aBoilerplate : id === info.bId ? info.bBoilerplate : undefined) ?? [];
}

/** [earlier, later]: by date and time, then id; a missing side stays undefined in its place. */
function orderedSides(pair: JournalPairRef, entries: TextEntryDto[]): [TextEntryDto | undefined, TextEntryDto | undefined] {
  const a = entries.find((e) => e.id === pair.aId);
  const b = entries.find((e) => e.id === pair.bId);
  if (!a || !b) return [a, b];
  const key = (e: TextEntryDto) => `${e.date ?? e.month ?? ''} ${e.time ?? ''}`;
  return key(b) < key(a) || (key(b) === key(a) && b.id < a.id) ? [b, a] : [a, b];
}
