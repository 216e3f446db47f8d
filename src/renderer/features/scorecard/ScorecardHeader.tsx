import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScorecardDto } from '../../../shared/api/evaluationApi';
import { navigate } from '../../app/hashRoute';
import { formatScore } from './formatMetricValue';
import { vetoReasonOf } from '../../i18n/messageOf';

/** 不合格 (and a veto) in red, the top band in green; the grade text itself comes from the scheme. */
function gradeColor(card: ScorecardDto): string {
  if (card.manager.veto || card.manager.grade === '不合格') return 'red';
  if (card.manager.grade === '优秀') return 'green';
  if (card.manager.grade === '良好') return 'blue';
  return card.manager.grade ? 'gold' : 'default';
}

/** Who, where they stand, and whether the month can still change. The veto's reason names itself
 * (一票否决：…) in the stored evaluation; the prefix is dropped so the UI language supplies it once. */
export function ScorecardHeader({ card }: { card: ScorecardDto }) {
  const { t } = useTranslation();
  const { manager } = card;
  return (
    <Card size="small" styles={{ body: { padding: '8px 16px' } }} data-testid="scorecard-header">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate({ page: { name: 'evaluation' } })} data-testid="scorecard-back">
          {t('scorecard.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="scorecard-name">
          {manager.name}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }}>
            {manager.code}
          </Typography.Text>
        </Typography.Title>
        <Space size={20} wrap>
          <Fact label={t('scorecard.rank')} testId="scorecard-rank">
            {manager.rank === null ? '—' : t('scorecard.rankOf', { rank: manager.rank, total: card.managerCount })}
          </Fact>
          <Fact label={t('scorecard.total')} testId="scorecard-total">
            {manager.total === null ? t('scorecard.noTotal') : formatScore(manager.total, t)}
          </Fact>
          <Fact label={t('scorecard.grade')} testId="scorecard-grade">
            <Tag color={gradeColor(card)} style={{ marginInlineEnd: 0 }}>
              {manager.grade ?? t('scorecard.noTotal')}
            </Tag>
          </Fact>
        </Space>
        <div style={{ flex: 1 }} />
        <Tag color={card.status === 'final' ? 'green' : 'default'} data-testid="scorecard-status">
          {card.status === 'final' ? t('scorecard.final') : t('scorecard.draft')}
        </Tag>
      </div>
      {manager.veto && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('scorecard.veto', { reason: vetoReasonOf(t, manager.veto) })} data-testid="scorecard-veto" />
      )}
    </Card>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline', gap: 6 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text strong style={{ fontSize: 16 }} data-testid={testId}>
        {children}
      </Typography.Text>
    </span>
  );
}
