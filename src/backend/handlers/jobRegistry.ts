import type { CallerAccount } from '../services/accounts/accountRole';
import { RequestError } from '../services/requestError';

interface RunningJob {
  controller: AbortController;
  /** The account that started it (a city server's call); undefined on the desktop. */
  owner: CallerAccount | undefined;
}

/**
 * Whether `caller` may cancel a job `owner` started: their own job, or (a supervisor) one started
 * in their district. Without accounts (the desktop) anyone may.
 */
function mayCancel(owner: CallerAccount | undefined, caller: CallerAccount | undefined): boolean {
  if (!caller || !owner) return caller === undefined;
  if (owner.id === caller.id) return true;
  return caller.role === 'supervisor' && caller.district !== null && owner.district === caller.district;
}

/** Running jobs by id, so that import.cancel can reach the job's AbortController. */
export class JobRegistry {
  private readonly jobs = new Map<string, RunningJob>();

  start(jobId: string, owner?: CallerAccount): AbortController {
    if (this.jobs.has(jobId)) throw new RequestError('job_exists', `任务 ${jobId} 已在进行中`);
    const controller = new AbortController();
    this.jobs.set(jobId, { controller, owner });
    return controller;
  }

  finish(jobId: string): void {
    this.jobs.delete(jobId);
  }

  /**
   * False when no such job is running (finished already, or never started). On a city server
   * (`caller` given) a job of another account is refused unless it runs in the supervisor's own
   * district: a supervisor never cancels another district's import.
   */
  cancel(jobId: string, caller?: CallerAccount): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.controller.signal.aborted) return false;
    if (!mayCancel(job.owner, caller)) throw new RequestError('other_district', '这个任务由另一个营销部或另一个账号发起，不能取消');
    job.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }
}
