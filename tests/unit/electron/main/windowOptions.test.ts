import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { builtPaths } from '../../../../electron/main/appPaths';
import { windowOptions } from '../../../../electron/main/windowOptions';
import { checkWindowOptions } from '../../../../electron/main/windowSecurity';

const preload = builtPaths(path.resolve('out/main')).preload;
const options = windowOptions({ preload, bounds: { width: 1200, height: 800 } });

/** A copy of the real options with some web preferences changed. */
function weakened(changes: Record<string, unknown>): BrowserWindowConstructorOptions {
  return { ...options, webPreferences: { ...options.webPreferences, ...changes } };
}

describe('the main window options', () => {
  it('pass the security checklist', () => {
    expect(checkWindowOptions(options)).toEqual([]);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(options.title).toBe('考评工作台');
    expect(options.show).toBe(false);
  });

  it('a deliberately weakened copy is caught (the check can fail)', () => {
    const problems = checkWindowOptions(weakened({ nodeIntegration: true, sandbox: false, contextIsolation: false }));
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['sandbox', 'contextIsolation', 'nodeIntegration']);
  });

  it.each([
    ['sandbox', { sandbox: false }],
    ['sandbox', { sandbox: undefined }],
    ['contextIsolation', { contextIsolation: false }],
    ['nodeIntegration', { nodeIntegration: true }],
    ['nodeIntegration', { nodeIntegration: undefined }],
    ['nodeIntegrationInWorker', { nodeIntegrationInWorker: true }],
    ['nodeIntegrationInSubFrames', { nodeIntegrationInSubFrames: true }],
    ['webviewTag', { webviewTag: true }],
    ['webSecurity', { webSecurity: false }],
    ['allowRunningInsecureContent', { allowRunningInsecureContent: true }],
    ['experimentalFeatures', { experimentalFeatures: true }],
    ['enableBlinkFeatures', { enableBlinkFeatures: 'CSSTricks' }],
    ['navigateOnDragDrop', { navigateOnDragDrop: true }],
    ['preload', { preload: 'preload/index.cjs' }],
    ['preload', { preload: path.resolve('out/preload/index.mjs') }],
    ['additionalArguments', { additionalArguments: ['--inspect'] }],
  ])('catches %s weakened: %o', (name, change) => {
    const problems = checkWindowOptions(weakened(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}`));
  });

  it('missing web preferences are a problem', () => {
    expect(checkWindowOptions({ width: 100, height: 100 })).toHaveLength(1);
  });
});
