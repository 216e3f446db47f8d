import type { HandlerContext } from '../../src/shared/api/kaopingApi';
import { fail, type Result } from '../../src/shared/api/result';
import type { ContractInvoke } from '../../src/backend/handlers';
import { isTrustedSender, type SenderFrame } from './senderCheck';

export interface DispatchDeps {
  /** The app:// URL of the app's page; calls from anywhere else are refused. */
  indexUrl: string;
  /** The backend's one dispatch (invokeHandler): it validates, runs the policies and shapes errors. */
  invoke: ContractInvoke;
  log: { error(message: string, err?: unknown): void };
}

export type Dispatch = (name: string, frame: SenderFrame | null | undefined, rawArg: unknown, emit: HandlerContext['emit']) => Promise<Result<unknown>>;

/**
 * What main adds for every IPC call before the backend's dispatch: the sender frame must be the
 * app's own page. Unknown names, validation, policies and error shaping are the dispatch's, the
 * same as for the HTTP host.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  return async (name, frame, rawArg, emit) => {
    if (!isTrustedSender(frame, deps.indexUrl)) {
      deps.log.error(`refused ${name} from ${frame?.url ?? 'a frame that is gone'}`);
      return fail('forbidden', '拒绝了不是来自本程序页面的请求。');
    }
    return deps.invoke(name, rawArg, { emit });
  };
}
