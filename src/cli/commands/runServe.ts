import path from 'node:path';
import { defaultDatabasePath } from '../../backend/db/defaultDatabasePath';
import { openStoreAt } from '../../backend/db/openStoreAt';
import { ensureRendererBuild } from '../../backend/host/ensureRendererBuild';
import { startHttpHost } from '../../backend/host/startHttpHost';
import { findProjectRoot } from '../../backend/services/app/findProjectRoot';
import { parseListenAddress, refuseOpenListen } from '../listenAddress';
import { intOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `serve [--db FILE] [--port N] [--renderer-dir DIR]`: the workbench in a browser, on 127.0.0.1.
 * Builds the renderer first when out/renderer is missing or stale (a DIR given is served as is).
 * The first stdout line is the URL with this run's token; Ctrl+C (SIGINT) or SIGTERM stops it.
 */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, port: { type: 'string' }, listen: { type: 'string' }, 'renderer-dir': { type: 'string' } });
  const listen = values.listen === undefined ? undefined : parseListenAddress(values.listen);
  if (listen && values.port !== undefined) throw new UsageError('--listen 已含端口，不能再给 --port');
  if (listen) refuseOpenListen(listen.host, values.db ?? defaultDatabasePath());
  const port = listen?.port ?? intOption(values.port, 'port') ?? 0;
  if (port > 65535) throw new UsageError(`--port 应在 0–65535 之间，收到 ${port}`);
  let rendererDir = values['renderer-dir'] === undefined ? undefined : path.resolve(values['renderer-dir']);
  if (rendererDir === undefined) {
    const root = findProjectRoot();
    if (!root) throw new Error('找不到考评工作台的项目目录（package.json）');
    rendererDir = path.join(root, 'out', 'renderer');
    await ensureRendererBuild(rendererDir, { projectRoot: root, log: (line) => process.stderr.write(`${line}\n`) });
  }

  const store = await openStoreAt(values.db ?? defaultDatabasePath());
  let host;
  try {
    host = await startHttpHost({ store, port, rendererDir });
  } catch (err) {
    await store.close();
    if (err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用，请换一个端口或用 --port 0 自动选择`);
    throw err;
  }
  process.stdout.write(`${host.url}\n`);
  process.stdout.write(`考评工作台已启动：请在浏览器中打开上面的地址（含本次运行的访问令牌，请勿外传）。数据库：${store.path}。按 Ctrl+C 停止。\n`);
  await waitForStopSignal();
  await host.close();
  await store.close();
  process.stderr.write('考评工作台已停止\n');
  return 0;
}
