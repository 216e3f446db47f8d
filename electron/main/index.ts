import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, net, protocol, screen, session, shell, type Session } from 'electron';
import { backupsFolder } from '../../src/backend/db/sqlite/backupDatabase';
import { builtPaths, iconPath } from './appPaths';
import { BackendSession, BusyError, preflight, recoverDamagedDatabase } from './backendSession';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appRequestFile } from './appProtocol';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from './contentSecurityPolicy';
import { createDispatch } from './contractDispatch';
import { databaseLocation } from './databaseLocation';
import { createLog, type Log } from './logFile';
import { isPageCommand, menuSections, menuTemplate, type MenuCommand } from './menuTemplate';
import { explainNativeLoadError, isAbiMismatch } from './nativeModuleBuild';
import { lockDownContents } from './lockDownContents';
import { allowPermission, rendererIndexUrl } from './navigationPolicy';
import { registerContract, sendEvent } from './registerContract';
import { windowOptions } from './windowOptions';
import { checkWindowOptions } from './windowSecurity';
import { fitToDisplays, loadWindowState, saveWindowState, WINDOW_STATE_FILE } from './windowState';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const paths = builtPaths(mainDir);
const indexUrl = rendererIndexUrl();
// Before the app is ready, or the scheme gets no origin of its own (appProtocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

let mainWindow: BrowserWindow | null = null;
let backend: BackendSession | null = null;
let log: Log = createLog(path.join(os.tmpdir(), 'kaoping-start.log'));

function stampForFileName(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** Every web contents, present and future: no navigation away (any frame), no new windows, no <webview>. */
function lockDownAllContents(): void {
  app.on('web-contents-created', (_event, contents) =>
    lockDownContents(contents, { indexUrl, openExternal: (url) => void shell.openExternal(url), log: (message) => log.info(message) }),
  );
}

/** app://kaoping/… answers with the renderer build's files, each with the app's Content-Security-Policy. */
function serveAppProtocol(ses: Session): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const file = appRequestFile(request.url, path.dirname(paths.rendererIndex));
    if (file === null) return new Response('not found', { status: 404 });
    const found = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(found.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(found.body, { status: found.status, headers });
  });
}

function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  // The page is local; nothing is fetched from a network (the app works offline by design).
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    log.info(`network request refused: ${details.url}`);
    callback({ cancel: true });
  });
  ses.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: '保存文件', defaultPath: path.join(app.getPath('documents'), item.getFilename()) });
  });
}

function createWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const initial = fitToDisplays(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const icon = iconPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath(), platform: process.platform });
  const options = windowOptions({ preload: paths.preload, bounds: initial.bounds, icon: fs.existsSync(icon) ? icon : undefined });
  const problems = checkWindowOptions(options);
  if (problems.length > 0) throw new Error(`window options fail the security checklist:\n${problems.join('\n')}`);

  const win = new BrowserWindow(options);
  win.once('ready-to-show', () => {
    if (initial.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      log.error('saving the window position failed', err);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => log.error(`renderer gone: ${details.reason} (${details.exitCode})`));
  void win.loadURL(indexUrl);
  return win;
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function showError(title: string, message: string, detail?: string): Promise<void> {
  await dialog.showMessageBox({ type: 'error', title, message, detail, buttons: ['确定'], noLink: true });
}

/** The database check at start; false when the app must not go on. */
async function checkAtStart(databasePath: string): Promise<boolean> {
  const found = preflight(databasePath, log);
  if (found.kind === 'ready') return true;
  if (found.kind === 'unreadable') {
    await showError('无法打开数据库', found.message, databasePath);
    return false;
  }
  const buttons = found.latestBackup ? ['用最近的备份恢复', '新建空数据库', '退出'] : ['新建空数据库', '退出'];
  const backupName = found.latestBackup ? path.basename(found.latestBackup) : null;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: '数据库已损坏',
    message: found.message,
    detail: [
      `数据文件：${databasePath}`,
      backupName ? `最近的完好备份：${backupName}` : '没有找到完好的备份。',
      '无论选哪一项，损坏的文件都会改名（…-damaged-…）保留在数据文件夹中，不会被删除或覆盖。',
      '',
      `检查结果：${found.problems.slice(0, 5).join('；')}`,
    ].join('\n'),
    buttons,
    cancelId: buttons.length - 1,
    defaultId: 0,
    noLink: true,
  });
  const choice = buttons[response];
  if (choice === '用最近的备份恢复' && found.latestBackup) {
    await recoverDamagedDatabase(databasePath, { kind: 'restore', backup: found.latestBackup }, new Date(), log);
    return true;
  }
  if (choice === '新建空数据库') {
    await recoverDamagedDatabase(databasePath, { kind: 'startEmpty' }, new Date(), log);
    return true;
  }
  return false;
}

