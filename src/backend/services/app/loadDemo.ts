import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FileImportReport } from '../../../shared/importReport';
import { writeDemoDistrict } from '../../demo/writeDemoDistrict';
import type { Store } from '../../db/openStore';
import { countAll } from '../../repositories/monthDataRepository';
import { runImportJob, type ImportJobProgress } from '../import/runImportJob';
import { RequestError } from '../requestError';

export interface LoadDemoOptions {
  jobId: string;
  workDir: string;
  now: Date;
  /** Who loads it: recorded on its import batches. */
  importedBy: string;
  signal?: AbortSignal;
  onProgress?: (p: ImportJobProgress) => void;
}

/**
 * Writes the demo district (default options) into a temporary folder and imports it. Only into
 * an empty database: demo rows mixed with a district's real data could not be told apart.
 */
export async function loadDemo(store: Store, opts: LoadDemoOptions): Promise<FileImportReport[]> {
  if ((await countAll(store.db, 'managers')) > 0) {
    throw new RequestError('not_empty', '数据库里已经有客户经理数据，不能再载入演示数据（演示数据会和真实数据混在一起）');
  }
  const outDir = path.join(opts.workDir, `demo-${opts.jobId.replace(/[^\w-]/g, '_')}`);
  try {
    const demo = await writeDemoDistrict({ outDir });
    return await runImportJob(
      store,
      demo.files.map((file) => ({ input: file })),
      { now: opts.now, importedBy: opts.importedBy, signal: opts.signal, onProgress: opts.onProgress },
    );
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
