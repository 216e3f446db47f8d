import { useSyncExternalStore } from 'react';
import { GRID_KINDS, type GridKind } from '../../shared/api/dataApi';

export type Page =
  | { name: 'overview' }
  | { name: 'import' }
  /** With a filter (drill-down from a chart): the grid opens filtered to those column values. */
  | { name: 'data'; kind: GridKind; filter?: Record<string, string> }
  /** With a manager: that manager's scorecard; show 'flags': its flags with their evidence. */
  | { name: 'evaluation'; manager?: string; show?: 'flags' }
  /** 日志对照: the near-copy pairs (with a pair: that one side by side), or another way of comparing. */
  | { name: 'journals'; pair?: JournalPairRef; mode?: CompareMode }
  | { name: 'settings' }
  /** 市公司: the districts compared (a store with several districts). */
  | { name: 'city' };

/** 日志对照's other ways of comparing: two managers by date, a monthly report against last month's. */
export type CompareMode = 'managers' | 'reports';

export interface JournalPairRef {
  kind: 'journals' | 'reports';
  aId: number;
  bId: number;
}

export interface Route {
  page: Page;
  /** The month every screen follows; null until chosen (the frame then picks a default). */
  month: string | null;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A grid's drill-down filter in the hash: `f.managerCode=LH001&f.date=2026-10-13`. */
const FILTER_PREFIX = 'f.';

/** `#/data/orders?month=2026-10`: the hash keeps the screen and month across reloads. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const month = new URLSearchParams(query).get('month');
  const params = new URLSearchParams(query);
  const [first, second] = path.split('/');
  let page: Page = { name: 'overview' };
  if (first === 'import' || first === 'settings' || first === 'city') page = { name: first };
  else if (first === 'evaluation') {
    page = second ? { name: 'evaluation', manager: decodeURIComponent(second), ...(params.get('show') === 'flags' ? { show: 'flags' as const } : {}) } : { name: 'evaluation' };
  }
  else if (first === 'journals') page = parseJournalsPage(params);
  else if (first === 'data' && (GRID_KINDS as readonly string[]).includes(second ?? '')) {
    const filter = Object.fromEntries([...params.entries()].filter(([k]) => k.startsWith(FILTER_PREFIX)).map(([k, v]) => [k.slice(FILTER_PREFIX.length), v]));
    page = Object.keys(filter).length > 0 ? { name: 'data', kind: second as GridKind, filter } : { name: 'data', kind: second as GridKind };
  }
  return { page, month: month && MONTH_RE.test(month) ? month : null };
}

function parseJournalsPage(params: URLSearchParams): Page {
  const kind = params.get('kind');
  const aId = Number(params.get('a'));
  const bId = Number(params.get('b'));
  if ((kind === 'journals' || kind === 'reports') && Number.isInteger(aId) && aId > 0 && Number.isInteger(bId) && bId > 0) {
    return { name: 'journals', pair: { kind, aId, bId } };
  }
  const mode = params.get('mode');
  return mode === 'managers' || mode === 'reports' ? { name: 'journals', mode } : { name: 'journals' };
}

/** The menu key of a page: 'overview', 'import', 'data/orders', 'evaluation', … */
export function pageKey(page: Page): string {
  return page.name === 'data' ? `data/${page.kind}` : page.name;
}

export function formatHash(route: Route): string {
  const { page } = route;
  const params = new URLSearchParams();
  if (route.month) params.set('month', route.month);
  if (page.name === 'journals' && page.pair) {
    params.set('kind', page.pair.kind);
    params.set('a', String(page.pair.aId));
    params.set('b', String(page.pair.bId));
  } else if (page.name === 'journals' && page.mode) {
    params.set('mode', page.mode);
  } else if (page.name === 'data' && page.filter) {
    for (const [field, value] of Object.entries(page.filter)) params.set(`${FILTER_PREFIX}${field}`, value);
  } else if (page.name === 'evaluation' && page.manager && page.show) {
    params.set('show', page.show);
  }
  const path = page.name === 'evaluation' && page.manager ? `evaluation/${encodeURIComponent(page.manager)}` : pageKey(page);
  const query = params.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function navigate(patch: Partial<Route>): void {
  const current = parseHash(window.location.hash);
  window.location.hash = formatHash({ ...current, ...patch });
}
