/**
 * Peak memory of the HTTP host under concurrent uploads (issue 15): starts `kaoping serve` on a
 * fresh database, sends N concurrent import.preview calls whose bodies are each SIZE_MB of wire
 * JSON (a CSV as tagged base64, streamed, never held by this script), and prints the host's peak
 * resident memory (VmHWM) before and after. Linux only (reads /proc).
 *
 *   npx tsx scripts/measureUploadMemory.ts [N=4] [SIZE_MB=290]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CALL_HEADER, CALL_HEADER_VALUE, TOKEN_HEADER } from '../src/shared/api/httpProtocol';

const count = Number(process.argv[2] ?? 4);
const sizeMb = Number(process.argv[3] ?? 290);

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-upload-mem-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', path.join(dir, 'm.sqlite'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new URL(await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve)));
  const token = url.searchParams.get('token') ?? '';
  const idle = peakRssMb(child.pid!);

  // One 3 MB base64 chunk of CSV rows, repeated: the body streams out without being built.
  const rows = Buffer.from('订单日期,许可证号,卷烟编码,订购量\n' + '2026-10-01,370902110001,6901028001687,3\n'.repeat(70_000));
  const raw = rows.subarray(0, rows.length - (rows.length % 3));
  const chunk = Buffer.from(raw.toString('base64'), 'ascii');
  const repeats = Math.max(1, Math.round((sizeMb * 1024 * 1024) / chunk.length));
  const head = Buffer.from('{"fileName":"大文件.csv","bytes":{"__kaopingBytes":"');
  const tail = Buffer.from('"}}');
  const length = head.length + chunk.length * repeats + tail.length;

  const started = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: Number(url.port), path: '/api/import.preview', method: 'POST', headers: { [TOKEN_HEADER]: token, [CALL_HEADER]: CALL_HEADER_VALUE, 'content-type': 'application/json', 'content-length': length } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        (async () => {
          const write = (b: Buffer) => new Promise<void>((r) => (req.write(b) ? r() : req.once('drain', () => r())));
          await write(head);
          for (let i = 0; i < repeats; i++) await write(chunk);
          req.end(tail);
        })().catch(reject);
      }),
    ),
  );
  const peak = peakRssMb(child.pid!);
  child.kill('SIGINT');
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({ uploads: count, bodyMb: Math.round(length / 1024 / 1024), decodedMb: Math.round((raw.length * repeats) / 1024 / 1024), statuses, seconds: (Date.now() - started) / 1000, idlePeakRssMb: Math.round(idle), peakRssMb: Math.round(peak) }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
