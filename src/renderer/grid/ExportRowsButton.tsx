import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiCall } from '../api/useApi';
import { downloadBytes, XLSX_TYPE } from '../features/import/downloadBytes';
import { exportRowsOf } from './exportRowsOf';

/** 导出 Excel for a grid whose rows the page holds (the ranking, the import history): what it shows, as shown. */
export function ExportRowsButton<TData>(props: { title: string; subtitle?: string; api: () => GridApi<TData> | undefined; size?: 'small' | 'middle'; testId?: string }) {
  const { t } = useTranslation();
  const call = useApiCall();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);

  async function run() {
    const api = props.api();
    if (!api) return;
    setRunning(true);
    try {
      const { columns, rows } = exportRowsOf(api);
      const result = await call('data.exportRows', { title: props.title, ...(props.subtitle ? { subtitle: props.subtitle } : {}), columns, rows }, { silent: true });
      if (!result.ok) {
        void message.error(t('office.export.failed', { message: result.error.message }));
        return;
      }
      downloadBytes(result.data.bytes, result.data.fileName, XLSX_TYPE);
      void message.success(t('office.export.done', { fileName: result.data.fileName, rows: result.data.rows.toLocaleString('en-US') }));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Tooltip title={t('office.export.tip')}>
      <Button size={props.size ?? 'small'} icon={<FileExcelOutlined />} loading={running} onClick={() => void run()} data-testid={props.testId ?? 'rows-export'}>
        {t('office.export.button')}
      </Button>
    </Tooltip>
  );
}
