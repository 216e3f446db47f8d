import { RequestError } from '../services/requestError';

/** Running jobs by id, so that import.cancel can reach the job's AbortController. */
export class JobRegistry {
  private readonly jobs = new Map<string, AbortController>();

  start(jobId: string): AbortController {
    if (this.jobs.has(jobId)) throw new RequestError('job_exists', `任务 ${jobId} 已在进行中`);
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    return controller;
  }

  finish(jobId: string): void {
    this.jobs.delete(jobId);
  }

  /** False when no such job is running (finished already, or never started). */
  cancel(jobId: string): boolean {
    const controller = this.jobs.get(jobId);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.jobs.values()) controller.abort();
  }
}
