/**
 * A child process for the durability tests. It opens the store, says "ready", waits for one line
 * "<file>" on stdin, says "go" and imports that file, then says "done <status> <batchId>". The
 * parent kills it (SIGKILL) at a random moment after "go". The test bundles this file once with
 * esbuild and runs it with plain node (tsx's start-up would dominate 50 runs).
 *   node importChild.mjs <database>
 * KAOPING_BULK_MIN_ROWS lowers the row count at which an import drops its secondary indexes.
 */
import readline from 'node:readline';
import { openStore } from '../../../../../src/backend/db/openStore';
import { importFile } from '../../../../../src/backend/services/import/importFile';

const [databasePath] = process.argv.slice(2);
if (!databasePath) {
  process.stderr.write('usage: importChild <database>\n');
  process.exit(2);
}
const store = await openStore(databasePath, { backupBeforeMigrate: false });
const lines = readline.createInterface({ input: process.stdin });
process.stdout.write('ready\n');
const iterator = lines[Symbol.asyncIterator]();
const next = await iterator.next();
if (next.done === true) {
  await store.close();
  process.exit(0);
}
process.stdout.write('go\n');
const bulk = process.env.KAOPING_BULK_MIN_ROWS;
const report = await importFile(store, String(next.value), { now: new Date(), bulkMinRows: bulk ? Number(bulk) : undefined });
process.stdout.write(`done ${report.status} ${report.batchId ?? ''}\n`);
lines.close();
await store.close();
