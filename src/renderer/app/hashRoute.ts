import { useSyncExternalStore } from 'react';
import { GRID_KINDS, type GridKind } from '../../shared/api/dataApi';

export type Page =
  | { name: 'overview' }
  | { name: 'import' }
  | { name: 'data'; kind: GridKind }
  | { name: 'evaluation' }
  | { name: 'settings' };

export interface Route {
  page: Page;
  /** The month every screen follows; null until chosen (the frame then picks a default). */
  month: string | null;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `#/data/orders?month=2026-10`: the hash keeps the screen and month across reloads. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const month = new URLSearchParams(query).get('month');
  const [first, second] = path.split('/');
  let page: Page = { name: 'overview' };
  if (first === 'import' || first === 'evaluation' || first === 'settings') page = { name: first };
  else if (first === 'data' && (GRID_KINDS as readonly string[]).includes(second ?? '')) page = { name: 'data', kind: second as GridKind };
  return { page, month: month && MONTH_RE.test(month) ? month : null };
}

export function pageKey(page: Page): string {
  return page.name === 'data' ? `data/${page.kind}` : page.name;
}

export function formatHash(route: Route): string {
  return `#/${pageKey(route.page)}${route.month ? `?month=${route.month}` : ''}`;
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
