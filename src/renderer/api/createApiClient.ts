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
  return createHttpApiClient({ token });
}
