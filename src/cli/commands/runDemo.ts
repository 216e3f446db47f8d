import path from 'node:path';
import { DEFAULT_ACTIVITY_MONTHS, writeDemoDistrict } from '../../backend/demo/writeDemoDistrict';
import { intOption, monthOption, parseCommandArgs } from '../parseCommandArgs';
import { UsageError } from '../usageError';

export async function runDemo(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    out: { type: 'string' },
    seed: { type: 'string' },
    managers: { type: 'string' },
    retailers: { type: 'string' },
    months: { type: 'string' },
    'end-month': { type: 'string' },
    'orders-format': { type: 'string' },
    'attendance-rows': { type: 'string' },
    'journal-entries': { type: 'string' },
  });
  if (!values.out) throw new UsageError('demo 需要 --out DIR');
  const ordersFormat = values['orders-format'];
  if (ordersFormat !== undefined && ordersFormat !== 'csv' && ordersFormat !== 'xlsx') {
    throw new UsageError('--orders-format 只能是 csv 或 xlsx');
  }
  const managers = intOption(values.managers, 'managers');
  const retailers = intOption(values.retailers, 'retailers');
  const months = intOption(values.months, 'months');
  // The generator's own checks speak English to programmers; the command line says it in Chinese first.
  if (managers !== undefined && managers < 1) throw new UsageError(`--managers 至少为 1，收到 ${managers}`);
  if (retailers !== undefined && retailers < (managers ?? 10)) throw new UsageError(`--retailers 不能少于客户经理人数（${managers ?? 10}），收到 ${retailers}`);
  if (months !== undefined && months < DEFAULT_ACTIVITY_MONTHS) throw new UsageError(`--months 至少为 ${DEFAULT_ACTIVITY_MONTHS}，收到 ${months}`);
  const result = await writeDemoDistrict({
    outDir: path.resolve(values.out),
    seed: intOption(values.seed, 'seed'),
    managers,
    retailers,
    months,
    endMonth: monthOption(values['end-month'], 'end-month'),
    ordersFormat,
    attendanceRowsTarget: intOption(values['attendance-rows'], 'attendance-rows'),
    journalsTarget: intOption(values['journal-entries'], 'journal-entries'),
  });
  for (const f of result.files) process.stdout.write(f + '\n');
  process.stdout.write(`演示片区已写入 ${path.resolve(values.out)}（${result.files.length} 个文件，问题清单见 ${path.basename(result.manifestPath)}）\n`);
  return 0;
}
