import path from 'node:path';

/**
 * Where the built pieces are, from the folder of the built main script (out/main). The same
 * layout holds in development (npm start) and inside the packaged app's app.asar.
 */
export function builtPaths(mainDir: string): { rendererIndex: string; preload: string } {
  return {
    rendererIndex: path.join(mainDir, '..', 'renderer', 'index.html'),
    // CommonJS: a sandboxed preload cannot be an ES module.
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
  };
}

/** The window icon: shipped as an extra resource when packaged, from resources/ in development. */
export function iconPath(opts: { packaged: boolean; resourcesPath: string; appPath: string; platform: NodeJS.Platform }): string {
  const name = opts.platform === 'win32' ? 'icon.ico' : 'icon.png';
  return opts.packaged ? path.join(opts.resourcesPath, 'icons', name) : path.join(opts.appPath, 'resources', 'icons', name);
}
