import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState, type Rect } from '../../../../electron/main/windowState';
import { tempDir } from '../../../helpers/tempDir';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

describe('the remembered window', () => {
  it('opens centred at the default size the first time', () => {
    expect(fitToDisplays(null, [primary], primary)).toEqual({
      bounds: { x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE },
      maximized: false,
    });
  });

  it('keeps a position that is on a display, on the second monitor too', () => {
    const state = { bounds: { x: 2000, y: 50, width: 1100, height: 800 }, maximized: true };
    expect(fitToDisplays(state, [primary, right], primary)).toEqual(state);
  });

  it('moves a window whose monitor was unplugged back to the primary display', () => {
    const state = { bounds: { x: 2000, y: 50, width: 1100, height: 800 }, maximized: false };
    expect(fitToDisplays(state, [primary], primary)).toEqual({ bounds: { x: 410, y: 120, width: 1100, height: 800 }, maximized: false });
  });

  it('shrinks a window larger than its display and keeps it inside', () => {
    const state = { bounds: { x: 1800, y: 0, width: 1600, height: 1200 }, maximized: false };
    // The title bar is mostly on the right display.
    expect(fitToDisplays(state, [primary, right], primary)).toEqual({ bounds: { x: 1920, y: 0, width: 1280, height: 984 }, maximized: false });
  });

  it('does not keep a window whose title bar is off-screen (above the top)', () => {
    const state = { bounds: { x: 100, y: -500, width: 800, height: 600 }, maximized: false };
    expect(fitToDisplays(state, [primary], primary).bounds).toEqual({ x: 560, y: 220, width: 800, height: 600 });
  });

  it('reads back what it saved, and ignores a broken or foreign file', () => {
    const file = path.join(tempDir('kaoping-window-'), 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    const state = { bounds: { x: 10, y: 20, width: 1300, height: 850 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    fs.writeFileSync(file, '{"bounds": {"x": 1, "y": 2');
    expect(loadWindowState(file)).toBeNull();
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":0,"height":10}}')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"0","y":0,"width":10,"height":10}}')).toBeNull();
    expect(parseWindowState('[1,2,3]')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":10,"height":10}}')).toEqual({ bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false });
  });
});
