import { Select, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilePreview } from '../../../shared/api/importApi';
import { currentMapping } from './pendingFile';

interface Props {
  preview: FilePreview;
  disabled: boolean;
  /** The whole new mapping (field → column) after the user changed one column. */
  onChange: (mapping: Record<string, number>) => void;
}

const NOT_IMPORTED = '';

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Every column of the file with the field it feeds. A field can feed from one column only, so
 * choosing it for a column takes it away from any other.
 */
export function ColumnMappingEditor({ preview, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const fieldOfColumn = new Map(preview.mapped.map((m) => [m.column, m.field]));
  const missing = new Set(preview.missingRequired.map((m) => m.key));
  const options = [
    { value: NOT_IMPORTED, label: t('import.notImported') },
    ...preview.fields.map((f) => ({
      value: f.key,
      label: f.required || f.requiredGroup ? `${f.label} *` : f.label,
    })),
  ];

  function assign(column: number, field: string) {
    const mapping = currentMapping(preview);
    for (const [key, col] of Object.entries(mapping)) if (col === column || key === field) delete mapping[key];
    if (field !== NOT_IMPORTED) mapping[field] = column;
    onChange(mapping);
  }

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 8 }} data-testid="mapping-editor">
      {preview.headers.map((header, column) => {
        const field = fieldOfColumn.get(column);
        const recognised = field !== undefined;
        return (
          <div
            key={column}
            data-testid={`mapping-col-${column}`}
            data-header={header}
            style={{
              border: `1px solid ${recognised ? '#b7eb8f' : '#ffd591'}`,
              background: recognised ? '#f6ffed' : '#fff7e6',
              borderRadius: 4,
              padding: '4px 8px 6px',
              minWidth: 0,
            }}
          >
            <div style={{ display: 'flex', gap: 4, alignItems: 'flex-start', marginBottom: 4, minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
                {columnLetter(column)}
              </Typography.Text>
              <Tooltip title={header}>
                {/* A long header wraps instead of being cut: it is what the supervisor recognises the column by. */}
                <Typography.Text strong style={{ flex: 1, minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere', lineHeight: 1.4 }}>
                  {header || '—'}
                </Typography.Text>
              </Tooltip>
              <Tag color={recognised ? 'success' : 'warning'} style={{ marginInlineEnd: 0, flex: 'none' }}>
                {recognised ? t('import.recognised') : t('import.unmapped')}
              </Tag>
            </div>
            <Select
              size="small"
              style={{ width: '100%' }}
              value={field ?? NOT_IMPORTED}
              options={options.map((o) => ({ ...o, label: missing.has(o.value) ? `${o.label} ⚠` : o.label }))}
              disabled={disabled}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(value: string) => assign(column, value)}
              popupMatchSelectWidth={false}
            />
          </div>
        );
      })}
    </div>
  );
}
