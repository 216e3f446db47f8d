import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { appInfo } from '../services/app/appInfo';
import { loadDemo } from '../services/app/loadDemo';
import { actingName, saveSupervisor } from '../services/app/supervisor';
import type { HandlerEnv } from './handlerDeps';
import { runJob } from './runJob';

type AppHandlers = Pick<KaopingHandlers, 'app.info' | 'app.loadDemo' | 'app.setSupervisor'>;

export function appHandlers(env: HandlerEnv): AppHandlers {
  return {
    'app.info': async () => appInfo(env.reader),
    'app.setSupervisor': async (arg) => env.writeLock.run(() => saveSupervisor(env.store, arg, env.now())),
    'app.loadDemo': async ({ jobId }, ctx) =>
      runJob(env, ctx, jobId, async (signal) =>
        loadDemo(env.store, {
          jobId,
          workDir: env.workDir,
          now: env.now(),
          importedBy: await actingName(env.store.db),
          signal,
          onProgress: (p) => ctx.emit('import.progress', { jobId, ...p }),
        }),
      ),
  };
}
