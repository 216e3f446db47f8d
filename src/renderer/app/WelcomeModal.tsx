import { App, Button, Modal, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../shared/api/kaopingApi';
import { useApiClient } from '../api/ApiContext';
import { useApiCall } from '../api/useApi';
import { useAppInfo } from './AppInfoContext';
import { navigate } from './hashRoute';
import { newJobId } from './newJobId';

/**
 * First start with an empty database: offer the demo district (so a supervisor can look
 * around before touching real files) or go straight to the import centre.
 */
export function WelcomeModal() {
  const { t } = useTranslation();
  const { info, reload } = useAppInfo();
  const client = useApiClient();
  const call = useApiCall();
  const { message } = App.useApp();
  const [dismissed, setDismissed] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<EventPayload<'import.progress'> | null>(null);

  if (!info?.empty || dismissed) return null;

  async function loadDemo() {
    const id = newJobId('demo');
    setJobId(id);
    setProgress(null);
    const off = client.on('import.progress', (p) => {
      if (p.jobId === id) setProgress(p);
    });
    const result = await call('app.loadDemo', { jobId: id });
    off();
    setJobId(null);
    if (!result.ok) return;
    const refused = result.data.filter((r) => r.status !== 'imported').length;
    if (refused > 0) void message.warning(t('welcome.failed'));
    else void message.success(t('welcome.done', { count: result.data.length }));
    setDismissed(true);
    // The newest month of the demo becomes the default once app.info is reloaded.
    navigate({ page: { name: 'overview' }, month: null });
    reload();
  }

  const busy = jobId !== null;
  const percent = progress ? Math.round((progress.fileIndex / Math.max(progress.fileCount, 1)) * 100) : 0;
  return (
    <Modal
      open
      title={t('welcome.title')}
      closable={!busy}
      mask={{ closable: false }}
      keyboard={!busy}
      onCancel={() => setDismissed(true)}
      footer={
        <Space>
          <Button
            disabled={busy}
            onClick={() => {
              setDismissed(true);
              navigate({ page: { name: 'import' } });
            }}
          >
            {t('welcome.importOwn')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void loadDemo()}>
            {t('welcome.loadDemo')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('welcome.body')}</Typography.Paragraph>
      {busy && (
        <div data-testid="demo-progress">
          <Typography.Text type="secondary">
            {progress
              ? t('welcome.progress', { index: progress.fileIndex + 1, count: progress.fileCount, file: progress.file, rows: progress.rowsDone.toLocaleString() })
              : t('welcome.loading')}
          </Typography.Text>
          <Progress percent={percent} status="active" />
        </div>
      )}
    </Modal>
  );
}
