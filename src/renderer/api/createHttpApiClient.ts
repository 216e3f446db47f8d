import type { ApiArg, ApiName, ApiReturn, EventName, EventPayload } from '../../shared/api/kaopingApi';
import type { Result } from '../../shared/api/result';
import { API_PATH_PREFIX, CALL_HEADER, CALL_HEADER_VALUE, EVENTS_PATH, TOKEN_HEADER, TOKEN_QUERY } from '../../shared/api/httpProtocol';
import { decodeWire, encodeWire } from '../../shared/api/wireCodec';
import type { ApiClient } from './ApiClient';
import { clientError, isResult } from './clientError';
import { LOGIN_REQUIRED } from '../../shared/api/authProtocol';
import { notifyLoginRequired } from '../features/login/loginRequired';

export interface HttpApiOptions {
  /** Origin of the host; defaults to the page's own. */
  baseUrl?: string;
  /**
   * The host's token when the page knows it (its URL's ?token=). The host also sets an HttpOnly
   * cookie on the first page load, so same-origin calls work without it.
   */
  token: string | null;
}

type Listener = (payload: unknown) => void;

/** The ApiClient over the HTTP host: POST /api/<name> with the wire codec, events over SSE. */
export function createHttpApiClient({ baseUrl = '', token }: HttpApiOptions): ApiClient {
  const listeners = new Map<string, Set<Listener>>();

  // Connect at once: a stream opened only when a job starts would miss the job's first events.
  const source = new EventSource(token ? `${baseUrl}${EVENTS_PATH}?${TOKEN_QUERY}=${encodeURIComponent(token)}` : `${baseUrl}${EVENTS_PATH}`);

  function ensureListener(event: string): void {
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      source.addEventListener(event, (e) => dispatch(event, safeDecode((e as MessageEvent<string>).data)));
    }
  }

  function dispatch(event: string, payload: unknown): void {
    for (const cb of listeners.get(event) ?? []) cb(payload);
  }

  return {
    async call<K extends ApiName>(name: K, arg: ApiArg<K>): Promise<Result<ApiReturn<K>>> {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${API_PATH_PREFIX}${name}`, {
          method: 'POST',
          // CALL_HEADER: the proof that the call comes from this page (httpProtocol.ts).
          headers: token
            ? { 'content-type': 'application/json', [CALL_HEADER]: CALL_HEADER_VALUE, [TOKEN_HEADER]: token }
            : { 'content-type': 'application/json', [CALL_HEADER]: CALL_HEADER_VALUE },
          body: encodeWire(arg),
        });
      } catch (err) {
        return clientError('network', '无法连接到考评工作台的后台服务，请重新打开程序。', String(err));
      }
      const text = await response.text();
      const decoded = safeDecode(text);
      // The host answers handler failures with a Result body too, whatever the status code.
      // A city server's session ended (idle, account disabled, password changed): back to the login page.
      if (response.status === 401 && isResult(decoded) && !decoded.ok && decoded.error.code === LOGIN_REQUIRED) notifyLoginRequired();
      if (isResult(decoded)) return decoded as Result<ApiReturn<K>>;
      if (response.status === 401 || response.status === 403) {
        return clientError('unauthorized', '访问凭据无效，请从考评工作台重新打开此页面。');
      }
      return clientError('bad_response', `后台服务返回了无法识别的应答（HTTP ${response.status}）。`, text.slice(0, 500));
    },
    on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
      ensureListener(event);
      const listener = cb as Listener;
      listeners.get(event)?.add(listener);
      return () => {
        listeners.get(event)?.delete(listener);
      };
    },
  };
}

function safeDecode(text: string): unknown {
  try {
    return decodeWire(text);
  } catch {
    return undefined;
  }
}
