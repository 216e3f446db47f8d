import type { TaskResult } from '../childProtocol';

/** Nothing: the peak RSS of a child that only starts Node and tsx, to read the others against. */
export async function noopTask(): Promise<TaskResult> {
  return {};
}
