import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  totalMemoryMb: number;
  /** 1-minute load average when the run started: the machine is shared, figures are noisy. */
  loadAverage: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(2)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
