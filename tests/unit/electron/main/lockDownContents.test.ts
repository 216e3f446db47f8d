import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockDownContents, type LockableContents } from '../../../../electron/main/lockDownContents';
import { rendererIndexUrl } from '../../../../electron/main/navigationPolicy';

/** A web contents stand-in: records listeners and the window-open handler, as Electron's does. */
class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

function setUp() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const logged: string[] = [];
  lockDownContents(contents as unknown as LockableContents, { indexUrl: rendererIndexUrl(), openExternal: (u) => opened.push(u), log: (m) => logged.push(m) });
  const prevented = (emit: (e: { preventDefault(): void }) => void) => {
    let stopped = false;
    emit({ preventDefault: () => (stopped = true) });
    return stopped;
  };
  return { contents, opened, logged, prevented };
}

describe('lockDownContents', () => {
  it('will-frame-navigate: no frame, top or iframe, may load anything but the app page', () => {
    const { contents, prevented, logged } = setUp();
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
    for (const url of ['https://evil.example/', 'file:///C:/Users/x/Desktop/订单.xlsx', 'app://kaoping/other.html', 'data:text/html,x']) {
      for (const isMainFrame of [true, false]) {
        expect(prevented((e) => contents.emit('will-frame-navigate', { url, isMainFrame, ...e })), `${url} ${isMainFrame}`).toBe(true);
      }
    }
    expect(prevented((e) => contents.emit('will-frame-navigate', { url: 'app://kaoping/index.html#/import', isMainFrame: true, ...e }))).toBe(false);
    expect(logged.some((m) => m.startsWith('frame navigation refused: https://evil.example/'))).toBe(true);
  });

  it('will-navigate and will-redirect refuse other pages; webviews and new windows are refused', () => {
    const { contents, prevented, opened } = setUp();
    expect(prevented((e) => contents.emit('will-navigate', e, 'file:///tmp/evil.html'))).toBe(true);
    expect(prevented((e) => contents.emit('will-redirect', e, 'https://evil.example/'))).toBe(true);
    expect(prevented((e) => contents.emit('will-navigate', e, 'app://kaoping/index.html#/data/orders'))).toBe(false);
    expect(prevented((e) => contents.emit('will-attach-webview', e))).toBe(true);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });
});
