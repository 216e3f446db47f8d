import type { Store } from '../db/openStore';
import type { JobRegistry } from './jobRegistry';
import type { WriteLock } from './writeLock';

export interface HandlerDeps {
  store: Store;
  now: () => Date;
  /** Temporary files (the demo district's spreadsheets); the caller owns and removes it. */
  workDir: string;
}

/** What the per-feature handler files share: the deps, the write lock and the running jobs. */
export interface HandlerEnv extends HandlerDeps {
  /** For queries: sees only committed data, never a running import's rows. */
  reader: Store;
  writeLock: WriteLock;
  jobs: JobRegistry;
}
