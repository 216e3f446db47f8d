import { invokeHandler, type Handlers } from '../../src/backend/handlers';
import type { ApiArg, ApiName, ApiReturn, EventName, EventPayload, HandlerContext } from '../../src/shared/api/kaopingApi';
import type { Result } from '../../src/shared/api/result';

export interface RecordedEvent {
  name: EventName;
  payload: EventPayload<EventName>;
}

/** A handler context that records every event; `onEvent` lets a test react (e.g. cancel) mid-job. */
export function recordingContext(onEvent?: (e: RecordedEvent) => void): { ctx: HandlerContext; events: RecordedEvent[] } {
  const events: RecordedEvent[] = [];
  const ctx: HandlerContext = {
    emit: (name, payload) => {
      const e = { name, payload } as RecordedEvent;
      events.push(e);
      onEvent?.(e);
    },
  };
  return { ctx, events };
}

/** Calls through invokeHandler (validation included), as the hosts do. */
export async function call<K extends ApiName>(handlers: Handlers, name: K, arg: ApiArg<K>, ctx = recordingContext().ctx): Promise<Result<ApiReturn<K>>> {
  return (await invokeHandler(handlers, name, arg, ctx, { logError: () => undefined })) as Result<ApiReturn<K>>;
}

/** The data of an ok Result; a failed one fails the test with its message. */
export async function data<K extends ApiName>(handlers: Handlers, name: K, arg: ApiArg<K>, ctx = recordingContext().ctx): Promise<ApiReturn<K>> {
  const result = await call(handlers, name, arg, ctx);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}
