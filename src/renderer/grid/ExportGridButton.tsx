import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Tooltip, Typography } from 'antd';
import type { GridApi } from 'ag-grid-community';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter, GridKind, GridRow } from '../../shared/api/dataApi';
import { useApiClient } from '../api/ApiContext';
import { newJobId } from '../app/newJobId';
import { downloadBytes, XLSX_TYPE } from '../features/import/downloadBytes';

/** The grid's view as the backend reads it: visible columns in their order, filters and sort. */
function gridViewOf(api: GridApi<GridRow>): { columns: string[]; filters: Record<string, ColumnFilter>; sort: { colId: string; sort: 'asc' | 'desc' }[] } {
  const columns = api.getAllDisplayedColumns().map((c) => c.getColId());
  const sort = api
    .getColumnState()
    .filter((s): s is typeof s & { sort: 'asc' | 'desc' } => s.sort === 'asc' || s.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .slice(0, 5)
    .map((s) => ({ colId: s.colId, sort: s.sort }));
  return { columns, filters: api.getFilterModel() as Record<string, ColumnFilter>, sort };
}

/**
 * 导出 Excel for a data grid: the rows of its current view, written by the backend's streaming
 * writer; a large view shows how many rows are written and can be cancelled. The progress sits
 * in a box of fixed width, so the toolbar keeps its line while it runs.
 */
export function ExportGridButton(props: { kind: GridKind; month: string; quickFilter: string; title: string; api: () => GridApi<GridRow> | undefined }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const jobRef = useRef<string | null>(null);

  async function run() {
    const api = props.api();
    if (!api || jobRef.current) return;
    const jobId = newJobId('grid-export');
    jobRef.current = jobId;
    setRunning(true);
    setProgress(null);
    const off = client.on('job.progress', (p) => {
      if (p.jobId === jobId && p.step === 'rows') setProgress({ done: p.done, total: p.total });
    });
    try {
      const quickFilter = props.quickFilter.trim();
      const result = await client.call('data.export', {
        kind: props.kind,
        month: props.month,
        ...gridViewOf(api),
        ...(quickFilter ? { quickFilter } : {}),
        title: props.title,
        jobId,
      });
      if (!result.ok) {
        if (result.error.code !== 'cancelled') void message.error(t('office.export.failed', { message: result.error.message }));
        return;
      }
      downloadBytes(result.data.bytes, result.data.fileName, XLSX_TYPE);
      void message.success(t('office.export.done', { fileName: result.data.fileName, rows: result.data.rows.toLocaleString('en-US') }));
    } finally {
      off();
      jobRef.current = null;
      setRunning(false);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Space size={6} data-testid="grid-export-area">
      <Tooltip title={t('office.export.tip')}>
        <Button icon={<FileExcelOutlined />} loading={running} onClick={() => void run()} data-testid="grid-export">
          {t('office.export.button')}
        </Button>
      </Tooltip>
      {running && (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, width: 300, whiteSpace: 'nowrap' }} data-testid="grid-export-progress">
          <Progress percent={percent} size="small" showInfo={false} style={{ width: 90, margin: 0 }} />
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 150 }}>
            {progress ? t('office.export.progress', { done: progress.done.toLocaleString('en-US'), total: progress.total.toLocaleString('en-US') }) : t('office.export.preparing')}
          </Typography.Text>
          <Button size="small" type="link" onClick={() => jobRef.current && void client.call('import.cancel', { jobId: jobRef.current })}>
            {t('office.export.cancel')}
          </Button>
        </span>
      )}
    </Space>
  );
}
