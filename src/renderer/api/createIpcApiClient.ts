import type { ApiArg, ApiName, ApiReturn, EventName, EventPayload } from '../../shared/api/kaopingApi';
import type { Result } from '../../shared/api/result';
import type { ApiClient } from './ApiClient';
import { clientError, isResult } from './clientError';
import type { KaopingBridge } from './kaopingBridge';

/** The ApiClient over Electron's preload bridge; arguments and results cross as structured clones. */
export function createIpcApiClient(bridge: KaopingBridge): ApiClient {
  return {
    async call<K extends ApiName>(name: K, arg: ApiArg<K>): Promise<Result<ApiReturn<K>>> {
      try {
        const answer = await bridge.invoke(name, arg);
        if (isResult(answer)) return answer as Result<ApiReturn<K>>;
        return clientError('bad_response', '后台返回了无法识别的应答。');
      } catch (err) {
        return clientError('ipc', '与考评工作台后台的连接出错，请重新打开程序。', String(err));
      }
    },
    on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, (payload) => cb(payload as EventPayload<E>));
    },
  };
}
