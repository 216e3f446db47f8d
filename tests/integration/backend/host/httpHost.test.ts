import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { startHttpHost, type HttpHost } from '../../../../src/backend/host/startHttpHost';
import { CALL_HEADER, CALL_HEADER_VALUE, TOKEN_HEADER, tokenCookieName } from '../../../../src/shared/api/httpProtocol';
import { decodeWire, encodeWire } from '../../../../src/shared/api/wireCodec';
import { tempDir } from '../../../helpers/tempDir';
import { writeCsv } from '../../../helpers/writeSheets';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const dir = tempDir('kaoping-host-');
const rendererDir = path.join(dir, 'renderer');
let store: Store;
let host: HttpHost;

/** node:http, not fetch: the raw path must reach the server unnormalised ('/../package.json'). */
function request(opts: { path: string; method?: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function api(name: string, arg: unknown): Promise<{ status: number; result: unknown }> {
  const res = await request({ path: `/api/${name}`, method: 'POST', headers: { [TOKEN_HEADER]: host.token, [CALL_HEADER]: CALL_HEADER_VALUE, 'content-type': 'application/json' }, body: encodeWire(arg) });
  return { status: res.status, result: decodeWire(res.body.toString('utf8')) };
}

beforeAll(async () => {
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>考评工作台</title><script type="module" src="./assets/app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("kaoping");');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
  store = await openStore(path.join(dir, 'host.sqlite'));
  host = await startHttpHost({ store, rendererDir, port: 0, workDir: dir, logError: () => undefined });
});
afterAll(async () => {
  await host.close();
  await store.close();
});

describe('HTTP host', () => {
  it('listens on 127.0.0.1 with a URL carrying a fresh token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('answers 401 without the token, static files included, and 200 with it', async () => {
    for (const p of ['/', '/assets/app.js', '/api/events', '/?token=wrong']) expect((await request({ path: p })).status, p).toBe(401);
    expect((await request({ path: '/api/app.info', method: 'POST', body: '{}' })).status).toBe(401);

    const page = await request({ path: `/?token=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.toString('utf8')).toContain('考评工作台');
    const cookie = String(page.headers['set-cookie']?.[0] ?? '');
    expect(cookie).toMatch(new RegExp(`^${tokenCookieName(host.port)}=${host.token};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    // The page's assets and calls authenticate with the cookie alone.
    const asCookie = { cookie: `${tokenCookieName(host.port)}=${host.token}` };
    const script = await request({ path: '/assets/app.js', headers: asCookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const info = await request({ path: '/api/app.info', method: 'POST', headers: { ...asCookie, [CALL_HEADER]: CALL_HEADER_VALUE }, body: '{}' });
    expect(info.status).toBe(200);
    expect((await request({ path: '/assets/app.js', headers: { cookie: `${tokenCookieName(host.port)}=nope` } })).status).toBe(401);
  });

  it('sends the security headers on every answer', async () => {
    for (const res of [await request({ path: `/?token=${host.token}` }), await request({ path: '/' }), await request({ path: '/api/app.info', method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: '{}' })]) {
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves the SPA for unknown routes, 404 for missing files, and refuses path traversal', async () => {
    const auth = { [TOKEN_HEADER]: host.token };
    const route = await request({ path: '/data/orders', headers: auth });
    expect(route.status).toBe(200);
    expect(route.body.toString('utf8')).toContain('<title>考评工作台</title>');
    expect((await request({ path: '/assets/missing.js', headers: auth })).status).toBe(404);
    for (const p of ['/../package.json', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%5c..%5csecret.txt', '/../secret.txt']) {
      const res = await request({ path: p, headers: auth });
      expect(res.status, p).toBe(400);
      expect(res.body.toString('utf8'), p).not.toContain('outside the renderer folder');
      expect(res.body.toString('utf8'), p).not.toContain('"name"');
    }
    // Another host name resolving to this machine (DNS rebinding) is turned away.
    expect((await request({ path: '/', headers: { ...auth, host: `evil.example:${host.port}` } })).status).toBe(403);
  });

  it('runs the contract through the wire codec, bytes included', async () => {
    const info = await api('app.info', {});
    expect(info.status).toBe(200);
    expect(info.result).toMatchObject({ ok: true, data: { empty: true, databasePath: store.path, months: [] } });

    const csv = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/samples/品规目录.csv'));
    const preview = await api('import.preview', { fileName: '品规目录.csv', bytes: new Uint8Array(csv) });
    expect(preview.result).toMatchObject({ ok: true, data: { kind: 'brands', format: 'csv' } });

    const book = await api('import.errorsWorkbook', {
      file: 'x.csv',
      errors: [{ file: 'x.csv', sheet: null, row: 2, column: '日期', columnLetter: 'A', value: 'abc', reason: '不是日期' }],
    });
    const bytes = (book.result as { ok: true; data: { bytes: unknown } }).data.bytes;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes as Uint8Array).subarray(0, 2).toString('latin1')).toBe('PK');

    const invalid = await api('import.undo', { batchId: 'x' });
    expect(invalid).toMatchObject({ status: 200, result: { ok: false, error: { code: 'invalid_argument' } } });
    const unknown = await api('import.nothing', {});
    expect(unknown).toMatchObject({ status: 404, result: { ok: false, error: { code: 'not_found' } } });
    const garbage = await request({ path: '/api/app.info', method: 'POST', headers: { [TOKEN_HEADER]: host.token, [CALL_HEADER]: CALL_HEADER_VALUE }, body: '{not json' });
    expect(garbage.status).toBe(400);
  });

  it('refuses a body above the limit with 413', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: '/api/import.preview', method: 'POST', headers: { [TOKEN_HEADER]: host.token, [CALL_HEADER]: CALL_HEADER_VALUE, 'content-length': 400 * 1024 * 1024 } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
      req.write('{"fileName":"a');
    });
    expect(res).toBe(413);
  });

  it('delivers import.progress and job.done as server-sent events', async () => {
    const rows: string[][] = [['订单日期', '许可证号', '卷烟编码', '订购量']];
    for (let i = 0; i < 2500; i++) rows.push([`2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, `37090211${String(i).padStart(4, '0')}`, '6901028001687', '3']);
    const file = writeCsv(path.join(dir, '订单.csv'), rows);

    let text = '';
    let res: http.IncomingMessage | null = null;
    const req = http.get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` });
    const connected = new Promise<void>((resolve) => {
      req.on('response', (r) => {
        res = r;
        expect(r.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) resolve();
        });
      });
    });
    await connected;
    const done = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (text.includes('event: job.done')) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    const run = await api('import.run', { jobId: 'sse-1', files: [{ fileName: '订单.csv', bytes: new Uint8Array(fs.readFileSync(file)) }] });
    expect(run.result).toMatchObject({ ok: true, data: [{ status: 'imported', counts: { inserted: 2500 } }] });
    await done;
    const progress = [...text.matchAll(/event: import\.progress\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1] ?? 'null') as Record<string, unknown>);
    expect(progress.map((p) => p.rowsDone)).toEqual([2000, 2500]);
    expect(progress[0]).toEqual({ jobId: 'sse-1', file: '订单.csv', fileIndex: 0, fileCount: 1, rowsDone: 2000 });
    expect(text).toContain('event: job.done\ndata: {"jobId":"sse-1"}\n\n');
    (res as http.IncomingMessage | null)?.destroy();
    req.destroy();
  });
});