async function backupFromMenu(session: BackendSession, win: BrowserWindow): Promise<void> {
  const { canceled, filePath } = await dialog.showSaveDialog(win, {
    title: '备份数据库',
    defaultPath: path.join(app.getPath('documents'), `考评工作台备份-${stampForFileName(new Date())}.sqlite`),
    filters: [{ name: '考评工作台数据库', extensions: ['sqlite'] }],
  });
  if (canceled || !filePath) return;
  const file = await session.backupTo(filePath);
  const { response } = await dialog.showMessageBox(win, {
    type: 'info',
    title: '备份完成',
    message: '数据库已备份。',
    detail: `${file}\n\n另外，每次导入前程序都会自动备份到数据文件夹的 backups 中（保留最近 10 份）。`,
    buttons: ['确定', '打开所在文件夹'],
    noLink: true,
  });
  if (response === 1) shell.showItemInFolder(file);
}

async function restoreFromMenu(session: BackendSession, win: BrowserWindow): Promise<void> {
  if (session.busy) throw new BusyError();
  const { canceled, filePaths } = await dialog.showOpenDialog(win, {
    title: '选择要恢复的备份',
    defaultPath: backupsFolder(session.databasePath),
    filters: [{ name: '考评工作台数据库', extensions: ['sqlite'] }],
    properties: ['openFile'],
  });
  const chosen = filePaths[0];
  if (canceled || !chosen) return;
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    title: '恢复备份',
    message: `用「${path.basename(chosen)}」替换当前的数据？`,
    detail: '恢复前会先自动备份当前数据；当前的数据库文件会改名（…-replaced-…）保留在数据文件夹中，不会被删除。',
    buttons: ['恢复', '取消'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return;
  const result = await session.restore(chosen);
  win.webContents.reload();
  await dialog.showMessageBox(win, {
    type: 'info',
    title: '恢复完成',
    message: '备份已恢复。',
    detail: `恢复前的数据已备份为：${result.safetyBackup}\n原数据库文件已改名为：${result.setAside ?? '（无）'}`,
    buttons: ['确定'],
    noLink: true,
  });
}

async function runMenuCommand(command: MenuCommand): Promise<void> {
  const win = mainWindow;
  if (!win || !backend) return;
  if (isPageCommand(command)) {
    focusWindow();
    sendEvent(win.webContents, 'app.menu', { command });
    return;
  }
  switch (command) {
    case 'backup':
      return backupFromMenu(backend, win);
    case 'restore':
      return restoreFromMenu(backend, win);
    case 'quit':
      app.quit();
      return;
    case 'openDataFolder': {
      const failure = await shell.openPath(path.dirname(backend.databasePath));
      if (failure) throw new Error(failure);
      return;
    }
    case 'openLog': {
      if (!fs.existsSync(log.file)) log.info('log opened');
      const failure = await shell.openPath(log.file);
      if (failure) throw new Error(failure);
      return;
    }
    case 'about':
      await dialog.showMessageBox(win, {
        type: 'info',
        title: '关于考评工作台',
        message: `考评工作台 ${app.getVersion()}`,
        detail: [
          '营销部片区主管的客户经理月度考评工具。数据只保存在本机。',
          '',
          `数据文件：${backend.databasePath}`,
          `日志：${log.file}`,
          `Electron ${process.versions.electron}，Chromium ${process.versions.chrome}，Node.js ${process.versions.node}`,
        ].join('\n'),
        buttons: ['确定'],
        noLink: true,
      });
      return;
  }
}

function installMenu(): void {
  const template = menuTemplate(menuSections({ devTools: !app.isPackaged }), (command) => {
    runMenuCommand(command).catch((err: unknown) => {
      log.error(`menu command ${command} failed`, err);
      void showError('操作没有完成', err instanceof Error ? err.message : String(err));
    });
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  log = createLog(path.join(app.getPath('userData'), 'logs', 'kaoping.log'));
  log.info(`start ${app.getVersion()} (Electron ${process.versions.electron}, ${process.platform})`);
  hardenSession(session.defaultSession);
  serveAppProtocol(session.defaultSession);

  const location = databaseLocation({ userData: app.getPath('userData'), env: process.env, platform: process.platform });
  if (!location.ok) {
    log.error(location.reason);
    await showError('数据库位置不可用', location.reason, location.path);
    app.quit();
    return;
  }
  if (location.note) log.info(location.note);
  if (!(await checkAtStart(location.path))) {
    app.quit();
    return;
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-'));
  const opened = new BackendSession({ databasePath: location.path, workDir, log });
  try {
    await opened.open();
  } catch (err) {
    log.error('opening the database failed', err);
    const message = isAbiMismatch(err) ? explainNativeLoadError(err) : err instanceof Error ? err.message : String(err);
    await showError('无法打开数据库', message, location.path);
    app.quit();
    return;
  }
  backend = opened;
  // Quitting waits once for the store to close (cancelled jobs roll back, the WAL is checkpointed).
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    opened
      .close()
      .catch((err: unknown) => log.error('closing the database failed', err))
      .finally(() => {
        fs.rmSync(workDir, { recursive: true, force: true });
        log.info('quit');
        app.quit();
      });
  });

  registerContract(createDispatch({ indexUrl, invoke: opened.invoke, log }));
  installMenu();
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another 考评工作台 is running: it is brought to the front (second-instance) and this one ends.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => app.quit());
  lockDownAllContents();
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log.error('start failed', err);
      dialog.showErrorBox('考评工作台无法启动', err instanceof Error ? err.message : String(err));
      app.quit();
    });
}
