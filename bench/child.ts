/**
 * Entry point of one measured workload: `node --import tsx bench/child.ts <task> '<json params>'`.
 * One workload per process, so that the peak RSS reported is that workload's alone.
 */
import { RESULT_MARKER, type TaskParams } from './childProtocol';
import { loadTask } from './loadTask';

function parseParams(json: string | undefined): TaskParams {
  const parsed: unknown = JSON.parse(json ?? '{}');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('bench task params must be a JSON object');
  return parsed as TaskParams;
}

const [taskName, json] = process.argv.slice(2);
if (!taskName) throw new Error('usage: child.ts <task> <json params>');
const task = await loadTask(taskName);
const cpuBefore = process.cpuUsage();
const result = await task(parseParams(json));
const cpu = process.cpuUsage(cpuBefore);
// maxRSS is in KiB; a task that measured another process (the sqlite3 CLI) reports its own peakRssMb.
const ownPeakMb = process.resourceUsage().maxRSS / 1024;
const full = {
  processCpuSeconds: (cpu.user + cpu.system) / 1e6,
  ...result,
  peakRssMb: typeof result.peakRssMb === 'number' ? result.peakRssMb : ownPeakMb,
  harnessPeakRssMb: ownPeakMb,
};
// Exit once the line is flushed: a handle a library left open must not hang the run.
process.stdout.write(`${RESULT_MARKER}${JSON.stringify(full)}\n`, () => process.exit(0));
