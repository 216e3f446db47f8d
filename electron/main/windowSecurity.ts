import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/** What must hold for every window: each rule names the setting and why it matters. */
const RULES: { key: string; ok: (v: unknown) => boolean; why: string }[] = [
  { key: 'sandbox', ok: (v) => v === true, why: 'the renderer must run in the OS sandbox (sandbox: true)' },
  { key: 'contextIsolation', ok: (v) => v === true, why: 'the preload and the page must not share globals (contextIsolation: true)' },
  { key: 'nodeIntegration', ok: (v) => v === false, why: 'the page must not reach Node (nodeIntegration: false)' },
  { key: 'nodeIntegrationInWorker', ok: (v) => v === undefined || v === false, why: 'workers must not reach Node' },
  { key: 'nodeIntegrationInSubFrames', ok: (v) => v === undefined || v === false, why: 'frames must not reach Node' },
  { key: 'webviewTag', ok: (v) => v === false, why: '<webview> must be off (webviewTag: false)' },
  { key: 'webSecurity', ok: (v) => v === undefined || v === true, why: 'the same-origin policy must stay on' },
  { key: 'allowRunningInsecureContent', ok: (v) => v === undefined || v === false, why: 'no http content in the page' },
  { key: 'experimentalFeatures', ok: (v) => v === undefined || v === false, why: 'no experimental Chromium features' },
  { key: 'enableBlinkFeatures', ok: (v) => v === undefined || v === '', why: 'no extra Blink features' },
  { key: 'navigateOnDragDrop', ok: (v) => v === undefined || v === false, why: 'a dropped file must not replace the page' },
];

/**
 * The problems of a window's options against the checklist (empty: none). `npm test` runs it on
 * windowOptions() and on a deliberately weakened copy, so a weakened window fails the build.
 */
export function checkWindowOptions(options: BrowserWindowConstructorOptions): string[] {
  const prefs = options.webPreferences;
  if (!prefs) return ['webPreferences missing: every setting would fall back to a default'];
  const problems: string[] = [];
  const values = prefs as Record<string, unknown>;
  for (const rule of RULES) {
    if (!rule.ok(values[rule.key])) problems.push(`${rule.key} = ${JSON.stringify(values[rule.key])}: ${rule.why}`);
  }
  if (typeof prefs.preload !== 'string' || !path.isAbsolute(prefs.preload)) {
    problems.push('preload must be an absolute path to the built preload script');
  } else if (!/\.cjs$/.test(prefs.preload)) {
    problems.push('preload must be CommonJS (.cjs): a sandboxed preload cannot be an ES module');
  }
  if ('additionalArguments' in prefs && (prefs.additionalArguments?.length ?? 0) > 0) {
    problems.push('additionalArguments: nothing may be passed into the renderer process');
  }
  return problems;
}
