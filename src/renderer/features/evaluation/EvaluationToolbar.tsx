import { CheckCircleOutlined, InfoCircleOutlined, SyncOutlined, UnlockOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MonthEvaluationDto } from '../../../shared/api/evaluationApi';
import type { EventPayload } from '../../../shared/api/kaopingApi';
import { ExportReportButton } from '../report/ExportReportButton';
import { RunProgress } from './RunProgress';
import { GuardedButton } from '../login/GuardedButton';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export interface ToolbarProps {
  evaluation: MonthEvaluationDto;
  running: boolean;
  progress: EventPayload<'job.progress'> | null;
  onRun: () => void;
  onFinalize: () => void;
  onReopen: () => void;
}

/** The month's state (草稿/已定稿, by whom, which scheme) and what can be done with it. */
export function EvaluationToolbar({ evaluation, running, progress, onRun, onFinalize, onReopen }: ToolbarProps) {
  const { t } = useTranslation();
  const final = evaluation.status === 'final';
  const stale = evaluation.stale.length > 0;
  // 重新考评 says which scheme it uses when that is not the one the shown result was computed with.
  const next = evaluation.nextScheme;
  const newerScheme = next !== null && (next.name !== evaluation.scheme.name || next.version !== evaluation.scheme.version);
  return (
    <Card size="small" styles={{ body: { display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', minHeight: 48 } }}>
      <Space size={8} wrap style={{ flex: 1, minWidth: 0 }} data-testid="evaluation-status">
        <Tag color={final ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {final ? t('evaluation.status.final') : t('evaluation.status.draft')}
        </Tag>
        {final && evaluation.finalizedAt && (
          <Typography.Text type="secondary">{t('evaluation.status.finalBy', { at: at(evaluation.finalizedAt), who: evaluation.finalizedBy ?? '—' })}</Typography.Text>
        )}
        <Typography.Text data-testid="evaluation-scheme">{t('evaluation.scheme', { name: evaluation.scheme.name, version: evaluation.scheme.version })}</Typography.Text>
        {final ? (
          // Finalized, the who and when take the room: when it was evaluated moves into a tip, so the toolbar keeps one line at 1366 pixels.
          <Tooltip title={`${t('evaluation.evaluatedAt', { at: at(evaluation.evaluatedAt) })} · ${t('evaluation.workdays', { count: evaluation.workdays })}`}>
            <InfoCircleOutlined style={{ color: '#999' }} data-testid="evaluation-more" />
          </Tooltip>
        ) : (
          <>
            <Typography.Text type="secondary">{t('evaluation.evaluatedAt', { at: at(evaluation.evaluatedAt) })}</Typography.Text>
            <Typography.Text type="secondary">{t('evaluation.workdays', { count: evaluation.workdays })}</Typography.Text>
          </>
        )}
      </Space>
      {running && <RunProgress progress={progress} width={200} />}
      <Space size={8}>
        <GuardedButton icon={<SyncOutlined />} disabled={final || running} loading={running} onClick={onRun} data-testid="evaluation-run">
          {running ? t('evaluation.running') : newerScheme && next ? t('evaluation.runWithScheme', next) : t('evaluation.run')}
        </GuardedButton>
        <Tooltip title={stale && !final ? t('evaluation.finalizeStale') : undefined}>
          <GuardedButton type="primary" icon={<CheckCircleOutlined />} disabled={final || running || stale} onClick={onFinalize} data-testid="evaluation-finalize">
            {t('evaluation.finalize')}
          </GuardedButton>
        </Tooltip>
        <GuardedButton icon={<UnlockOutlined />} disabled={!final || running} onClick={onReopen} data-testid="evaluation-reopen">
          {t('evaluation.reopen')}
        </GuardedButton>
        <ExportReportButton month={evaluation.month} />
      </Space>
    </Card>
  );
}
