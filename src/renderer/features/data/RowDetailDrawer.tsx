import type { AgGridReact } from 'ag-grid-react';
import { useRef } from 'react';
import { Button, Descriptions, Drawer, Empty, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo, GridKind, GridRow, RowDetail } from '../../../shared/api/dataApi';
import { useApi } from '../../api/useApi';
import { navigate } from '../../app/hashRoute';
import { AppGrid } from '../../grid/AppGrid';
import { ExportRowsButton } from '../../grid/ExportRowsButton';
import type { ExportContext } from '../../grid/exportRowsOf';
import { formatCell } from './formatCell';
import { shownLabel } from './shownLabel';

interface Props {
  kind: GridKind;
  id: number | null;
  month: string;
  onClose: () => void;
}

/**
 * One row in full: every field, long texts (a journal's content) as whole paragraphs, and for
 * a retailer or manager the month's related rows. Text is rendered as text, never as markup.
 */
export function RowDetailDrawer({ kind, id, month, onClose }: Props) {
  const { t } = useTranslation();
  const detail = useApi('data.detail', id === null ? null : { kind, id, month });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={t('detail.title', { kind: t(`gridKinds.${kind}`) })}
      extra={
        kind === 'managers' && typeof detail.data?.row.code === 'string' ? (
          <Button
            type="primary"
            data-testid="detail-scorecard"
            onClick={() => {
              const code = detail.data?.row.code;
              onClose();
              if (typeof code === 'string') navigate({ page: { name: 'evaluation', manager: code } });
            }}
          >
            {t('office.drill.scorecard')}
          </Button>
        ) : undefined
      }
      destroyOnHidden
      styles={{ body: { paddingTop: 12 } }}
    >
      {detail.loading || !detail.data ? (
        detail.error ? <Empty description={detail.error.message} /> : <Skeleton active />
      ) : (
        <DetailBody detail={detail.data} />
      )}
    </Drawer>
  );
}

function DetailBody({ detail }: { detail: RowDetail }) {
  const { t, i18n } = useTranslation();
  const short = detail.columns.filter((c) => c.type !== 'longtext');
  const long = detail.columns.filter((c) => c.type === 'longtext' && detail.row[c.field] !== null && detail.row[c.field] !== '');
  return (
    <div data-testid="row-detail">
      <Descriptions size="small" bordered column={2} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        {short.map((c) => (
          <Descriptions.Item key={c.field} label={shownLabel(c, i18n.language)}>
            {formatCell(detail.row[c.field], c.type, t, c.format)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {long.map((c) => (
        <div key={c.field} style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{shownLabel(c, i18n.language)}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 4 }} data-testid={`detail-${c.field}`}>
            {formatCell(detail.row[c.field], 'text', t)}
          </Typography.Paragraph>
        </div>
      ))}
      {detail.related.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('detail.related')}
          </Typography.Title>
          <Tabs
            size="small"
            items={detail.related.map((r) => ({
              key: r.kind,
              label: shownLabel(r, i18n.language),
              children: r.rows.length ? <RelatedGrid title={shownLabel(r, i18n.language)} columns={r.columns} rows={r.rows} /> : <Empty description={t('detail.relatedEmpty')} />,
            }))}
          />
        </>
      )}
    </div>
  );
}

function RelatedGrid({ title, columns, rows }: { title: string; columns: ColumnInfo[]; rows: GridRow[] }) {
  const { t, i18n } = useTranslation();
  const gridRef = useRef<AgGridReact<GridRow>>(null);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <ExportRowsButton<GridRow> title={title.slice(0, 60)} api={() => gridRef.current?.api} testId="related-export" />
      </div>
      {/* As tall as its rows (up to 8), so one related row does not leave a white box. */}
      <div style={{ height: Math.min(rows.length, 8) * 32 + 44 }}>
        <AppGrid<GridRow>
        gridRef={gridRef}
        rowData={rows}
        columnDefs={columns
          .filter((c) => c.visible)
          .map((c) => ({
            field: c.field,
            headerName: shownLabel(c, i18n.language),
            width: c.type === 'longtext' ? 260 : 120,
            valueFormatter: (p) => formatCell(p.value as string | number | null | undefined, c.type, t, c.format),
            // Numbers go to the workbook as numbers in their Excel format, the rest as shown.
            ...(c.type === 'number' ? { context: { exportFormat: c.format ?? 'plain' } satisfies ExportContext<GridRow> } : {}),
          }))}
          defaultColDef={{ sortable: true, resizable: true }}
        />
      </div>
    </div>
  );
}
