import { checkDatabase } from '../../src/backend/db/sqlite/checkDatabase';
import { openStore, type Store } from '../../src/backend/db/openStore';
import {
  finishInterruptedRestore,
  latestHealthyBackup,
  restoreBackup,
  setDatabaseAside,
  type RestoreResult,
} from '../../src/backend/db/sqlite/restoreBackup';
import { backupToFile, verifiedBackup } from '../../src/backend/db/sqlite/verifiedBackup';
import { createHandlers, invokeHandler, type ContractInvoke, type Handlers } from '../../src/backend/handlers';
import type { WriteLock } from '../../src/backend/handlers/writeLock';
import type { Log } from './logFile';

export type Preflight =
  | { kind: 'ready' }
  | { kind: 'corrupt'; message: string; problems: string[]; latestBackup: string | null }
  | { kind: 'unreadable'; message: string };

/**
 * Before the database is opened for writing: finish a restore a crash cut short, then
 * `PRAGMA quick_check` on a read-only connection. A damaged file is reported with the newest
 * backup that passes the same check; nothing is written to it.
 */
export function preflight(databasePath: string, log: Log): Preflight {
  const finished = finishInterruptedRestore(databasePath);
  if (finished) log.info(`finished an interrupted restore: ${finished} → ${databasePath}`);
  const health = checkDatabase(databasePath);
  switch (health.status) {
    case 'missing':
    case 'ok':
      return { kind: 'ready' };
    case 'unreadable':
      log.error(`database check: ${health.message}`);
      return { kind: 'unreadable', message: health.message };
    case 'corrupt':
      log.error(`database check found damage in ${databasePath}:\n${health.problems.join('\n')}`);
      return { kind: 'corrupt', message: health.message, problems: health.problems, latestBackup: latestHealthyBackup(databasePath) };
  }
}

export interface BackendSessionOptions {
  databasePath: string;
  /** Temporary files of the handlers (the demo district); owned by the caller. */
  workDir: string;
  log: Log;
  now?: () => Date;
  /** The lock of every writer of this store (default: the handlers' own). */
  writeLock?: WriteLock;
}

export class BusyError extends Error {
  constructor() {
    super('还有操作正在进行（例如导入），请等它完成后再试。');
    this.name = 'BusyError';
  }
}

/**
 * The backend as the desktop app runs it: one store, the contract's handlers on it (their
 * policies, the backup before every import included, are the handlers' own), and the menu's 备份/恢复. The store can be swapped (after a restore)
 * while the IPC registration stays; a restore waits for no call to be running.
 */
export class BackendSession {
  private store: Store | null = null;
  private handlers: Handlers | null = null;
  private inFlight = 0;
  private readonly now: () => Date;
  readonly invoke: ContractInvoke;

  constructor(private readonly opts: BackendSessionOptions) {
    this.now = opts.now ?? (() => new Date());
    const handlers = (): Handlers => {
      if (!this.handlers) throw new Error('the database is not open');
      return this.handlers;
    };
    this.invoke = async (name, rawArg, ctx) => {
      this.inFlight += 1;
      try {
        return await invokeHandler(handlers, name, rawArg, ctx, { logError: (n, err) => opts.log.error(`${n} failed`, err) });
      } finally {
        this.inFlight -= 1;
      }
    };
  }

  get databasePath(): string {
    return this.opts.databasePath;
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  private currentStore(): Store {
    if (!this.store) throw new Error('the database is not open');
    return this.store;
  }

  /** Opens the store (migrations run here, after their own backup) and creates the handlers. */
  async open(): Promise<void> {
    if (this.store) return;
    this.store = await openStore(this.opts.databasePath, { now: this.now });
    this.handlers = createHandlers({
      store: this.store,
      now: this.now,
      workDir: this.opts.workDir,
      onBackup: (file) => this.opts.log.info(`backup before import: ${file}`),
      writeLock: this.opts.writeLock,
    });
    this.opts.log.info(`database open: ${this.opts.databasePath}`);
  }

  /** Cancels running jobs and closes every connection (a restore renames the files next). */
  async close(): Promise<void> {
    const handlers = this.handlers;
    this.handlers = null;
    if (handlers) {
      handlers.cancelAllJobs();
      // The handlers' own read-only connection, where the backend has one.
      if ('close' in handlers && typeof handlers.close === 'function') await handlers.close();
    }
    const store = this.store;
    this.store = null;
    await store?.close();
  }

  /** 文件 › 备份: an online backup to a file the user chose. */
  async backupTo(target: string): Promise<string> {
    const file = await backupToFile(this.currentStore().sqlite, this.opts.databasePath, target);
    this.opts.log.info(`backup saved: ${file}`);
    return file;
  }

  /**
   * 文件 › 恢复: takes a backup of the current data first (so the restore itself can be undone),
   * closes the store, puts the chosen backup in place (the current file is renamed, not deleted)
   * and opens it.
   */
  async restore(backupFile: string): Promise<RestoreResult & { safetyBackup: string }> {
    if (this.busy) throw new BusyError();
    const safetyBackup = await verifiedBackup(this.currentStore().sqlite, this.opts.databasePath, 'before-restore', this.now());
    await this.close();
    try {
      const result = await restoreBackup(backupFile, this.opts.databasePath, { now: this.now(), reason: 'replaced' });
      this.opts.log.info(`restored ${backupFile}; the previous database is now ${result.setAside ?? '(none)'}`);
      return { ...result, safetyBackup };
    } finally {
      await this.open();
    }
  }
}

/**
 * After a failed start-up check, before anything is opened: either the newest healthy backup takes
 * the database's place, or (no backup, or the user prefers) an empty database starts. Either way the
 * damaged file is renamed `…-damaged-<time>.sqlite` and kept.
 */
export async function recoverDamagedDatabase(
  databasePath: string,
  choice: { kind: 'restore'; backup: string } | { kind: 'startEmpty' },
  now: Date,
  log: Log,
): Promise<string | null> {
  if (choice.kind === 'restore') {
    const result = await restoreBackup(choice.backup, databasePath, { now, reason: 'damaged' });
    log.info(`restored ${choice.backup} over a damaged database; damaged file kept as ${result.setAside ?? '(none)'}`);
    return result.setAside;
  }
  const aside = setDatabaseAside(databasePath, { now, reason: 'damaged' });
  log.info(`damaged database set aside as ${aside ?? '(none)'}; starting empty`);
  return aside;
}
