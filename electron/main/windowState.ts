import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What the window opens with: a position only when the saved one is on a display now. */
export interface InitialWindow {
  bounds: Partial<Rect> & { width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1360, height: 860 };
export const WINDOW_STATE_FILE = 'window-state.json';
/** How much of the title bar must be on a display for the saved position to be kept. */
const VISIBLE_WIDTH = 120;
const VISIBLE_HEIGHT = 40;

function isRect(v: unknown): v is Rect {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (['x', 'y', 'width', 'height'] as const).every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/** The saved state, or null when the file is missing, unreadable or not ours. */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { bounds, maximized } = data as Record<string, unknown>;
  if (!isRect(bounds) || bounds.width <= 0 || bounds.height <= 0) return null;
  return { bounds, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fits a saved state to the displays there are now (work areas, without the taskbar): the size
 * shrinks to the display it is on; a window whose title bar is on no display (a monitor that was
 * unplugged, a resolution that went down) opens centred on the primary display instead.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[], primary: Rect): InitialWindow {
  const fallback = (size: { width: number; height: number }, maximized: boolean): InitialWindow => {
    const width = Math.min(size.width, primary.width);
    const height = Math.min(size.height, primary.height);
    return {
      bounds: {
        x: primary.x + Math.round((primary.width - width) / 2),
        y: primary.y + Math.round((primary.height - height) / 2),
        width,
        height,
      },
      maximized,
    };
  };
  if (!state) return fallback(DEFAULT_SIZE, false);
  const titleBar: Rect = { x: state.bounds.x, y: state.bounds.y, width: state.bounds.width, height: VISIBLE_HEIGHT };
  // The display that shows most of the title bar, if it shows enough of it to grab.
  let host: Rect | undefined;
  let best = 0;
  for (const area of workAreas) {
    const o = overlap(titleBar, area);
    const enough = o.width >= Math.min(VISIBLE_WIDTH, state.bounds.width) && o.height >= Math.min(VISIBLE_HEIGHT, state.bounds.height);
    if (enough && o.width * o.height > best) {
      host = area;
      best = o.width * o.height;
    }
  }
  if (!host) return fallback(state.bounds, state.maximized);
  const width = Math.min(state.bounds.width, host.width);
  const height = Math.min(state.bounds.height, host.height);
  // Keep the window's top-left inside the host, moving it only as far as its new size needs.
  const x = Math.max(host.x, Math.min(state.bounds.x, host.x + host.width - width));
  const y = Math.max(host.y, Math.min(state.bounds.y, host.y + host.height - height));
  return { bounds: { x, y, width, height }, maximized: state.maximized };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a JSON file. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temp, file);
}
