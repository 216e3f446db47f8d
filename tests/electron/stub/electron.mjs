/**
 * A stand-in for the `electron` module, for running the BUILT main process (out/main/index.js) in
 * plain Node where no Electron binary exists. It records what main asks of Electron, then drives
 * it like a page would: IPC calls from the app's frame and from a stranger, a navigation, a popup,
 * a permission request, a response's headers, the menu, and quitting. The report goes to stdout
 * as one JSON line: `STUB-REPORT {...}`. Used by tests/electron/builtMain.electron.test.ts.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = process.env.KAOPING_STUB_DIR;
const listeners = new Map();
const on = (map, event, fn) => map.set(event, [...(map.get(event) ?? []), fn]);
const emit = (map, event, ...args) => (map.get(event) ?? []).forEach((fn) => fn(...args));
const recorded = { handles: new Map(), windows: [], menu: null, errors: [], dialogs: [], sent: [], quitPrevented: 0, schemes: [], protocolHandlers: new Map() };

function fakeContents() {
  const own = new Map();
  return {
    own,
    openHandler: null,
    on(event, fn) {
      on(own, event, fn);
      return this;
    },
    setWindowOpenHandler(fn) {
      this.openHandler = fn;
    },
    isDestroyed: () => false,
    send: (channel, payload) => recorded.sent.push([channel, payload]),
    reload: () => undefined,
  };
}

let quitting = false;
export const app = {
  requestSingleInstanceLock: () => true,
  on: (event, fn) => on(listeners, event, fn),
  whenReady: () => Promise.resolve(),
  getPath: (name) => `${dir}/${name}`,
  getVersion: () => '0.0.0-stub',
  getAppPath: () => process.cwd(),
  isPackaged: false,
  quit() {
    let prevented = false;
    emit(listeners, 'before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) {
      recorded.quitPrevented += 1;
      return;
    }
    quitting = true;
    setTimeout(() => process.exit(0), 10);
  },
};

const sessionHandlers = {};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => (sessionHandlers.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (sessionHandlers.permissionCheck = fn),
    webRequest: {
      onHeadersReceived: (fn) => (sessionHandlers.headers = fn),
      onBeforeRequest: (filter, fn) => (sessionHandlers.request = { filter, fn }),
    },
    on: (event, fn) => (sessionHandlers[event] = fn),
    protocol: { handle: (scheme, fn) => recorded.protocolHandlers.set(scheme, fn) },
  },
};

export const protocol = { registerSchemesAsPrivileged: (schemes) => recorded.schemes.push(...schemes) };
/** net.fetch of a file:// URL, as main's app:// handler uses it. */
export const net = {
  fetch: async (url) => {
    try {
      return new Response(fs.readFileSync(fileURLToPath(url)), { status: 200, headers: { 'content-type': 'text/plain' } });
    } catch {
      return new Response('', { status: 404 });
    }
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
};

export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = fakeContents();
    this.events = new Map();
    recorded.windows.push(this);
    // What Electron does for every new web contents.
    emit(listeners, 'web-contents-created', {}, this.webContents);
  }
  once(event, fn) {
    on(this.events, event, fn);
  }
  on(event, fn) {
    on(this.events, event, fn);
  }
  loadFile(file) {
    this.loaded = `file-path:${file}`;
    return Promise.resolve();
  }
  loadURL(url) {
    this.loaded = url;
    return Promise.resolve();
  }
  getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 800 });
  isMaximized = () => false;
  isMinimized = () => false;
  maximize() {}
  show() {}
  focus() {}
  restore() {}
  static getAllWindows = () => recorded.windows;
}

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => (recorded.menu = menu),
};
export const dialog = {
  showMessageBox: async (...args) => {
    recorded.dialogs.push(args.at(-1)?.title ?? '');
    return { response: 0 };
  },
  showErrorBox: (title, text) => recorded.errors.push(`${title}: ${text}`),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};
