import { RequestError } from '../backend/services/requestError';
import { UsageError } from './usageError';

const USAGE = `用法：kaoping <命令> [选项]

命令：
  import [--db FILE] [--kind KIND] [--dry-run] [--skip-invalid] [--encoding auto|utf8|gb18030] [--month YYYY-MM] [--by NAME] [--json] FILE...
  stats  [--db FILE] [--json]
  undo   BATCH_ID [--db FILE]
  demo   --out DIR [--seed N] [--managers N] [--retailers N] [--months N]
  evaluate --month YYYY-MM [--db FILE] [--scheme NAME] [--json]
  adjust   --month YYYY-MM --manager CODE --dimension KEY --score N --reason TEXT [--by NAME] [--db FILE]
  score    --month YYYY-MM --manager CODE --metric KEY --value N --reason TEXT [--by NAME] [--db FILE]
  finalize --month YYYY-MM [--by NAME] [--db FILE]
  reopen   --month YYYY-MM --reason TEXT [--by NAME] [--db FILE]
  report   --month YYYY-MM --out FILE.xlsx [--db FILE]
  city     --month YYYY-MM [--json] [--out 市公司汇总.xlsx] [--db FILE]   (ranks and compares the districts' months)
  serve    [--db FILE] [--port N | --listen HOST:PORT] [--login] [--tls-cert FILE --tls-key FILE]
           (the workbench in a browser on 127.0.0.1, prints its URL; --listen beyond this computer: PostgreSQL, login with accounts)
  audit verify [--db FILE] [--json]   (checks the audit log's hash chain; names the first broken row)
  user add NAME --role admin|supervisor|reviewer [--district D] [--password-stdin] [--by NAME] [--db URL]
  user passwd NAME [--password-stdin] | user disable NAME | user enable NAME | user list [--json]   (accounts of a city server)

--db 默认取环境变量 $KAOPING_DB，否则为桌面程序的数据库文件；也可以是 postgres://用户@主机:端口/数据库（PostgreSQL，尚在建设中）。
import --dry-run 只检查并列出将要发生的变化，不写入任何数据；--month 为零售客户档案的线路分配生效月份。
user 的密码从不写在命令行上：终端里输入两次（不回显），或取环境变量 $KAOPING_PASSWORD，或用 --password-stdin 从标准输入读一行。
--district 名称：本库有多个营销部时指明营销部（import、evaluate、adjust、score、finalize、reopen、report）；导入时若该营销部尚不存在则新建。
--by 记录操作人（考核人，导入时记在导入批次上）；默认取环境变量 $KAOPING_USER，否则为程序中设置的考核人（设置 › 常规）。`;

type Command = (args: string[]) => Promise<number>;

/** Loaded on demand, so that one command's dependencies never slow down or break another's. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./commands/runImport')).runImport,
  stats: async () => (await import('./commands/runStats')).runStats,
  undo: async () => (await import('./commands/runUndo')).runUndo,
  demo: async () => (await import('./commands/runDemo')).runDemo,
  evaluate: async () => (await import('./commands/runEvaluate')).runEvaluate,
  adjust: async () => (await import('./commands/runMonthChange')).runAdjust,
  finalize: async () => (await import('./commands/runMonthChange')).runFinalize,
  reopen: async () => (await import('./commands/runMonthChange')).runReopen,
  score: async () => (await import('./commands/runMonthChange')).runScore,
  report: async () => (await import('./commands/runReport')).runReport,
  serve: async () => (await import('./commands/runServe')).runServe,
  audit: async () => (await import('./commands/runAudit')).runAudit,
  user: async () => (await import('./commands/runUser')).runUser,
  city: async () => (await import('./commands/runCity')).runCity,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`未知命令「${command}」\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (err) {
    // A RequestError (a finalized month, a failed backup before a write …) is shown as it is.
    if (err instanceof RequestError || (err instanceof Error && (err.name === 'EvaluationError' || err.name === 'StoreError'))) {
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
