import { Alert, Card, Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSION_KEYS } from '../../../core/measures/dimensions';
import type { CityDistrictDto } from '../../../shared/api/dataApi';
import { useApi } from '../../api/useApi';
import { EChart } from '../../charts/EChart';
import { flagTypeLabel } from '../../i18n/messageOf';

const score = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/**
 * 市公司: the districts' months side by side (kaoping city): the ranking by mean total with the
 * managers per grade, the eight dimensions' means and the flags by type. Reads only.
 */
export function CityPage({ month }: { month: string }) {
  const { t } = useTranslation();
  const city = useApi('data.city', { month });
  const data = city.data;

  const columns = useMemo<ColumnsType<CityDistrictDto>>(() => {
    if (!data) return [];
    return [
      { title: t('city.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
      { title: t('city.district'), dataIndex: 'district', width: 140 },
      {
        title: t('city.status'),
        width: 120,
        render: (_: unknown, d) => (
          <Tag color={d.status === 'final' ? 'green' : d.status === 'draft' ? (d.stale ? 'orange' : 'blue') : 'default'}>
            {d.status === 'draft' && d.stale ? t('city.stale') : t(`city.statuses.${d.status}`)}
          </Tag>
        ),
      },
      { title: t('city.managers'), dataIndex: 'managers', width: 90, align: 'right' },
      ...data.grades.map((g) => ({ title: g, key: `grade-${g}`, width: 70, align: 'right' as const, render: (_: unknown, d: CityDistrictDto) => d.grades[g] ?? 0 })),
      { title: t('city.average'), dataIndex: 'averageTotal', width: 90, align: 'right', render: score },
      ...DIMENSION_KEYS.map((k) => ({ title: t(`measures.dimensionsShort.${k}`), key: k, width: 84, align: 'right' as const, render: (_: unknown, d: CityDistrictDto) => score(d.dimensions[k] ?? null) })),
      { title: t('city.flags'), dataIndex: 'flagTotal', width: 80, align: 'right' },
    ];
  }, [data, t]);

  const charts = useMemo(() => {
    if (!data) return null;
    const ranked = data.districts.filter((d) => d.averageTotal !== null);
    const shown = data.districts.filter((d) => d.managers > 0);
    const ranking: EChartsCoreOption = {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: ranked.map((d) => `${d.rank}. ${d.district}`) },
      series: [{ type: 'bar', data: ranked.map((d) => d.averageTotal), barMaxWidth: 18, itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
    };
    const dimensions: EChartsCoreOption = {
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: DIMENSION_KEYS.map((k) => t(`measures.dimensionsShort.${k}`)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: shown.map((d) => ({ type: 'bar', name: d.district, barMaxWidth: 14, data: DIMENSION_KEYS.map((k) => d.dimensions[k] ?? null) })),
    };
    const flagTypes = [...new Set(shown.flatMap((d) => Object.keys(d.flags)))].sort();
    const flags: EChartsCoreOption = {
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: flagTypes.map((f) => flagTypeLabel(t, f, f)), axisLabel: { width: 150, overflow: 'truncate' } },
      series: shown.map((d) => ({ type: 'bar', name: d.district, stack: 'flags', barMaxWidth: 14, data: flagTypes.map((f) => d.flags[f] ?? 0) })),
    };
    return { ranking, rankingHeight: Math.max(160, 60 + 30 * ranked.length), dimensions, flags, flagsHeight: Math.max(200, 80 + 22 * flagTypes.length) };
  }, [data, t]);

  if (!data) return city.loading ? null : <Empty />;
  const unevaluated = data.districts.filter((d) => d.status === 'not_evaluated').map((d) => d.district);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="city-page">
      {unevaluated.length > 0 && <Alert type="info" showIcon message={t('city.notEvaluated', { districts: unevaluated.join('、') })} />}
      <Card size="small" title={t('city.tableTitle', { month })}>
        <Table<CityDistrictDto> rowKey="district" size="small" pagination={false} columns={columns} dataSource={data.districts} scroll={{ x: 'max-content' }} data-testid="city-table" />
      </Card>
      {charts && (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
          <Card size="small" title={t('city.rankingChart')}>
            <EChart option={charts.ranking} style={{ width: '100%', height: charts.rankingHeight }} testId="city-ranking" />
          </Card>
          <Card size="small" title={t('city.flagChart')}>
            <EChart option={charts.flags} style={{ width: '100%', height: charts.flagsHeight }} testId="city-flags" />
          </Card>
          <Card size="small" title={t('city.dimensionChart')} style={{ gridColumn: '1 / span 2' }}>
            <EChart option={charts.dimensions} style={{ width: '100%', height: 300 }} testId="city-dimensions" />
          </Card>
        </div>
      )}
    </Space>
  );
}
