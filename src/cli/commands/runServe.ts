import fs from 'node:fs';
import path from 'node:path';
import { countActiveAdmins } from '../../backend/repositories/accountsRepository';
import { defaultDatabasePath } from '../../backend/db/defaultDatabasePath';
import { openStoreAt } from '../../backend/db/openStoreAt';
import { ensureRendererBuild } from '../../backend/host/ensureRendererBuild';
import { startHttpHost } from '../../backend/host/startHttpHost';
import { findProjectRoot } from '../../backend/services/app/findProjectRoot';
import { isLoopbackHost, parseListenAddress, refuseOpenListen } from '../listenAddress';
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

function readPem(file: string, option: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`无法读取 ${option} 文件「${file}」：${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * `serve [--db FILE] [--port N] [--renderer-dir DIR]`: the workbench in a browser, on 127.0.0.1.
 * Builds the renderer first when out/renderer is missing or stale (a DIR given is served as is).
 * The first stdout line is the URL with this run's token; Ctrl+C (SIGINT) or SIGTERM stops it.
 *
 * A city server: `serve --db postgres://… --listen HOST:PORT [--tls-cert F --tls-key F]` serves
 * with login and roles (accounts made with `kaoping user add`); an address beyond this computer
 * needs PostgreSQL and at least one active admin account. `--login` asks for a login on a
 * loopback address too (any store; for trying a server out on one PC).
 */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    db: { type: 'string' },
    port: { type: 'string' },
    listen: { type: 'string' },
    login: { type: 'boolean' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'renderer-dir': { type: 'string' },
  });
  const listen = values.listen === undefined ? undefined : parseListenAddress(values.listen);
  if (listen && values.port !== undefined) throw new UsageError('--listen 已含端口，不能再给 --port');
  if (listen) refuseOpenListen(listen.host, values.db ?? defaultDatabasePath());
  const withAccounts = values.login === true || (listen !== undefined && !isLoopbackHost(listen.host));
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new UsageError('--tls-cert 与 --tls-key 须一起给出');
  if (values['tls-cert'] !== undefined && !withAccounts) throw new UsageError('--tls-cert/--tls-key 只用于登录模式（--listen 非本机地址，或 --login）');
  const tls = values['tls-cert'] !== undefined ? { cert: readPem(values['tls-cert'], '--tls-cert'), key: readPem(values['tls-key'] as string, '--tls-key') } : undefined;
  const port = listen?.port ?? intOption(values.port, 'port') ?? 0;
  if (port > 65535) throw new UsageError(`--port 应在 0–65535 之间，收到 ${port}`);
  const store = await openStoreAt(values.db ?? defaultDatabasePath());
  if (withAccounts && (await countActiveAdmins(store.db)) === 0) {
    await store.close();
    throw new UsageError(
      `不能启动登录模式：数据库中还没有可用的管理员账号。请先添加一个：kaoping user add 姓名 --role admin --db ${store.path}`,
    );
  }
  let rendererDir: string;
  try {
    let dir = values['renderer-dir'] === undefined ? undefined : path.resolve(values['renderer-dir']);
    if (dir === undefined) {
      const root = findProjectRoot();
      if (!root) throw new Error('找不到考评工作台的项目目录（package.json）');
      dir = path.join(root, 'out', 'renderer');
      await ensureRendererBuild(dir, { projectRoot: root, log: (line) => process.stderr.write(`${line}\n`) });
    }

    rendererDir = dir;
  } catch (err) {
    await store.close();
    throw err;
  }
  let host;
  try {
    host = await startHttpHost({
      store,
      port,
      rendererDir,
      ...(withAccounts ? { accounts: {}, listenHost: listen?.host ?? '127.0.0.1' } : {}),
      ...(tls ? { tls } : {}),
    });
  } catch (err) {
    await store.close();
    if (err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') throw new UsageError(`端口 ${port} 已被占用，请换一个端口或用 --port 0 自动选择`);
    throw err;
  }
  process.stdout.write(`${host.url}\n`);
  if (withAccounts) {
    const wildcard = listen?.host === '0.0.0.0' || listen?.host === '::';
    process.stdout.write(
      `考评工作台（登录模式）已启动${wildcard ? '：在所有网络地址上监听，请用本机的内网地址或域名打开' : ''}；用 kaoping user add 建的账号登录。数据库：${store.path}。按 Ctrl+C 停止。\n`,
    );
  } else {
    process.stdout.write(`考评工作台已启动：请在浏览器中打开上面的地址（含本次运行的访问令牌，请勿外传）。数据库：${store.path}。按 Ctrl+C 停止。\n`);
  }
  await waitForStopSignal();
  await host.close();
  await store.close();
  process.stderr.write('考评工作台已停止\n');
  return 0;
}
