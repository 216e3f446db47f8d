import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Rect } from './windowState';

/** The window's web preferences: the Electron security checklist, spelled out (defaults included). */
function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // A middle click would ask for a new window (refused anyway by setWindowOpenHandler).
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface WindowOptionsInput {
  preload: string;
  bounds: Partial<Rect> & { width: number; height: number };
  icon?: string;
}

const MIN_WIDTH = 1024;
const MIN_HEIGHT = 640;

/** Everything the main window is created with; windowSecurity.checkWindowOptions must find nothing in it. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: '考评工作台',
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: secureWebPreferences(input.preload),
  };
}
