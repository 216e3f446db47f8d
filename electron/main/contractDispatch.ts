import type { HandlerContext } from '../../src/shared/api/kaopingApi';
import { fail, type Result } from '../../src/shared/api/result';
import type { ContractInvoke } from '../../src/backend/services/backupBeforeImport';
import { isApiName } from '../../src/shared/api/kaopingApi';
import { isTrustedSender, type SenderFrame } from './senderCheck';

export interface DispatchDeps {
  /** The app:// URL of the app's page; calls from anywhere else are refused. */
  indexUrl: string;
  invoke: ContractInvoke;
  log: { error(message: string, err?: unknown): void };
}

export type Dispatch = (name: string, frame: SenderFrame | null | undefined, rawArg: unknown, emit: HandlerContext['emit']) => Promise<Result<unknown>>;

/**
 * What main runs for every IPC call, before and around the backend: the sender frame must be the
 * app's own page, the name must be in the contract, and nothing thrown crosses to the page.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  return async (name, frame, rawArg, emit) => {
    if (!isTrustedSender(frame, deps.indexUrl)) {
      deps.log.error(`refused ${name} from ${frame?.url ?? 'a frame that is gone'}`);
      return fail('forbidden', '拒绝了不是来自本程序页面的请求。');
    }
    if (!isApiName(name)) return fail('not_found', `没有名为「${name}」的接口`);
    try {
      return await deps.invoke(name, rawArg, { emit });
    } catch (err) {
      deps.log.error(`${name} failed`, err);
      return fail('internal', '后台处理时出了意外错误，操作没有完成。请重试；如果反复出现，请查看日志（帮助 › 查看日志）。');
    }
  };
}
