import { KIND_LABELS_ZH } from '../../core/import/kinds';
import { isKindKey } from '../../shared/kindKeys';
import type { UploadedFile } from '../../shared/api/schemas';
import { listImportBatches } from '../repositories/importBatchRepository';
import { listDistricts } from '../repositories/districtRepository';
import { buildErrorsWorkbook, errorsWorkbookName } from '../services/import/errorsWorkbook';
import { actingName } from '../services/app/supervisor';
import { previewFile } from '../services/import/previewFile';
import { runImportJob, type ImportJobFile } from '../services/import/runImportJob';
import { listMappings, saveMapping } from '../services/import/savedMappings';
import { RequestError } from '../services/requestError';
import { undoBatch } from '../services/undoBatch';
import { currentCaller } from '../services/accounts/callerScope';
import { callerDistrictId, callerGridDistrictId, callerImportDistrict } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { backupFirst, job, reads, writes, type Methods } from './methodPolicies';

type ImportHandlers = Pick<
  Methods,
  | 'import.preview'
  | 'import.run'
  | 'import.check'
  | 'import.cancel'
  | 'import.batches'
  | 'import.undo'
  | 'import.saveMapping'
  | 'import.mappings'
  | 'import.districts'
  | 'import.errorsWorkbook'
>;

function jobFile(file: UploadedFile & { asOfMonth?: string }): ImportJobFile {
  return {
    input: { fileName: file.fileName, bytes: file.bytes },
    kind: file.kind,
    manualMapping: file.manualMapping,
    encoding: file.encoding,
    asOfMonth: file.asOfMonth,
    headerRowNumber: file.headerRow,
    sheet: file.sheet,
  };
}

export function importHandlers(env: HandlerEnv): ImportHandlers {
  const { store } = env;
  return {
    'import.preview': reads(async (file) =>
      previewFile(
        { fileName: file.fileName, bytes: file.bytes },
        { kind: file.kind, manualMapping: file.manualMapping, encoding: file.encoding, savedMappings: await listMappings(env.reader, await callerGridDistrictId(env.reader.db)) },
      ),
    ),

    'import.run': job(
      writes(
        backupFirst(async (arg, ctx) =>
          runImportJob(store, arg.files.map(jobFile), {
            skipInvalid: arg.skipInvalid,
            asOfMonth: arg.asOfMonth,
            now: env.now(),
            importedBy: await actingName(store.db),
            signal: ctx.signal,
            savedMappings: await listMappings(store, await callerGridDistrictId(store.db)),
            onProgress: (p) => ctx.emit('import.progress', { jobId: arg.jobId, ...p }),
            district: callerImportDistrict(arg.district),
          }),
        ),
      ),
    ),

    // A dry run takes the write lock: it runs the import inside a transaction it rolls back.
    'import.check': writes(async ({ files, district }) =>
      runImportJob(store, files.map(jobFile), { dryRun: true, now: env.now(), savedMappings: await listMappings(store, await callerGridDistrictId(store.db)), district: callerImportDistrict(district) }),
    ),

    // Any role may cancel its own job (a reviewer's export); a supervisor also their district's (jobRegistry.ts).
    'import.cancel': reads(async ({ jobId }) => ({ cancelled: env.jobs.cancel(jobId, currentCaller()) })),

    // A supervisor lists their district's batches; everyone else (and the desktop) every batch.
    'import.batches': reads(async () =>
      (await listImportBatches(env.reader.db, await callerGridDistrictId(env.reader.db))).map((b) => ({
        id: b.id,
        fileName: b.file_name,
        kind: b.kind,
        kindLabel: isKindKey(b.kind) ? KIND_LABELS_ZH[b.kind] : b.kind,
        sheet: b.sheet,
        rows: b.rows_total,
        inserted: b.inserted,
        updated: b.updated,
        unchanged: b.unchanged,
        rejected: b.rejected,
        unlinked: b.unlinked,
        status: b.status,
        importedAt: b.imported_at,
        importedBy: b.imported_by,
        undoneAt: b.undone_at,
      })),
    ),

    'import.undo': writes(
      backupFirst(async ({ batchId }) => {
        const result = await undoBatch(store, batchId, env.now());
        if (!result.ok) throw new RequestError(result.code, result.message);
        return { batchId: result.batchId, deleted: result.deleted, restored: result.restored };
      }),
    ),

    // A supervisor saves for their district (never over another district's mapping of that name) and sees their own and the shared ones.
    'import.saveMapping': writes(async (arg) => saveMapping(store, arg, env.now(), await callerDistrictId(store.db))),

    'import.mappings': reads(async () => listMappings(env.reader, await callerGridDistrictId(env.reader.db))),

    'import.districts': reads(async () => listDistricts(env.reader.db)),

    'import.errorsWorkbook': reads(async ({ file, errors }) => ({
      fileName: errorsWorkbookName(file),
      bytes: await buildErrorsWorkbook(errors),
    })),
  };
}
