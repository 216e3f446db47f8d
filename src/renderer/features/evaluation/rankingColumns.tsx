import { Tag } from 'antd';
import type { ColDef, SortComparatorFn } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { DIMENSION_KEYS } from '../../../core/measures/dimensions';
import type { DimensionScoreDto, ManagerRowDto } from '../../../shared/api/evaluationApi';
import { gradeColorOf } from './gradeColorOf';
import { formatNumber } from '../../../core/format/numberFormat';
import type { ExportContext } from '../../grid/exportRowsOf';
import { navigate } from '../../app/hashRoute';
import { vetoReasonOf } from '../../i18n/messageOf';

/** Missing values (无数据, no rank, no total) sort after every number, whichever the direction. */
const nullsLast: SortComparatorFn<ManagerRowDto, number | null> = (a, b, _na, _nb, descending) => {
  const missingA = a === null || a === undefined;
  const missingB = b === null || b === undefined;
  if (missingA || missingB) {
    if (missingA && missingB) return 0;
    return (missingA ? 1 : -1) * (descending ? -1 : 1);
  }
  return a - b;
};

const numeric: Partial<ColDef<ManagerRowDto, number | null>> = { comparator: nullsLast, cellStyle: { textAlign: 'right' }, headerClass: 'ag-right-aligned-header' };

function ScoreCell({ score, noData, mark }: { score: DimensionScoreDto | undefined; noData: string; mark: string }) {
  if (!score || score.score === null) return <span style={{ color: '#999' }}>{noData}</span>;
  const adjusted = score.computedScore !== undefined;
  return (
    <span data-adjusted={adjusted ? 'true' : undefined}>
      {formatNumber(score.score, 'score')}
      {adjusted && (
        // Raised by relative position rather than <sup>, which would push the number off the row's baseline.
        <span style={{ marginLeft: 2, color: '#d46b08', fontSize: 10, fontWeight: 600, position: 'relative', top: -5 }} data-testid="adjusted-mark">
          {mark}
        </span>
      )}
    </span>
  );
}

/** The ranking table's columns: who, the eight dimension scores, total, grade, veto, flag count. */
export function rankingColumns(t: TFunction, grades: readonly string[]): ColDef<ManagerRowDto>[] {
  const dimensionColumns: ColDef<ManagerRowDto, number | null>[] = DIMENSION_KEYS.map((key) => ({
    ...numeric,
    colId: key,
    headerName: t(`measures.dimensionsShort.${key}`),
    headerTooltip: t(`measures.dimensionsLong.${key}`),
    valueGetter: (p) => p.data?.dimensions[key]?.score ?? null,
    context: { exportFormat: 'score' } satisfies ExportContext<ManagerRowDto>,
    // 76, not 80: the tick-box column (32) must fit beside the eight dimensions at 1366 pixels.
    minWidth: 76,
    cellRenderer: (p: { data?: ManagerRowDto }) => (
      <ScoreCell score={p.data?.dimensions[key]} noData={t('evaluation.noData')} mark={t('evaluation.adjustedMark')} />
    ),
    tooltip: (p) => {
      const computed = p.data?.dimensions[key]?.computedScore;
      if (computed === undefined) return undefined;
      return t('evaluation.adjustedTip', { computed: computed === null ? t('evaluation.noData') : formatNumber(computed, 'score') });
    },
  }));
  return [
    { ...numeric, colId: 'rank', headerName: t('evaluation.columns.rank'), valueGetter: (p) => p.data?.rank ?? null, context: { exportFormat: 'count' }, minWidth: 72, maxWidth: 84, sort: 'asc' } as ColDef<ManagerRowDto>,
    { colId: 'name', headerName: t('evaluation.columns.name'), field: 'name', minWidth: 72 },
    { colId: 'code', headerName: t('evaluation.columns.code'), field: 'code', minWidth: 68 },
    ...(dimensionColumns as ColDef<ManagerRowDto>[]),
    {
      ...numeric,
      colId: 'total',
      headerName: t('evaluation.columns.total'),
      valueGetter: (p) => p.data?.total ?? null,
      context: { exportFormat: 'score' } satisfies ExportContext<ManagerRowDto>,
      valueFormatter: (p) => (p.value === null || p.value === undefined ? t('evaluation.noData') : formatNumber(p.value as number, 'score')),
      cellStyle: { textAlign: 'right', fontWeight: 600 },
      minWidth: 64,
    } as ColDef<ManagerRowDto>,
    {
      colId: 'grade',
      headerName: t('evaluation.columns.grade'),
      field: 'grade',
      minWidth: 72,
      // Best grade first when sorted ascending, as the scheme lists them.
      comparator: (a: string | null, b: string | null) => rankOf(a, grades) - rankOf(b, grades),
      cellRenderer: (p: { value?: string | null; data?: ManagerRowDto }) =>
        p.value ? (
          <Tag color={gradeColorOf(p.value, grades)} style={{ marginInlineEnd: 0 }}>
            {p.value}
          </Tag>
        ) : p.data?.insufficient ? (
          <span
            style={{ color: '#d46b08' }}
            data-testid="grade-insufficient"
            title={t('evaluation.insufficientTip', { missing: p.data.insufficient.map((k) => t(`measures.dimensions.${k}`)).join('、') })}
          >
            {t('evaluation.insufficient')}
          </span>
        ) : (
          <span style={{ color: '#999' }}>—</span>
        ),
    },
    {
      colId: 'veto',
      headerName: t('evaluation.columns.veto'),
      valueGetter: (p) => (p.data?.veto ? 1 : 0),
      context: { exportValue: (m) => (m.veto ? t('evaluation.vetoTag') : null) } satisfies ExportContext<ManagerRowDto>,
      minWidth: 60,
      cellRenderer: (p: { data?: ManagerRowDto }) =>
        p.data?.veto ? (
          <Tag color="error" style={{ marginInlineEnd: 0 }}>
            {t('evaluation.vetoTag')}
          </Tag>
        ) : (
          <span style={{ color: '#bbb' }}>—</span>
        ),
      tooltip: (p) => (p.data?.veto ? t('evaluation.vetoTip', { reason: vetoReasonOf(t, p.data.veto) }) : undefined),
    },
    { ...numeric, colId: 'flags', headerName: t('evaluation.columns.flags'), field: 'flagCount', context: { exportFormat: 'count' }, minWidth: 60,
      // The count opens the manager's flags with their evidence (the row itself opens the scorecard).
      cellRenderer: (p: { data?: ManagerRowDto; value?: number }) =>
        p.data && (p.value ?? 0) > 0 ? (
          <a
            data-testid={`flags-link-${p.data.code}`}
            data-flags-link
            title={t('office.drill.flagsTip')}
            onClick={(e) => {
              e.stopPropagation();
              if (p.data) navigate({ page: { name: 'evaluation', manager: p.data.code, show: 'flags' } });
            }}
          >
            {p.value}
          </a>
        ) : (
          <span>{p.value ?? ''}</span>
        ) } as ColDef<ManagerRowDto>,
  ];
}

function rankOf(grade: string | null, grades: readonly string[]): number {
  const i = grade === null ? -1 : grades.indexOf(grade);
  return i < 0 ? grades.length : i;
}
