import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/backend/db/openStore';
import { tempDir } from '../../../helpers/tempDir';
import { buildImportChild } from './buildImportChild';
import { writeBrandsCsv } from '../../../helpers/brandsCsv';
import { databaseFacts } from '../../../helpers/databaseFacts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const KILLS = 50;
const ROWS_PER_FILE = 2000;

interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: AsyncIterator<string>;
  exited: Promise<number | null>;
}

/** Seeded, so that a failing run can be repeated (the seed is in the test's name). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectLine(child: Child, want: string): Promise<string> {
  const next = await child.lines.next();
  if (next.done === true) throw new Error(`child ended before "${want}"`);
  if (!next.value.startsWith(want)) throw new Error(`child said "${next.value}", expected "${want}"`);
  return next.value;
}

describe('an import killed with SIGKILL at random moments', () => {
  const dir = tempDir('kaoping-kill-');
  const databasePath = path.join(dir, 'kaoping.sqlite');
  let childScript = '';

  beforeAll(async () => {
    const child = await buildImportChild('durability-import-child');
    childScript = child.script;
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    await store.close();
    return child.remove;
  });

  function startChild(): Child {
    const proc = spawn(process.execPath, [childScript, databasePath], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    void exited.then((code) => {
      if (code !== null && code !== 0) process.stderr.write(`import child failed (${code}): ${stderr}\n`);
    });
    const lines = readline.createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
    return { proc, lines, exited };
  }

  const seed = Number(process.env.KAOPING_KILL_SEED ?? Date.now() % 1_000_000);

  it(`keeps the database whole and every batch all-or-nothing (${KILLS} kills, seed ${seed})`, async () => {
    const random = mulberry32(seed);
    const files = Array.from({ length: KILLS + 1 }, (_, i) => writeBrandsCsv(path.join(dir, `品规目录_${i}.csv`), i * ROWS_PER_FILE, ROWS_PER_FILE));

    // A first import runs to the end: it measures how long an import takes on this machine.
    let child = startChild();
    await expectLine(child, 'ready');
    const started = Date.now();
    child.proc.stdin.write(`${files[0]}\n`);
    await expectLine(child, 'go');
    expect(await expectLine(child, 'done')).toMatch(/^done imported \d+/);
    const importMs = Date.now() - started;
    await child.exited;

    let facts = databaseFacts(databasePath);
    expect(facts.brands).toBe(ROWS_PER_FILE);

    let killedMidway = 0;
    let committed = 1;
    let next = startChild();
    for (let i = 1; i <= KILLS; i += 1) {
      child = next;
      await expectLine(child, 'ready');
      // The next child starts (loads its modules) while this one imports.
      next = startChild();
      const before = facts;
      child.proc.stdin.write(`${files[i]}\n`);
      await expectLine(child, 'go');
      let finished = false;
      void child.lines.next().then((line) => {
        if (line.done !== true && line.value.startsWith('done')) finished = true;
      });
      await sleep(random() * importMs * 1.1);
      child.proc.kill('SIGKILL');
      await child.exited;
      if (!finished) killedMidway += 1;

      facts = databaseFacts(databasePath);
      expect(facts.integrity, `integrity after kill ${i}`).toEqual(['ok']);
      expect(facts.batchesWithoutTheirRows, `batches without their rows after kill ${i}`).toBe(0);
      expect(facts.rowsWithoutBatch, `rows without a committed batch after kill ${i}`).toBe(0);
      const grew = facts.brands - before.brands;
      expect([0, ROWS_PER_FILE], `brand count change after kill ${i}`).toContain(grew);
      expect(facts.committedBatches - before.committedBatches).toBe(grew === 0 ? 0 : 1);
      if (grew > 0) committed += 1;
    }
    next.proc.stdin.end();
    await next.exited;

    // The database opens for writing as the app would open it, and a further import succeeds.
    const store = await openStore(databasePath, { backupBeforeMigrate: false });
    await store.close();
    expect(databaseFacts(databasePath).brands).toBe(committed * ROWS_PER_FILE);
    // Most kills must land inside the import, or the test proves little.
    expect(killedMidway, `${killedMidway} of ${KILLS} kills landed before the import finished`).toBeGreaterThanOrEqual(KILLS / 2);
  }, 180_000);
});
