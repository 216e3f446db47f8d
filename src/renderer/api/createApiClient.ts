import { TOKEN_QUERY } from '../../shared/api/httpProtocol';
import type { ApiClient } from './ApiClient';
import { createHttpApiClient } from './createHttpApiClient';
import { createIpcApiClient } from './createIpcApiClient';
import { findKaopingBridge } from './kaopingBridge';

/** Electron when the preload bridge exists, else the HTTP host that served this page. */
export function createApiClient(): ApiClient {
  const bridge = findKaopingBridge();
  if (bridge) return createIpcApiClient(bridge);
  const token = new URLSearchParams(window.location.search).get(TOKEN_QUERY);
  forgetTokenInAddress();
  return createHttpApiClient({ token });
}

/**
 * Takes ?token= out of the address bar and the history entry once the page has it (the host set
 * its cookie on this load): it would otherwise stay on screen, in the history and in bookmarks.
 */
function forgetTokenInAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(TOKEN_QUERY)) return;
  url.searchParams.delete(TOKEN_QUERY);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
