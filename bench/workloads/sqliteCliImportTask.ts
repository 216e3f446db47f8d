import { spawn, spawnSync } from 'node:child_process';
import { openSync, readSync, closeSync } from 'node:fs';
import { secondsSince, stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { removeDatabase } from '../prepare/prepareStore';
import { readProcessCpuSeconds, readProcessMemory } from '../runChild';

const SQLITE3 = '/usr/bin/sqlite3';

function headerOf(csv: string): string[] {
  const fd = openSync(csv, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const line = buffer.subarray(0, read).toString('utf8').split('\n')[0] ?? '';
    return line.replace(/^\uFEFF/, '').trim().split(',');
  } finally {
    closeSync(fd);
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The floor for any CSV importer: the sqlite3 command-line shell's `.import` of the UTF-8 copy
 * into a table with the same columns (no parsing, no links, no keys). Its peak RSS and CPU time
 * are polled from /proc every 20 ms (both only grow, so the last reading is close to the end value).
 */
export async function sqliteCliImportTask(params: TaskParams): Promise<TaskResult> {
  const csv = stringParam(params, 'csv');
  const workDb = stringParam(params, 'workDb');
  removeDatabase(workDb);
  const columns = headerOf(csv);
  const script = [
    `create table orders_raw (${columns.map((c) => `${quoteIdent(c)} text`).join(', ')});`,
    `.import --csv --skip 1 '${csv.replace(/'/g, "''")}' orders_raw`,
    '',
  ].join('\n');

  const started = performance.now();
  const child = spawn(SQLITE3, [workDb], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  let peakMb = 0;
  let cpuSeconds = 0;
  const poll = setInterval(() => {
    const memory = readProcessMemory(child.pid ?? -1);
    if (memory) peakMb = Math.max(peakMb, memory.hwmMb);
    cpuSeconds = readProcessCpuSeconds(child.pid ?? -1) ?? cpuSeconds;
  }, 20);
  child.stdin.end(script);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = secondsSince(started);
  clearInterval(poll);
  if (code !== 0 || stderr.trim() !== '') throw new Error(`sqlite3 .import failed (${code}): ${stderr.trim()}`);

  const counted = spawnSync(SQLITE3, [workDb, 'select count(*) from orders_raw;'], { encoding: 'utf8' });
  const rows = Number(counted.stdout.trim());
  removeDatabase(workDb);
  return { seconds, cpuSeconds, rows, rowsPerSecond: rows / seconds, rowsPerCpuSecond: cpuSeconds > 0 ? rows / cpuSeconds : null, peakRssMb: peakMb };
}
