/**
 * Electronegativity findings that were reviewed and accepted, each with its reason. A finding
 * matches by check id, file (relative to the scanned folder) and, when given, a piece of the
 * flagged source line, so a new or changed line is flagged again.
 */
export interface AllowedFinding {
  id: string;
  file: string;
  sample?: string;
  reason: string;
}

export const ALLOWED_FINDINGS: readonly AllowedFinding[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/main/index.ts',
    sample: 'new BrowserWindow(options)',
    reason:
      'The options come from windowOptions() (contextIsolation: true), which the scanner cannot follow; windowOptions.test.ts checks the very object, and index.ts refuses to open a window whose options fail checkWindowOptions.',
  },
  {
    id: 'SANDBOX_JS_CHECK',
    file: 'electron/main/index.ts',
    sample: 'new BrowserWindow(options)',
    reason: 'Same object as above: sandbox: true, checked by windowOptions.test.ts and at run time by checkWindowOptions.',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'electron/main/index.ts',
    sample: 'new BrowserWindow(options)',
    reason: "Same object: disableBlinkFeatures: 'Auxclick' is set in windowOptions(); new windows are refused by setWindowOpenHandler anyway.",
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/index.ts',
    sample: 'openExternal: (url) => void shell.openExternal(url)',
    reason: 'Handed to lockDownContents, which calls it only for URLs allowExternal accepts (https only, no credentials or port, an explicit host allowlist, empty today); lockDownContents.test.ts, navigationPolicy.test.ts.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/lockDownContents.ts',
    sample: 'if (allowExternal(url)) deps.openExternal(url)',
    reason: 'Guarded by allowExternal: https only, no credentials or port, an explicit host allowlist (empty today); navigationPolicy.test.ts.',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'electron/main/contentSecurityPolicy.ts',
    reason:
      "Manual-review notice for the policy string itself. script-src 'self', object-src 'none', base-uri 'none' are held by contentSecurityPolicy.test.ts; 'unsafe-inline' is for styles only (antd and AG Grid inject styles at run time).",
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    reason: "The meta policy equals main's header policy (contentSecurityPolicy.test.ts); 'unsafe-inline' is for styles only.",
  },
];
