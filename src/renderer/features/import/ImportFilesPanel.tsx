import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Progress, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/api/kaopingApi';
import { KIND_KEYS, type KindKey } from '../../../shared/api/schemas';
import type { FileImportReport } from '../../../shared/importReport';
import { useApiClient } from '../../api/ApiContext';
import { useApiCall } from '../../api/useApi';
import { useAppInfo } from '../../app/AppInfoContext';
import { newJobId } from '../../app/newJobId';
import { FileCard } from './FileCard';
import { isReady, type PendingFile } from './pendingFile';
import { ImportSummaryTable } from './ImportSummaryTable';

let uidCounter = 0;

/** Files still to import first, in the order the backend will take them (roster, retailers, …); finished ones below. */
function displayOrder(files: PendingFile[]): PendingFile[] {
  const rank = (f: PendingFile) => {
    const kindRank = f.preview?.kind ? KIND_KEYS.indexOf(f.preview.kind) : KIND_KEYS.length;
    return (f.report?.status === 'imported' ? 100 : 0) + kindRank;
  };
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/**
 * Drop files, check each preview, fix kinds and mappings by hand, then import them together
 * (the backend orders them by dependency). Nothing is written before "开始导入".
 */
export function ImportFilesPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const call = useApiCall();
  const { message } = App.useApp();
  const { reload: reloadInfo } = useAppInfo();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [job, setJob] = useState<{ id: string; cancelling: boolean; progress: EventPayload<'import.progress'> | null } | null>(null);
  // Preview answers can arrive out of order; only the newest request per file counts.
  const previewSeq = useRef(new Map<string, number>());

  const update = (uid: string, patch: Partial<PendingFile>) => setFiles((fs) => fs.map((f) => (f.uid === uid ? { ...f, ...patch } : f)));

  async function preview(file: PendingFile) {
    const seq = (previewSeq.current.get(file.uid) ?? 0) + 1;
    previewSeq.current.set(file.uid, seq);
    update(file.uid, { previewing: true, kind: file.kind, manualMapping: file.manualMapping });
    const result = await call('import.preview', {
      fileName: file.fileName,
      bytes: file.bytes,
      ...(file.kind ? { kind: file.kind } : {}),
      ...(file.manualMapping ? { manualMapping: file.manualMapping } : {}),
    });
    if (previewSeq.current.get(file.uid) !== seq) return;
    update(file.uid, result.ok ? { previewing: false, preview: result.data } : { previewing: false });
  }

  async function addFile(raw: File) {
    const bytes = new Uint8Array(await raw.arrayBuffer());
    const file: PendingFile = { uid: `f${++uidCounter}`, fileName: raw.name, bytes, previewing: true };
    setFiles((fs) => [...fs, file]);
    await preview(file);
  }

  async function run(selected: PendingFile[], skipInvalid: boolean) {
    if (!selected.length) return;
    const uids = new Set(selected.map((f) => f.uid));
    const id = newJobId('import');
    setJob({ id, cancelling: false, progress: null });
    // Listen before starting, so the first file's progress is not missed.
    const off = client.on('import.progress', (p) => {
      if (p.jobId !== id) return;
      setJob((j) => (j && j.id === id ? { ...j, progress: p } : j));
      setFiles((fs) => fs.map((f) => (uids.has(f.uid) && f.fileName === p.file ? { ...f, rowsDone: p.rowsDone } : f)));
    });
    setFiles((fs) => fs.map((f) => (uids.has(f.uid) ? { ...f, report: undefined, rowsDone: 0 } : f)));
    const result = await call('import.run', {
      jobId: id,
      skipInvalid,
      files: selected.map((f) => ({
        fileName: f.fileName,
        bytes: f.bytes,
        ...(f.preview?.kind ? { kind: f.preview.kind } : {}),
        ...(f.manualMapping ? { manualMapping: f.manualMapping } : {}),
      })),
    });
    off();
    setJob(null);
    if (!result.ok) {
      setFiles((fs) => fs.map((f) => (uids.has(f.uid) ? { ...f, rowsDone: undefined } : f)));
      return;
    }
    const reports = result.data;
    setFiles((fs) =>
      fs.map((f) => {
        if (!uids.has(f.uid)) return f;
        const report: FileImportReport | undefined = reports.find((r) => r.file === f.fileName);
        return { ...f, report, rowsDone: undefined };
      }),
    );
    const ok = reports.filter((r) => r.status === 'imported').length;
    const text = t('import.allDone', { ok, bad: reports.length - ok });
    if (ok === reports.length) void message.success(text);
    else void message.warning(text);
    reloadInfo();
    onImported();
  }

  async function cancel() {
    if (!job) return;
    setJob({ ...job, cancelling: true });
    await call('import.cancel', { jobId: job.id });
  }

  const ready = files.filter(isReady);
  const busy = job !== null;
  const progress = job?.progress;
  const percent = progress ? Math.round(((progress.fileIndex + 0.5) / Math.max(progress.fileCount, 1)) * 100) : 0;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Upload.Dragger
        multiple
        accept=".xlsx,.xlsm,.xls,.csv,.txt"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(raw) => {
          void addFile(raw);
          // Read in the page and previewed through the API; never posted by the Upload itself.
          return false;
        }}
      >
        {files.length === 0 ? (
          <>
            <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.dropTitle')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </>
        ) : (
          // Once files are listed the drop zone shrinks to one line, leaving the screen to the previews.
          <Space>
            <InboxOutlined style={{ fontSize: 20, color: '#1677ff' }} />
            <span>{t('import.dropMore')}</span>
          </Space>
        )}
      </Upload.Dragger>

      {files.length === 0 ? (
        <Card size="small">
          <Typography.Text type="secondary">{t('import.emptyFiles')}</Typography.Text>
        </Card>
      ) : (
        <Card
          size="small"
          // Stays in view while the file cards scroll under it.
          style={{ position: 'sticky', top: -16, zIndex: 5, boxShadow: '0 2px 6px rgba(0,0,0,0.06)' }}
          styles={{ body: { display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', minHeight: 56 } }}
        >
          <Button type="primary" disabled={busy || ready.length === 0} loading={busy} onClick={() => void run(ready, false)} data-testid="start-import">
            {busy ? t('import.importing') : t('import.start', { count: ready.length })}
          </Button>
          {!busy && files.some((f) => f.report?.status === 'imported') && (
            <Button onClick={() => setFiles((fs) => fs.filter((f) => f.report?.status !== 'imported'))} data-testid="clear-imported">
              {t('import.clearImported')}
            </Button>
          )}
          {busy && (
            <>
              <Button danger onClick={() => void cancel()} disabled={job.cancelling} data-testid="cancel-import">
                {job.cancelling ? t('import.cancelling') : t('import.cancel')}
              </Button>
              <div style={{ flex: 1, minWidth: 280 }} data-testid="import-progress">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {progress
                    ? `${t('import.progress', { index: progress.fileIndex + 1, count: progress.fileCount })}：${progress.file}，${t('import.rowsDone', { rows: progress.rowsDone.toLocaleString() })}`
                    : t('import.importing')}
                </Typography.Text>
                <Progress percent={percent} status="active" size="small" />
              </div>
            </>
          )}
        </Card>
      )}

      {files.length > 1 && <ImportSummaryTable files={displayOrder(files)} />}

      {displayOrder(files).map((file) => (
        <div key={file.uid} id={`file-card-${file.uid}`} style={{ scrollMarginTop: 80 }}>
        <FileCard
          key={file.uid}
          file={file}
          busy={busy}
          onKind={(kind: KindKey) => void preview({ ...file, kind, manualMapping: undefined })}
          onMapping={(mapping) => void preview({ ...file, kind: file.preview?.kind ?? file.kind, manualMapping: mapping })}
          onRemove={() => setFiles((fs) => fs.filter((f) => f.uid !== file.uid))}
          onFixAndRetry={() => {
            setFiles((fs) => fs.filter((f) => f.uid !== file.uid));
            void message.info(t('import.fixAndRetryHint', { file: file.fileName }), 6);
          }}
          onSkipInvalid={() => void run([file], true)}
        />
        </div>
      ))}
    </Space>
  );
}
