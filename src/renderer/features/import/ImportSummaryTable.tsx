import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isReady, type PendingFile } from './pendingFile';

type State = 'previewing' | 'unreadable' | 'unknownKind' | 'missingColumns' | 'invalidCells' | 'ready' | 'imported' | 'refused' | 'cancelled';
const STATE_COLORS: Record<State, string> = {
  previewing: 'processing',
  unreadable: 'error',
  unknownKind: 'warning',
  missingColumns: 'warning',
  invalidCells: 'error',
  ready: 'blue',
  imported: 'success',
  refused: 'error',
  cancelled: 'default',
};

function stateOf(file: PendingFile): State {
  if (file.report) return file.report.status;
  if (file.previewing || !file.preview) return 'previewing';
  if (file.preview.refusal) return 'unreadable';
  if (!file.preview.kind) return 'unknownKind';
  // The import refuses a file with an invalid row (unless told to skip them): say so before it runs.
  if (isReady(file)) return (file.preview.cellErrors?.length ?? 0) > 0 ? 'invalidCells' : 'ready';
  return 'missingColumns';
}

/** The files at a glance above their cards: file, kind, rows, state; a row scrolls to its card. */
export function ImportSummaryTable({ files }: { files: readonly PendingFile[] }) {
  const { t } = useTranslation();
  return (
    <Table<PendingFile>
      size="small"
      pagination={false}
      rowKey="uid"
      dataSource={[...files]}
      data-testid="import-summary"
      onRow={(file) => ({
        style: { cursor: 'pointer' },
        onClick: () => document.getElementById(`file-card-${file.uid}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
      })}
      columns={[
        { title: t('office.importSummary.file'), dataIndex: 'fileName', ellipsis: true },
        { title: t('office.importSummary.kind'), key: 'kind', width: 160, render: (_: unknown, f) => f.preview?.kindLabel ?? '—' },
        {
          title: t('office.importSummary.rows'),
          key: 'rows',
          width: 110,
          align: 'right',
          render: (_: unknown, f) => (f.report ? f.report.counts.rows.toLocaleString('en-US') : '—'),
        },
        {
          title: t('office.importSummary.state'),
          key: 'state',
          width: 150,
          render: (_: unknown, f) => {
            const state = stateOf(f);
            return <Tag color={STATE_COLORS[state]}>{t(`office.importSummary.states.${state}`)}</Tag>;
          },
        },
      ]}
    />
  );
}
