import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/api/kaopingApi';
import { KIND_KEYS, type KindKey } from '../../../shared/api/schemas';
import type { FileImportReport } from '../../../shared/importReport';
import { useApiClient } from '../../api/ApiContext';
import { useApiCall } from '../../api/useApi';
import { useAppInfo } from '../../app/AppInfoContext';
import { newJobId } from '../../app/newJobId';
import { FileCard } from './FileCard';
import { ImportDistrictChooser } from './ImportDistrictChooser';
import { currentMapping, isReady, type PendingFile } from './pendingFile';
import { ImportSummaryTable } from './ImportSummaryTable';
import { GuardedButton } from '../login/GuardedButton';
import { useWriteAccess } from '../login/useWriteAccess';
import { useSessionAccount } from '../login/SessionContext';

let uidCounter = 0;

/** Files up to this size are dry-run in the preview (the roster, retailer and brand files always are in practice). */
const CHECK_MAX_BYTES = 20 * 1024 * 1024;
const MASTER_KINDS: readonly KindKey[] = ['roster', 'retailers', 'brands'];

/** Files still to import first, in the order the backend will take them (roster, retailers, …); finished ones below. */
function displayOrder(files: PendingFile[]): PendingFile[] {
  const rank = (f: PendingFile) => {
    const kindRank = f.preview?.kind ? KIND_KEYS.indexOf(f.preview.kind) : KIND_KEYS.length;
    return (f.report?.status === 'imported' ? 100 : 0) + kindRank;
  };
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/**
 * What the preview showed, sent with the file so that the dry run and the import execute exactly
 * that plan: the kind, the header row and the column mapping in effect (recognised, saved or by hand).
 */
function planOf(f: PendingFile): { kind?: KindKey; manualMapping?: Record<string, number>; headerRow?: number; sheet?: string } {
  const p = f.preview;
  if (!p?.kind) return f.manualMapping ? { manualMapping: f.manualMapping } : {};
  // A reshaped DingTalk sheet is planned by its shape; its columns are not the file's.
  if (p.shapeNote !== null || p.headerRow === null) return { kind: p.kind, ...(f.manualMapping ? { manualMapping: f.manualMapping } : {}) };
  return { kind: p.kind, manualMapping: currentMapping(p), headerRow: p.headerRow, ...(p.sheet !== null ? { sheet: p.sheet } : {}) };
}

/**
 * Drop files, check each preview, fix kinds and mappings by hand, then import them together
 * (the backend orders them by dependency). Nothing is written before "开始导入".
 */
export function ImportFilesPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const call = useApiCall();
  const { message, modal } = App.useApp();
  const { reload: reloadInfo } = useAppInfo();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [job, setJob] = useState<{ id: string; cancelling: boolean; progress: EventPayload<'import.progress'> | null } | null>(null);
  // Preview answers can arrive out of order; only the newest request per file counts.
  const previewSeq = useRef(new Map<string, number>());
  const checkSeq = useRef(new Map<string, number>());
  const importing = useRef(false);
  // A store with several districts (营销部, a city store) imports into the one chosen here.
  const [districts, setDistricts] = useState<{ id: number; name: string }[]>([]);
  const [district, setDistrict] = useState<string | undefined>(undefined);
  const [districtsWanted, setDistrictsWanted] = useState(0);
  useEffect(() => {
    void call('import.districts', {}).then((r) => {
      if (r.ok) setDistricts(r.data);
    });
  }, [call, districtsWanted]);
  const needsDistrict = districts.length > 1 && district === undefined;
  const districtArg = district !== undefined ? { district: district.trim() } : {};

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
    update(file.uid, result.ok ? { previewing: false, preview: result.data, check: undefined } : { previewing: false });
    if (result.ok) setCheckWanted((n) => n + 1);
  }

  // Every change of the files (a preview, a kind, a month) asks for a new dry run of all ready files.
  const [checkWanted, setCheckWanted] = useState(0);
  const filesRef = useRef(files);
  filesRef.current = files;
  useEffect(() => {
    if (checkWanted === 0) return;
    const timer = setTimeout(() => void checkAll(), 150);
    return () => clearTimeout(timer);
  }, [checkWanted]);

  /** A dry run of the ready files together, as the import would take them: what it would change, before anything is written. */
  async function checkAll() {
    // Files being imported are not dry-run meanwhile: the answer would be about rows the import is changing.
    if (importing.current) return;
    // A very large file is counted when it is imported: dry-running it again on every change would keep the database busy.
    const selected = filesRef.current.filter((f) => isReady(f) && f.bytes.length <= CHECK_MAX_BYTES);
    if (selected.length === 0) return;
    const seq = (checkSeq.current.get('all') ?? 0) + 1;
    checkSeq.current.set('all', seq);
    const uids = new Set(selected.map((f) => f.uid));
    setFiles((fs) => fs.map((f) => (uids.has(f.uid) ? { ...f, checking: true } : f)));
    const result = await call('import.check', {
      ...districtArg,
      files: selected.map((f) => ({
        fileName: f.fileName,
        bytes: f.bytes,
        ...planOf(f),
        ...(f.asOfMonth ? { asOfMonth: f.asOfMonth } : {}),
      })),
    });
    if (checkSeq.current.get('all') !== seq) return;
    setFiles((fs) =>
      fs.map((f) => {
        if (!uids.has(f.uid)) return f;
        const check = result.ok ? result.data.find((r) => r.file === f.fileName) : undefined;
        return { ...f, checking: false, check };
      }),
    );
  }

  /** Imports, asking once more when existing roster, retailer or brand rows would change. */
  function start(selected: PendingFile[]) {
    // A master file whose dry run has not answered is confirmed too: it may change existing rows.
    const changing = selected.filter(
      (f) => (f.check?.masterRowsChanged ?? 0) > 0 || (f.check === undefined && f.preview?.kind != null && MASTER_KINDS.includes(f.preview.kind)),
    );
    if (changing.length === 0) {
      void run(selected, false);
      return;
    }
    modal.confirm({
      title: t('import.confirmMasterTitle'),
      content: (
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="confirm-master-list">
          {changing.map((f) => (
            <li key={f.uid}>
              {f.check === undefined
                ? t('import.confirmMasterUnchecked', { file: f.fileName, kind: f.preview?.kindLabel ?? '' })
                : t('import.confirmMasterFile', { file: f.fileName, kind: f.preview?.kindLabel ?? '', count: f.check.masterRowsChanged ?? 0 })}
            </li>
          ))}
        </ul>
      ),
      okText: t('import.confirmMasterOk'),
      cancelText: t('common.cancel'),
      onOk: () => void run(selected, false),
    });
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
    importing.current = true;
    // A dry run still waiting for its turn, or under way, is dropped (its answer would be ignored).
    checkSeq.current.set('all', (checkSeq.current.get('all') ?? 0) + 1);
    // Listen before starting, so the first file's progress is not missed.
    const off = client.on('import.progress', (p) => {
      if (p.jobId !== id) return;
      setJob((j) => (j && j.id === id ? { ...j, progress: p } : j));
      setFiles((fs) => fs.map((f) => (uids.has(f.uid) && f.fileName === p.file ? { ...f, rowsDone: p.rowsDone } : f)));
    });
    setFiles((fs) => fs.map((f) => ({ ...f, checking: false, ...(uids.has(f.uid) ? { report: undefined, rowsDone: 0 } : {}) })));
    const result = await call('import.run', {
      jobId: id,
      skipInvalid,
      ...districtArg,
      files: selected.map((f) => ({
        fileName: f.fileName,
        bytes: f.bytes,
        ...planOf(f),
        ...(f.check?.asOfMonth ? { asOfMonth: f.check.asOfMonth } : {}),
      })),
    });
    off();
    importing.current = false;
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
    // An import may have made the store's first district, or a new one named in the chooser.
    setDistrictsWanted((n) => n + 1);
    onImported();
  }

  async function cancel() {
    if (!job) return;
    setJob({ ...job, cancelling: true });
    await call('import.cancel', { jobId: job.id });
  }

  const ready = files.filter(isReady);
  const busy = job !== null;
  // A reviewer (or an admin) on a city server imports nothing: the drop zone is off and says why.
  const writeGuard = useWriteAccess();
  const account = useSessionAccount();
  const checking = files.some((f) => f.checking === true);
  const progress = job?.progress;
  const percent = progress ? Math.round(((progress.fileIndex + 0.5) / Math.max(progress.fileCount, 1)) * 100) : 0;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {!writeGuard.allowed && <Alert type="info" showIcon title={account?.role === 'reviewer' ? t('login.readOnly.banner') : writeGuard.reason} data-testid="import-read-only" />}
      <Upload.Dragger
        multiple
        accept=".xlsx,.xlsm,.xls,.csv,.txt,.html,.htm"
        showUploadList={false}
        disabled={busy || !writeGuard.allowed}
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
          {/* A supervisor on a city server imports into their own district only (the backend holds them to it). */}
          {districts.length > 0 && account?.role !== 'supervisor' && (
            <ImportDistrictChooser
              districts={districts}
              value={district}
              onChange={(v) => {
                setDistrict(v);
                setCheckWanted((n) => n + 1);
              }}
              disabled={busy}
            />
          )}
          <GuardedButton type="primary" disabled={busy || checking || ready.length === 0 || needsDistrict} loading={busy} onClick={() => start(ready)} data-testid="start-import">
            {busy ? t('import.importing') : t('import.start', { count: ready.length })}
          </GuardedButton>
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
          onMonth={(month) => {
            update(file.uid, { asOfMonth: month });
            setCheckWanted((n) => n + 1);
          }}
        />
        </div>
      ))}
    </Space>
  );
}
