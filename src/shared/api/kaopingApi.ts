import type { z } from 'zod';
import { appArgs, type AppReturns } from './appApi';
import { dataArgs, type DataReturns } from './dataApi';
import { evaluationArgs, type EvaluationReturns } from './evaluationApi';
import { importArgs, type ImportReturns } from './importApi';
import { journalsArgs, type JournalsReturns } from './journalsApi';
import { reportArgs, type ReportReturns } from './reportApi';
import { settingsArgs, type SettingsReturns } from './settingsApi';

/** Every handler's argument schema, by name; the backend validates each call against it. */
export const API_ARGS = { ...appArgs, ...importArgs, ...dataArgs, ...evaluationArgs, ...journalsArgs, ...settingsArgs, ...reportArgs } as const;

export type ApiName = keyof typeof API_ARGS;
type Returns = AppReturns & ImportReturns & DataReturns & EvaluationReturns & JournalsReturns & SettingsReturns & ReportReturns;

export type ApiArg<K extends ApiName> = z.input<(typeof API_ARGS)[K]>;
export type ApiParsedArg<K extends ApiName> = z.output<(typeof API_ARGS)[K]>;
export type ApiReturn<K extends ApiName> = Returns[K];

/** What the backend implements: arguments arrive already validated. */
export type KaopingHandlers = { [K in ApiName]: (arg: ApiParsedArg<K>, ctx: HandlerContext) => Promise<ApiReturn<K>> };

export interface HandlerContext {
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export interface KaopingEvents {
  'import.progress': { jobId: string; file: string; fileIndex: number; fileCount: number; rowsDone: number };
  'job.done': { jobId: string };
  /** Evaluation and report export: which step of how many. */
  'job.progress': { jobId: string; step: string; done: number; total: number };
  /** A desktop menu command the page carries out (文件 › 导入 / 导出报表); sent by Electron's main. */
  'app.menu': { command: AppMenuCommand };
}
/** The menu commands that reach the page; the others (备份, 恢复, …) run in Electron's main. */
export type AppMenuCommand = 'import' | 'exportReport';
export type EventName = keyof KaopingEvents;
export type EventPayload<E extends EventName> = KaopingEvents[E];
/** Every event name (the compiler holds it to KaopingEvents): the preload's on() accepts these only. */
const EVENT_NAME_SET = { 'import.progress': true, 'job.done': true, 'job.progress': true, 'app.menu': true } satisfies Record<EventName, true>;
export const EVENT_NAMES = Object.keys(EVENT_NAME_SET) as EventName[];

/** Electron registers every handler under this channel prefix; the preload refuses any other. */
export const IPC_PREFIX = 'kaoping:';
export const API_NAMES = Object.keys(API_ARGS) as ApiName[];

/** Whether a name from outside (an IPC message, an HTTP path) is one of the contract's calls. */
export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(API_ARGS, name);
}
