import type { Store } from '../db/openStore';
import type { DistrictOfCall } from './districtOfCall';
import type { JobRegistry } from './jobRegistry';
import type { WriteLock } from './writeLock';

export interface HandlerDeps {
  store: Store;
  now: () => Date;
  /** Temporary files (the demo district's spreadsheets); the caller owns and removes it. */
  workDir: string;
  /** Told about every backup a `backupFirst` method takes (for the log). */
  onBackup?: (file: string) => void;
  /** The lock of every writer of this store (default: the handlers' own). */
  writeLock?: WriteLock;
  /**
   * Served with accounts (a city server): every call needs a logged-in account and passes the
   * role check (methodAccess.ts); `districtOf` defaults to districtOfCall.ts (tests give their own).
   */
  accounts?: { districtOf?: DistrictOfCall };
}

/**
 * What the per-feature handler files share: the deps, the read connection and the running jobs
 * (for import.cancel). The write lock is not here: a method declares `writes` (methodPolicies.ts).
 */
export interface HandlerEnv extends HandlerDeps {
  /** For queries: sees only committed data, never a running import's rows. */
  reader: Store;
  jobs: JobRegistry;
}
