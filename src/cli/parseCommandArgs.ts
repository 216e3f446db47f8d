import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parse errors in the words of a Chinese command line (its own are English). */
function usageMessage(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const text = err instanceof Error ? err.message : String(err);
  const quoted = /'([^']*)'/.exec(text)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return /^-\d/.test(quoted) ? `不能是负数：「${quoted}」` : `未知选项「${quoted}」`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项「${quoted.split(' ')[0] ?? quoted}」${/argument missing/.test(text) ? '需要一个值' : '不需要值'}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数「${quoted}」`;
    default:
      return `命令行参数有误：${text}`;
  }
}

/** node:util parseArgs, with its errors turned into usage errors (exit 2). */
export function parseCommandArgs<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(usageMessage(err));
  }
}

export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} 需要一个正整数，收到「${value}」`);
  return Number(value);
}

export function monthOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new UsageError(`--${name} 需要 YYYY-MM 格式的月份，收到「${value}」`);
  return value;
}
