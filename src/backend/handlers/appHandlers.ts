import { appInfo } from '../services/app/appInfo';
import { loadDemo } from '../services/app/loadDemo';
import { actingName, saveSupervisor } from '../services/app/supervisor';
import type { HandlerEnv } from './handlerDeps';
import { backupFirst, job, reads, writes, type Methods } from './methodPolicies';

type AppHandlers = Pick<Methods, 'app.info' | 'app.loadDemo' | 'app.setSupervisor'>;

export function appHandlers(env: HandlerEnv): AppHandlers {
  return {
    'app.info': reads(async () => appInfo(env.reader)),
    'app.setSupervisor': writes(async (arg) => saveSupervisor(env.store.db, arg, env.now())),
    'app.loadDemo': job(
      writes(
        backupFirst(async ({ jobId }, ctx) =>
          loadDemo(env.store, {
            jobId,
            workDir: env.workDir,
            now: env.now(),
            importedBy: await actingName(env.store.db),
            signal: ctx.signal,
            onProgress: (p) => ctx.emit('import.progress', { jobId, ...p }),
          }),
        ),
      ),
    ),
  };
}
