import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/api/kaopingApi';

/** Which step of the evaluation is running, as a line of text over a bar. */
export function RunProgress({ progress, width = 240 }: { progress: EventPayload<'job.progress'> | null; width?: number }) {
  const { t, i18n } = useTranslation();
  const key = progress ? `evaluation.steps.${progress.step}` : '';
  const step = progress ? (i18n.exists(key) ? t(key) : progress.step) : '';
  const percent = progress ? Math.round((progress.done / Math.max(progress.total, 1)) * 100) : 0;
  return (
    <div style={{ width }} data-testid="evaluation-progress">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {progress ? t('evaluation.progress', { done: Math.min(progress.done + 1, progress.total), total: progress.total, step }) : t('evaluation.running')}
      </Typography.Text>
      <Progress percent={percent} status="active" size="small" showInfo={false} />
    </div>
  );
}
