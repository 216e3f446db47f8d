import { Alert, Button, Card, Col, Empty, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRID_KINDS, type GridKind } from '../../../shared/api/dataApi';
import { useApi } from '../../api/useApi';
import { useAppInfo } from '../../app/AppInfoContext';
import { navigate } from '../../app/hashRoute';
import { StaleBanner } from '../evaluation/StaleBanner';
import { AttendanceHeatmap } from './AttendanceHeatmap';
import { FlagsBar } from './FlagsBar';

/** Count keys are import kinds or grid kinds; a card opens its table when there is one. */
function gridOf(key: string): GridKind | null {
  if (key === 'roster') return 'managers';
  return (GRID_KINDS as readonly string[]).includes(key) ? (key as GridKind) : null;
}

/** The month at a glance: what was imported, who punched when, what got flagged, what is missing. */
export function OverviewPage({ month }: { month: string }) {
  const { t, i18n } = useTranslation();
  const { info } = useAppInfo();
  const overview = useApi('data.overview', { month });
  const goImport = () => navigate({ page: { name: 'import' } });

  if (info?.empty) {
    return (
      <Card>
        <Empty description={<span data-testid="overview-empty">{t('overview.emptyBody')}</span>}>
          <Button type="primary" onClick={goImport}>
            {t('common.goImport')}
          </Button>
        </Empty>
      </Card>
    );
  }
  const data = overview.data;
  if (!data) return overview.error ? <Empty description={overview.error.message} /> : <Skeleton active />;

  const countLabel = (key: string) =>
    i18n.exists(`gridKinds.${key}`) ? t(`gridKinds.${key}`) : i18n.exists(`kinds.${key}`) ? t(`kinds.${key}`) : key;

  return (
    <div data-testid="overview" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {!data.evaluated && Object.values(data.counts).some((n) => n > 0) && (
        <Alert
          type="info"
          showIcon
          data-testid="overview-go-evaluate"
          title={t('office.drill.notEvaluatedHint', { month })}
          action={
            <Button type="primary" size="small" onClick={() => navigate({ page: { name: 'evaluation' } })}>
              {t('office.drill.goEvaluate')}
            </Button>
          }
        />
      )}
      <Card
        size="small"
        title={t('overview.counts')}
        extra={
          data.stale.length > 0 ? (
            <Tag color="red" data-testid="overview-stale" style={{ cursor: 'pointer' }} onClick={() => navigate({ page: { name: 'evaluation' } })}>
              {t('overview.stale')}
            </Tag>
          ) : (
            <Tag
              color={data.evaluated ? 'green' : 'default'}
              style={data.evaluated ? { cursor: 'pointer' } : undefined}
              onClick={data.evaluated ? () => navigate({ page: { name: 'evaluation' } }) : undefined}
            >
              {data.evaluated ? t('overview.evaluated') : t('overview.notEvaluated')}
            </Tag>
          )
        }
      >
        <StaleBanner stale={data.stale} />
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))', gap: 8 }}>
          {Object.entries(data.counts).map(([key, count]) => (
            <Card
              key={key}
              size="small"
              hoverable={gridOf(key) !== null}
              onClick={() => {
                const kind = gridOf(key);
                if (kind) navigate({ page: { name: 'data', kind } });
              }}
              styles={{ body: { padding: '8px 12px' } }}
              data-testid={`count-${key}`}
            >
              <Statistic title={countLabel(key)} value={count} styles={{ content: { fontSize: 20 } }} />
              {key === 'attendance' && data.absences > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="count-absences">
                  {t('overview.absences', { count: data.absences })}
                </Typography.Text>
              )}
            </Card>
          ))}
        </div>
      </Card>
      <Row gutter={12}>
        <Col span={16}>
          <Card size="small" title={t('overview.heatmap')}>
            {data.heatmap.managers.length && data.heatmap.cells.length ? (
              <AttendanceHeatmap heatmap={data.heatmap} workdays={data.workdays} />
            ) : (
              <Empty description={t('overview.heatmapEmpty')} />
            )}
          </Card>
        </Col>
        <Col span={8} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Card size="small" title={t('overview.missing')}>
            {data.missing.length ? (
              // A plain list: antd 6.6 deprecates List.
              <div data-testid="overview-missing" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {data.missing.map((item) => (
                  <div key={item} style={{ display: 'flex', gap: 8, alignItems: 'baseline', justifyContent: 'space-between' }}>
                    <Typography.Text>{item}</Typography.Text>
                    <Typography.Link onClick={goImport} style={{ flex: 'none' }}>
                      {t('common.goImport')}
                    </Typography.Link>
                  </div>
                ))}
              </div>
            ) : (
              <Typography.Text type="success">{t('overview.nothingMissing')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('overview.flags')}>
            {data.flagsByType.length ? <FlagsBar flags={data.flagsByType} onOpen={() => navigate({ page: { name: 'evaluation' } })} /> : <Typography.Text type="secondary">{t('overview.flagsEmpty')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
