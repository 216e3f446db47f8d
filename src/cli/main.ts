import { runDemo } from './commands/runDemo';
import { runEvaluate } from './commands/runEvaluate';
import { runAdjust, runFinalize, runReopen } from './commands/runMonthChange';
import { runImport } from './commands/runImport';
import { runServe } from './commands/runServe';
import { runStats } from './commands/runStats';
import { runUndo } from './commands/runUndo';
import { UsageError } from './usageError';
import { EvaluationError } from '../backend/services/evaluation/evaluationError';
import { StoreError } from '../backend/db/openStore';

const USAGE = `kaoping <command> [options]

Commands:
  import [--db FILE] [--kind KIND] [--skip-invalid] [--encoding auto|utf8|gb18030] [--month YYYY-MM] [--json] FILE...
  stats  [--db FILE] [--json]
  undo   BATCH_ID [--db FILE]
  demo   --out DIR [--seed N] [--managers N] [--retailers N] [--months N]
  evaluate --month YYYY-MM [--db FILE] [--scheme NAME] [--json]
  adjust   --month YYYY-MM --manager CODE --dimension KEY --score N --reason TEXT [--db FILE]
  finalize --month YYYY-MM [--db FILE]
  reopen   --month YYYY-MM --reason TEXT [--db FILE]
  serve    [--db FILE] [--port N]   (the workbench in a browser on 127.0.0.1; prints its URL)

--db defaults to $KAOPING_DB, else the desktop app's database file.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  import: runImport,
  stats: runStats,
  undo: runUndo,
  demo: runDemo,
  evaluate: runEvaluate,
  adjust: runAdjust,
  finalize: runFinalize,
  reopen: runReopen,
  serve: runServe,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`未知命令「${command}」\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (err) {
    if (err instanceof EvaluationError || err instanceof StoreError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`出错了：${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(String(err) + '\n');
    process.exitCode = 1;
  },
);
