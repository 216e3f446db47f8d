import type { ApiArg, ApiName, ApiReturn, EventName, EventPayload } from '../../shared/api/kaopingApi';
import type { Result } from '../../shared/api/result';

/**
 * The renderer's only way to the data. Two implementations: over HTTP (browser host, e2e tests)
 * and over window.kaoping (Electron's preload). Screens never know which one they talk to.
 */
export interface ApiClient {
  call<K extends ApiName>(name: K, arg: ApiArg<K>): Promise<Result<ApiReturn<K>>>;
  /** Subscribes to a backend event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
}
