import { allowExternal, allowNavigation } from './navigationPolicy';

/** The parts of Electron's WebContents the lock-down uses (a fake stands in for it in the unit tests). */
export interface LockableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: { url: string; isMainFrame: boolean; preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface LockDownDeps {
  indexUrl: string;
  openExternal(url: string): void;
  log(message: string): void;
}

/**
 * One web contents: it shows the app page and nothing else. will-navigate and will-redirect
 * cover the top frame; will-frame-navigate covers every frame, iframes included (a frame the
 * page did not mean to have must not load anything either); no <webview>; new windows are
 * refused (an allowlisted https link opens in the user's browser instead).
 */
export function lockDownContents(contents: LockableContents, deps: LockDownDeps): void {
  const refuse = (event: { preventDefault(): void }, url: string, what: string) => {
    if (!allowNavigation(url, deps.indexUrl)) {
      event.preventDefault();
      deps.log(`${what} refused: ${url}`);
    }
  };
  contents.on('will-navigate', (event, url) => refuse(event, url, 'navigation'));
  contents.on('will-redirect', (event, url) => refuse(event, url, 'redirect'));
  contents.on('will-frame-navigate', (details) => refuse(details, details.url, details.isMainFrame ? 'navigation' : 'frame navigation'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (allowExternal(url)) deps.openExternal(url);
    else deps.log(`new window refused: ${url}`);
    return { action: 'deny' };
  });
}
