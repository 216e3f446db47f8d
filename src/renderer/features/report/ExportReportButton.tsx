import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/api/kaopingApi';
import { useApiClient } from '../../api/ApiContext';
import { newJobId } from '../../app/newJobId';
import { downloadBytes, XLSX_TYPE } from '../import/downloadBytes';
import { onReportExportRequest, takeReportExportRequest } from './reportExportRequest';

type JobProgress = EventPayload<'job.progress'>;
const STEPS = ['charts', 'sheets', 'save'] as const;

/** Overall share of the work: charts are the slow part, then the sheets, then the file. */
function percent(p: JobProgress | null): number {
  if (!p) return 5;
  const index = (STEPS as readonly string[]).indexOf(p.step);
  const within = p.total > 0 ? p.done / p.total : 0;
  const spans = [
    [5, 60],
    [60, 90],
    [90, 100],
  ] as const;
  const [from, to] = spans[index] ?? [5, 5];
  return Math.round(from + (to - from) * within);
}

/** 导出考评报表: builds the month's workbook with progress and hands it over as a download (a save dialog in Electron). */
export function ExportReportButton({ month }: { month: string }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runningRef = useRef(false);
  const runRef = useRef(run);
  runRef.current = run;

  // The desktop menu's 导出报表: taken when this button mounts, or at once when it is showing.
  useEffect(() => {
    const take = () => {
      if (takeReportExportRequest()) void runRef.current();
    };
    take();
    return onReportExportRequest(take);
  }, []);

  async function run() {
    if (runningRef.current) return;
    runningRef.current = true;
    const jobId = newJobId('report');
    setRunning(true);
    setProgress(null);
    setError(null);
    // Listen before starting, so the first step is not missed.
    const off = client.on('job.progress', (p) => {
      if (p.jobId === jobId) setProgress(p);
    });
    try {
      const result = await client.call('report.export', { month, jobId });
      if (!result.ok) {
        setError(result.error.message);
        void message.error(t('exportReport.failed', { message: result.error.message }));
        return;
      }
      // In the browser this is a download; in Electron the same anchor download opens Electron's
      // save dialog (main's will-download handler offers it, starting in 文档), so the supervisor picks the folder.
      downloadBytes(result.data.bytes, result.data.fileName, XLSX_TYPE);
      void message.success(t('exportReport.done', { fileName: result.data.fileName }));
    } finally {
      off();
      runningRef.current = false;
      setRunning(false);
    }
  }

  const stepText = progress && (STEPS as readonly string[]).includes(progress.step)
    ? t(`exportReport.steps.${progress.step}`, { done: progress.done, total: progress.total })
    : t('exportReport.preparing');

  // The progress and an error hang below the button instead of beside it: the toolbar keeps its
  // one line at 1366 pixels while the report is written (beside it, the toolbar wrapped to three).
  const below = { position: 'absolute', top: '100%', right: 0, marginTop: 6, zIndex: 10, whiteSpace: 'nowrap' } as const;
  return (
    <span style={{ position: 'relative', display: 'inline-block' }} data-testid="export-report-area">
      <Button type="primary" icon={<DownloadOutlined />} loading={running} onClick={() => void run()} data-testid="export-report">
        {t('exportReport.button')}
      </Button>
      {running && (
        <Space
          size={8}
          data-testid="export-report-progress"
          style={{ ...below, background: '#fff', padding: '4px 8px', borderRadius: 6, boxShadow: '0 2px 8px rgba(0,0,0,0.15)' }}
        >
          <Progress percent={percent(progress)} size="small" style={{ width: 120, margin: 0 }} showInfo={false} />
          <Typography.Text type="secondary">{stepText}</Typography.Text>
        </Space>
      )}
      {!running && error && (
        <Typography.Text type="danger" data-testid="export-report-error" style={{ ...below, maxWidth: 480, whiteSpace: 'normal', width: 'max-content', background: '#fff' }}>
          {error}
        </Typography.Text>
      )}
    </span>
  );
}
