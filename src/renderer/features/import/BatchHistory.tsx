import { ReloadOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchInfo } from '../../../shared/api/importApi';
import { useApi, useApiCall } from '../../api/useApi';
import { useAppInfo } from '../../app/AppInfoContext';
import { AppGrid } from '../../grid/AppGrid';
import { ExportRowsButton } from '../../grid/ExportRowsButton';
import type { ExportContext } from '../../grid/exportRowsOf';
import { GuardedButton } from '../login/GuardedButton';

/** Every import batch with its counts; a batch can be undone unless a later one depends on it. */
export function BatchHistory({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const batches = useApi('import.batches', {});
  const call = useApiCall();
  const { modal, message } = App.useApp();
  const { reload: reloadInfo } = useAppInfo();
  const { reload } = batches;
  const gridRef = useRef<AgGridReact<BatchInfo>>(null);

  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);

  const columnDefs = useMemo<ColDef<BatchInfo>[]>(() => {
    function confirmUndo(batch: BatchInfo) {
      modal.confirm({
        title: t('history.undoTitle', { id: batch.id }),
        content: t('history.undoBody', { file: batch.fileName }),
        okText: t('history.undoOk'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: async () => {
          const result = await call('import.undo', { batchId: batch.id }, { silent: true });
          if (result.ok) {
            void message.success(t('history.undoDone', { id: batch.id, deleted: result.data.deleted, restored: result.data.restored }));
          } else {
            // A later batch that builds on this one blocks the undo; say which, in a dialog that stays.
            modal.error({ title: t('history.undoRefused', { id: batch.id }), content: result.error.message });
          }
          reload();
          reloadInfo();
        },
      });
    }
    const count = (field: keyof BatchInfo, header: string): ColDef<BatchInfo> => ({
      field,
      headerName: header,
      width: 72,
      type: 'rightAligned',
      context: { exportFormat: 'count' } satisfies ExportContext<BatchInfo>,
      valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toLocaleString() : ''),
    });
    return [
      { field: 'id', headerName: t('history.colId'), width: 72, sort: 'desc', context: { exportFormat: 'plain' } satisfies ExportContext<BatchInfo> },
      { field: 'fileName', headerName: t('history.colFile'), flex: 1, minWidth: 180, tooltipField: 'fileName' },
      { field: 'kindLabel', headerName: t('history.colKind'), width: 130, tooltipField: 'kindLabel' },
      { field: 'importedAt', headerName: t('history.colAt'), width: 136, valueFormatter: (p) => formatTime(p.value as string | null) },
      { field: 'importedBy', headerName: t('history.colBy'), width: 110, tooltipField: 'importedBy', valueFormatter: (p) => (p.value as string | null) ?? '' },
      { ...count('rows', t('history.colRows')), width: 84 },
      count('inserted', t('history.colInserted')),
      count('updated', t('history.colUpdated')),
      count('unchanged', t('history.colUnchanged')),
      count('rejected', t('history.colRejected')),
      count('unlinked', t('history.colUnlinked')),
      {
        field: 'status',
        headerName: t('history.colStatus'),
        width: 84,
        pinned: 'right',
        context: { exportValue: (b) => (b.status === 'undone' ? t('history.undone') : t('history.committed')) } satisfies ExportContext<BatchInfo>,
        cellRenderer: (p: ICellRendererParams<BatchInfo>) =>
          p.data?.status === 'undone' ? <Tag>{t('history.undone')}</Tag> : <Tag color="green">{t('history.committed')}</Tag>,
      },
      {
        colId: 'actions',
        headerName: t('history.colActions'),
        width: 72,
        pinned: 'right',
        sortable: false,
        context: { exportSkip: true } satisfies ExportContext<BatchInfo>,
        cellRenderer: (p: ICellRendererParams<BatchInfo>) =>
          p.data && p.data.status === 'committed' ? (
            <GuardedButton size="small" type="link" danger onClick={() => p.data && confirmUndo(p.data)} data-testid={`undo-${p.data.id}`}>
              {t('history.undo')}
            </GuardedButton>
          ) : null,
      },
    ];
  }, [t, call, modal, message, reload, reloadInfo]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: 'calc(100vh - 48px - 32px - 56px)', minHeight: 360 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{batches.data && batches.data.length === 0 ? t('history.empty') : ''}</Typography.Text>
        <Space>
          <ExportRowsButton<BatchInfo> title={t('office.export.historyTitle')} api={() => gridRef.current?.api} size="middle" testId="history-export" />
          <Button icon={<ReloadOutlined />} onClick={reload} loading={batches.loading}>
            {t('history.refresh')}
          </Button>
        </Space>
      </Space>
      <div style={{ flex: 1, minHeight: 0 }} data-testid="batch-grid">
        <AppGrid<BatchInfo>
          gridRef={gridRef}
          rowData={batches.data ?? []}
          columnDefs={columnDefs}
          getRowId={(p) => String(p.data.id)}
          defaultColDef={{ sortable: true, resizable: true }}
          tooltipShowDelay={500}
        />
      </div>
    </div>
  );
}

/** ISO timestamps shown in the PC's local time, minutes precision. */
function formatTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
