import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeOf } from './contentTypes';

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function send(res: ServerResponse, file: string, head: boolean): void {
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': contentTypeOf(ext),
    'Content-Length': fs.statSync(file).size,
    // index.html names the hashed bundles of the current build: always ask again.
    'Cache-Control': ext === '.html' ? 'no-store' : 'no-cache',
  });
  if (head) res.end();
  else fs.createReadStream(file).pipe(res);
}

/**
 * A file of the renderer build, or index.html for an unknown path without an extension (the
 * app's own routes). `segments` are already decoded and free of '..' (see startHttpHost).
 */
export function serveStatic(res: ServerResponse, rendererDir: string, segments: readonly string[], head: boolean): void {
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(400).end();
    return;
  }
  const index = path.join(root, 'index.html');
  if (segments.length === 0 || segments.at(-1) === '') {
    if (isFile(index)) send(res, index, head);
    else res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('界面尚未构建：请先运行 npm run kaoping -- serve');
    return;
  }
  if (isFile(file)) {
    send(res, file, head);
    return;
  }
  if (path.extname(file) === '' && isFile(index)) {
    send(res, index, head);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('找不到这个文件');
}
