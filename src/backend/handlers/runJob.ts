import type { HandlerContext } from '../../shared/api/kaopingApi';
import type { HandlerEnv } from './handlerDeps';

/**
 * A long writing job: registered first (so it can be cancelled while it waits for the write
 * lock), run under the lock, and always closed with a 'job.done' event.
 */
export async function runJob<T>(env: HandlerEnv, ctx: HandlerContext, jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = env.jobs.start(jobId);
  try {
    return await env.writeLock.run(() => work(controller.signal));
  } finally {
    env.jobs.finish(jobId);
    ctx.emit('job.done', { jobId });
  }
}
