import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_KEYS, type KindKey } from '../../../shared/api/schemas';
import { useApiCall } from '../../api/useApi';
import { ChangePreview } from './ChangePreview';
import { ColumnMappingEditor } from './ColumnMappingEditor';
import { ImportResult } from './ImportResult';
import { currentMapping, type PendingFile } from './pendingFile';
import { PreviewGrid } from './PreviewGrid';
import { GuardedButton } from '../login/GuardedButton';

interface Props {
  file: PendingFile;
  busy: boolean;
  onKind: (kind: KindKey) => void;
  onMapping: (mapping: Record<string, number>) => void;
  onRemove: () => void;
  onFixAndRetry: () => void;
  onSkipInvalid: () => void;
  onMonth: (month: string) => void;
}

/** One dropped file: what it was recognised as, how its columns map, its first rows, its result. */
export function FileCard({ file, busy, onKind, onMapping, onRemove, onFixAndRetry, onSkipInvalid, onMonth }: Props) {
  const { t } = useTranslation();
  const p = file.preview;
  const locked = busy || file.report?.status === 'imported';
  // An unclear kind is shown as not chosen until the supervisor chooses it.
  const undecided = p?.unclear != null && !file.kind;
  return (
    <Card
      size="small"
      data-testid="file-card"
      data-file={file.fileName}
      title={
        <Space size={8} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ maxWidth: 520 }}>
            {file.fileName}
          </Typography.Text>
          {p?.kindLabel && !undecided && <Tag color="blue">{p.kindLabel}</Tag>}
          {file.previewing && <Spin size="small" />}
        </Space>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} disabled={busy} onClick={onRemove} aria-label={t('import.remove')} />}
    >
      {file.report?.status === 'imported' ? null : !p ? (
        <Typography.Text type="secondary">{t('import.reading')}</Typography.Text>
      ) : p.refusal ? (
        <Alert type="error" showIcon title={p.refusal} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={10}>
          <Descriptions size="small" column={4} styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('import.kind')}>
              <Select
                size="small"
                style={{ width: 190 }}
                value={undecided ? undefined : (p.kind ?? undefined)}
                placeholder={t(undecided ? 'import.kindChoose' : 'import.kindUnknown')}
                disabled={locked}
                onChange={(kind: KindKey) => onKind(kind)}
                options={KIND_KEYS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                data-testid="kind-select"
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('import.sheet')}>{p.sheet ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('import.header')}>{p.headerRow !== null ? t('import.headerRow', { row: p.headerRow }) : '—'}</Descriptions.Item>
            {p.format && (
              <Descriptions.Item label={t('import.format')}>
                <span data-testid="file-format">{t(`import.formats.${p.format}`)}</span>
              </Descriptions.Item>
            )}
            {p.encoding && <Descriptions.Item label={t('import.encoding')}>{p.encoding}</Descriptions.Item>}
          </Descriptions>
          {p.unclear && !file.kind && (
            <Alert
              type="warning"
              showIcon
              data-testid="kind-unclear"
              title={t(p.unclear.reason === 'ambiguous' ? 'import.unclearAmbiguous' : 'import.unclearNoFit')}
              description={
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  {p.unclear.candidates.map((c) => (
                    <Space key={c.kind} align="start" size={8}>
                      <Button size="small" disabled={locked} onClick={() => onKind(c.kind)} data-testid={`choose-kind-${c.kind}`}>
                        {t('import.chooseKind', { kind: t(`kinds.${c.kind}`) })}
                      </Button>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.missing.length > 0 ? t('import.candidateMissing', { missing: c.missing.join('；') }) : t('import.candidateComplete')}
                      </Typography.Text>
                    </Space>
                  ))}
                </Space>
              }
            />
          )}
          {p.shapeNote && <Alert type="info" showIcon title={p.shapeNote} data-testid="shape-note" />}
          {p.appliedMapping && <Alert type="info" showIcon title={t('import.appliedMapping', { name: p.appliedMapping })} />}
          {p.missingRequired.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('import.missingRequired', { fields: p.missingRequired.map((m) => m.label).join('、') })}
              description={t('import.mappingHint')}
              data-testid="missing-required"
            />
          )}
          {p.kind !== null && (
            <>
              <ColumnMappingEditor preview={p} disabled={locked || file.previewing} onChange={onMapping} />
              {file.manualMapping && !locked && <SaveMapping file={file} />}
            </>
          )}
          {!file.report && <ChangePreview check={file.check} checking={file.checking === true} disabled={locked} onMonth={onMonth} />}
          {!file.report && (p.rows.length ? <PreviewGrid preview={p} /> : <Typography.Text type="secondary">{t('import.previewEmpty')}</Typography.Text>)}
        </Space>
      )}
      {file.rowsDone !== undefined && !file.report && (
        <Typography.Text type="secondary" data-testid="rows-done">
          {t('import.rowsDone', { rows: file.rowsDone.toLocaleString() })}
        </Typography.Text>
      )}
      {file.report && (
        <div style={{ marginTop: file.report.status === 'imported' ? 0 : 10 }}>
          <ImportResult report={file.report} busy={busy} onFixAndRetry={onFixAndRetry} onSkipInvalid={onSkipInvalid} />
        </div>
      )}
    </Card>
  );
}

/** Keeps a hand mapping by name so next month's file with the same headers maps itself. */
function SaveMapping({ file }: { file: PendingFile }) {
  const { t } = useTranslation();
  const call = useApiCall();
  const [name, setName] = useState(() => `${file.preview?.kindLabel ?? ''} ${file.fileName.replace(/\.[^.]+$/, '')}`.trim());
  const [saving, setSaving] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const p = file.preview;
  if (!p || p.kind === null) return null;
  const kind = p.kind;

  async function save() {
    setSaving(true);
    const result = await call('import.saveMapping', { name, kind, headers: p?.headers ?? [], mapping: p ? currentMapping(p) : {} });
    setSaving(false);
    if (result.ok) setSavedAs(result.data.name);
  }

  return (
    <Space wrap>
      <Input
        size="small"
        style={{ width: 260 }}
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
        placeholder={t('import.saveMappingName')}
        data-testid="mapping-name"
      />
      <GuardedButton size="small" loading={saving} disabled={!name.trim()} onClick={() => void save()} data-testid="save-mapping">
        {t('import.saveMapping')}
      </GuardedButton>
      <Typography.Text type={savedAs ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
        {savedAs ? t('import.mappingSaved', { name: savedAs }) : t('import.saveMappingHint')}
      </Typography.Text>
    </Space>
  );
}