export const shell = {
  openExternal: async (url) => recorded.errors.push(`openExternal ${url}`),
  openPath: async () => '',
  showItemInFolder: () => undefined,
};
export const ipcMain = {
  handle: (channel, fn) => recorded.handles.set(channel, fn),
  removeHandler: (channel) => recorded.handles.delete(channel),
};

/** Plays the page's part once the window exists, then quits. */
async function drive() {
  for (let i = 0; i < 600 && !recorded.windows[0]?.loaded; i += 1) await new Promise((r) => setTimeout(r, 50));
  const win = recorded.windows[0];
  if (!win) {
    process.stdout.write(`STUB-REPORT ${JSON.stringify({ error: 'no window', errors: recorded.errors, dialogs: recorded.dialogs })}\n`);
    process.exit(1);
  }
  const indexUrl = win.loaded;
  const wc = win.webContents;
  const call = (name, arg, url, parent = null) =>
    recorded.handles.get(`kaoping:${name}`)?.({ senderFrame: url === null ? null : { url, parent }, sender: wc }, arg);

  const navigation = [];
  for (const url of [`${indexUrl}#/import`, 'file:///etc/passwd', 'https://example.com/']) {
    let prevented = false;
    emit(wc.own, 'will-navigate', { preventDefault: () => (prevented = true) }, url);
    navigation.push([url, prevented ? 'refused' : 'allowed']);
  }
  const frameNavigation = [];
  for (const url of [`${indexUrl}#/data`, 'https://example.com/', 'file:///etc/passwd']) {
    let prevented = false;
    emit(wc.own, 'will-frame-navigate', { url, isMainFrame: false, preventDefault: () => (prevented = true) });
    frameNavigation.push([url, prevented ? 'refused' : 'allowed']);
  }
  const appHandler = recorded.protocolHandlers.get('app');
  const served = [];
  for (const url of ['app://kaoping/../../../../etc/passwd', 'app://kaoping/assets/%5c..%5c..%5cpackage.json', 'app://other/index.html']) {
    const res = await appHandler?.({ url });
    served.push([url, res?.status ?? null]);
  }
  const permissions = await Promise.all(
    ['media', 'notifications', 'clipboard-read'].map((p) => new Promise((resolve) => sessionHandlers.permissionRequest?.(wc, p, resolve))),
  );
  const headers = await new Promise((resolve) => sessionHandlers.headers?.({ responseHeaders: { 'Content-Security-Policy': ['script-src *'] } }, resolve));
  const request = await new Promise((resolve) => sessionHandlers.request?.fn({ url: 'https://example.com/x.js' }, resolve));
  const menuLabels = (recorded.menu ?? []).map((m) => [m.label, ...(m.submenu ?? []).map((i) => i.label ?? '—')]);
  (recorded.menu?.[0]?.submenu ?? []).find((i) => i.label === '导入…')?.click?.();

  const report = {
    indexUrl,
    windowOptions: win.options,
    channels: [...recorded.handles.keys()].sort(),
    appInfo: await call('app.info', {}, `${indexUrl}#/`),
    fromIframe: await call('app.info', {}, indexUrl, { url: indexUrl }),
    fromElsewhere: await call('app.info', {}, 'https://example.com/'),
    fromNowhere: await call('app.info', {}, null),
    invalidArg: await call('import.undo', { batchId: 'x' }, indexUrl),
    navigation,
    frameNavigation,
    schemes: recorded.schemes,
    served,
    popup: wc.openHandler?.({ url: 'https://example.com/' }),
    permissions,
    headers,
    request,
    menuLabels,
    sent: recorded.sent,
    errors: recorded.errors,
  };
  process.stdout.write(`STUB-REPORT ${JSON.stringify(report)}\n`);
  app.quit();
  // before-quit closes the database, then quits again.
  setTimeout(() => {
    if (!quitting) {
      process.stdout.write('STUB-REPORT-QUIT-STUCK\n');
      process.exit(3);
    }
  }, 20_000);
}
void drive();

export default { app, session, screen, BrowserWindow, Menu, dialog, shell, ipcMain, protocol, net };
