import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileImportReport } from '../../../shared/importReport';
import { ErrorGrid } from './ErrorGrid';
import { writeBusyMessage } from '../../i18n/writeBusyText';

interface Props {
  report: FileImportReport;
  busy: boolean;
  onFixAndRetry: () => void;
  onSkipInvalid: () => void;
}

/** What the import did with one file: counts and warnings, or why it was refused and what to do. */
export function ImportResult({ report, busy, onFixAndRetry, onSkipInvalid }: Props) {
  const { t } = useTranslation();
  const c = report.counts;
  const n = (value: number) => value.toLocaleString();
  const counts = t('import.counts', {
    rows: n(c.rows),
    inserted: n(c.inserted),
    updated: n(c.updated),
    unchanged: n(c.unchanged),
    skipped: n(c.skipped),
    rejected: n(c.rejected),
    unlinked: n(c.unlinked),
  });

  const warnings = report.warnings.length > 0 && (
    <Alert
      type="warning"
      showIcon
      title={t('import.warnings')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {report.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      }
    />
  );

  if (report.status === 'imported') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result" data-status="imported">
        <Alert
          type="success"
          showIcon
          title={
            <span>
              <Typography.Text strong>{t('import.resultImported')}</Typography.Text>
              {report.batchId !== null && <Typography.Text type="secondary">（{t('import.batch', { id: report.batchId })}）</Typography.Text>}
              ：{counts}
            </span>
          }
        />
        {warnings}
        {report.errors.length > 0 && <ErrorGrid errors={report.errors} file={report.file} />}
      </Space>
    );
  }

  if (report.status === 'cancelled') {
    return (
      <Alert
        type="warning"
        showIcon
        title={
          <span>
            <Typography.Text strong>{t('import.resultCancelled')}</Typography.Text>
            {report.message ? `：${report.message}` : ''}
          </span>
        }
        data-testid="import-result"
        data-status="cancelled"
      />
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result" data-status="refused">
      <Alert
        type="error"
        showIcon
        title={
          <span>
            <Typography.Text strong>{t('import.resultRefused')}</Typography.Text>：{report.busy ? writeBusyMessage(t, report.busy) : (report.message ?? counts)}
          </span>
        }
      />
      {warnings}
      {report.errors.length > 0 && (
        <>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong>{t('import.errorsTitle', { count: report.errorCount })}</Typography.Text>
            <Space wrap>
              <Button onClick={onFixAndRetry} disabled={busy}>
                {t('import.fixAndRetry')}
              </Button>
              <Button type="primary" onClick={onSkipInvalid} disabled={busy} data-testid="skip-invalid">
                {t('import.skipInvalid')}
              </Button>
            </Space>
          </Space>
          {report.errorCount > report.errors.length && (
            <Typography.Text type="secondary">{t('import.errorsTruncated', { shown: report.errors.length })}</Typography.Text>
          )}
          <ErrorGrid errors={report.errors} file={report.file} />
        </>
      )}
    </Space>
  );
}
