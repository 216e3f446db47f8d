import fs from 'node:fs';
import path from 'node:path';
import { findProjectRoot } from '../services/app/findProjectRoot';

/** The renderer's config file at the project root (written with the renderer; outDir out/renderer). */
const RENDERER_CONFIG = 'vite.renderer.config.mts';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether the build in rendererDir is missing or older than a source it is built from. */
function rendererBuildIsStale(rendererDir: string, projectRoot: string): boolean {
  const index = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const config = path.join(projectRoot, RENDERER_CONFIG);
  const sources = Math.max(
    newestMtime(path.join(projectRoot, 'src', 'renderer')),
    newestMtime(path.join(projectRoot, 'src', 'shared')),
    fs.existsSync(config) ? fs.statSync(config).mtimeMs : 0,
  );
  return sources > built;
}

/**
 * Builds the renderer with vite's build() API when its index.html is missing or stale, so
 * `serve` works from a fresh clone right after `npm ci`. Vite's own output goes to stderr:
 * the serve command's first stdout line is its URL.
 */
export async function ensureRendererBuild(
  rendererDir: string,
  opts: { projectRoot?: string; log?: (line: string) => void } = {},
): Promise<{ built: boolean }> {
  const root = opts.projectRoot ?? findProjectRoot();
  if (!root) throw new Error('找不到考评工作台的项目目录（package.json），无法构建界面');
  if (!rendererBuildIsStale(rendererDir, root)) return { built: false };
  const configFile = path.join(root, RENDERER_CONFIG);
  if (!fs.existsSync(configFile)) throw new Error(`找不到界面的构建配置 ${configFile}`);
  opts.log?.('正在构建界面（首次运行或界面代码有改动时需要约半分钟）…');
  const { build, createLogger } = await import('vite');
  const logger = createLogger('warn');
  const toStderr = (msg: string) => process.stderr.write(`${msg}\n`);
  await build({
    configFile,
    logLevel: 'warn',
    customLogger: { ...logger, info: toStderr, warn: toStderr, warnOnce: toStderr, error: toStderr },
    build: { outDir: path.resolve(rendererDir), emptyOutDir: true },
  });
  return { built: true };
}
