import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoManifest } from '../src/backend/demo/writeDemoDistrict';
import { DATA_VERSION, demoDirName, type BenchConfig, type DemoSpec } from './benchConfig';
import type { TaskParams } from './childProtocol';
import { runChild } from './runChild';

export interface DemoData {
  dir: string;
  spec: DemoSpec;
  manifest: DemoManifest;
}

/** What was built in this run (and how long it took) or found in the cache. */
export interface DatasetNote {
  name: string;
  path: string;
  source: string;
  builtSeconds: number | null;
}

/**
 * The data sets every workload reads, built once into the cache folder and reused while their
 * ready marker is there. Each is built in its own child process, like the workloads.
 */
export class Datasets {
  readonly notes: DatasetNote[] = [];

  constructor(
    private readonly config: BenchConfig,
    private readonly log: (line: string) => void,
  ) {
    mkdirSync(config.cacheRoot, { recursive: true });
  }

  /** A scratch path for one workload's output (removed by the workload). */
  work(name: string): string {
    const dir = path.join(this.config.cacheRoot, 'work');
    mkdirSync(dir, { recursive: true });
    return path.join(dir, name);
  }

  private async build(name: string, target: string, source: string, task: string, params: TaskParams): Promise<void> {
    const marker = `${target}.ready`;
    if (existsSync(marker)) {
      if (!this.notes.some((n) => n.path === target)) this.notes.push({ name, path: target, source, builtSeconds: null });
      return;
    }
    this.log(`  building ${name} (${source}) …`);
    const outcome = await runChild(task, params);
    if (outcome.status !== 'ok') throw new Error(`building ${name} failed: ${outcome.status === 'failed' ? outcome.reason : 'guarded'}`);
    writeFileSync(marker, `${JSON.stringify(outcome.result)}\n`);
    this.log(`  built ${name} in ${outcome.wallSeconds.toFixed(0)} s`);
    this.notes.push({ name, path: target, source, builtSeconds: outcome.wallSeconds });
  }

  async demo(spec: DemoSpec): Promise<DemoData> {
    const dir = path.join(this.config.cacheRoot, demoDirName(spec));
    const source = `writeDemoDistrict ${spec.managers} managers, ${spec.retailers} retailers, ${spec.months} months, orders ${spec.ordersFormat}${
      spec.attendanceRowsTarget ? `, attendance ≈${spec.attendanceRowsTarget}` : ''
    }`;
    await this.build(`demo ${demoDirName(spec)}`, dir, source, 'prepare-demo', {
      outDir: dir,
      managers: spec.managers,
      retailers: spec.retailers,
      months: spec.months,
      ordersFormat: spec.ordersFormat,
      attendanceRowsTarget: spec.attendanceRowsTarget ?? 0,
      journalsTarget: spec.journalsTarget ?? 0,
    });
    const manifest = JSON.parse(readFileSync(path.join(dir, '.demo-manifest.json'), 'utf8')) as DemoManifest;
    return { dir, spec, manifest };
  }

  /** The demo's master data only (`master`: the fresh database big files go into) or all its files. */
  async store(demo: DemoData, what: 'master' | 'all'): Promise<string> {
    const db = path.join(demo.dir, `${what}.sqlite`);
    const source = what === 'master' ? 'importFiles: roster, retailers, brands, calendar' : 'importFiles: every demo file';
    await this.build(`${path.basename(demo.dir)}/${what}.sqlite`, db, source, 'prepare-store', { demoDir: demo.dir, db, what });
    return db;
  }

  /** A PostgreSQL data folder (initdb, server binaries in `binDir`) holding a copy of the demo's store `db`. */
  async postgresCopy(demo: DemoData, db: string, binDir: string): Promise<string> {
    const dataDir = path.join(demo.dir, `${path.basename(db, '.sqlite')}.pgdata`);
    await this.build(`${path.basename(demo.dir)}/${path.basename(dataDir)}`, dataDir, `${path.basename(db)} copied into PostgreSQL (COPY), cluster kept`, 'prepare-postgres-store', {
      db,
      dataDir,
      binDir,
    });
    return dataDir;
  }

  /** The first `rows` order lines of the demo's GB18030 CSV, and the same rows as UTF-8. */
  async csvCut(demo: DemoData, rows: number): Promise<{ gb18030: string; utf8: string }> {
    const orders = demo.manifest.files.find((f) => f.kind === 'orders');
    if (!orders || !orders.name.endsWith('.csv')) throw new Error(`${demo.dir} has no orders CSV`);
    if (orders.rows < rows) throw new Error(`${demo.dir} has ${orders.rows} order rows, fewer than ${rows}`);
    const gb18030 = path.join(demo.dir, `orders-${rows}.gb18030.csv`);
    const utf8 = path.join(demo.dir, `orders-${rows}.utf8.csv`);
    await this.build(`orders CSV ${rows} rows`, gb18030, `first ${rows} lines of ${orders.name}`, 'prepare-csv-cut', {
      source: path.join(demo.dir, orders.name),
      rows,
      gbOut: gb18030,
      utf8Out: utf8,
    });
    return { gb18030, utf8 };
  }

  /** The first `rows` order lines as a BIFF8 .xls (LibreOffice Excel 97 filter: dates as dates, amounts as numbers, codes as text). */
  async xlsCut(demo: DemoData, rows: number): Promise<string> {
    const cut = await this.csvCut(demo, rows);
    const xls = path.join(demo.dir, `orders-${rows}.xls`);
    await this.build(`orders .xls ${rows} rows`, xls, `first ${rows} lines of the orders CSV, written as BIFF8 (Excel 97) by LibreOffice`, 'prepare-xls-cut', {
      source: cut.utf8,
      out: xls,
    });
    return xls;
  }

  /** The same order lines as a GBK HTML page named .xls, as web systems' "导出Excel" saves them. */
  async htmlCut(demo: DemoData, rows: number): Promise<string> {
    const cut = await this.csvCut(demo, rows);
    const html = path.join(demo.dir, `orders-${rows}.html.xls`);
    await this.build(`orders HTML table ${rows} rows`, html, `first ${rows} lines of the orders CSV as a GBK HTML table named .xls`, 'prepare-html-cut', {
      source: cut.utf8,
      out: html,
    });
    return html;
  }

  async journalTable(): Promise<string> {
    const { gridJournalRows: rows, gridManagers: managers, gridRetailers: retailers } = this.config;
    const dir = path.join(this.config.cacheRoot, `journals-v${DATA_VERSION}-${rows}-${managers}m-${retailers}r`);
    mkdirSync(dir, { recursive: true });
    const db = path.join(dir, 'journals.sqlite');
    await this.build(`journal table ${rows} rows`, db, `${rows} journals inserted directly (prepared inserts), ${managers} managers, ${retailers} retailers`, 'prepare-journal-table', {
      db,
      rows,
      managers,
      retailers,
    });
    return db;
  }
}

/** Removes the whole cache (`--fresh`). */
export function clearCache(config: BenchConfig): void {
  rmSync(config.cacheRoot, { recursive: true, force: true });
}
