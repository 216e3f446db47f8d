import { APP_INDEX_URL, APP_SCHEME } from './appProtocol';

/**
 * Hosts that links in the page may open in the user's browser (https only). Empty: the app
 * links nowhere today; add a host here, with the reason, when a help page exists.
 */
const EXTERNAL_HOSTS: readonly string[] = [];

/** The app page's URL (app://kaoping/index.html, see appProtocol.ts). */
export function rendererIndexUrl(): string {
  return APP_INDEX_URL;
}

/** True for the app's own page (any #route or ?query), false for every other URL, file:// included. */
export function isAppPage(url: string, indexUrl: string = APP_INDEX_URL): boolean {
  let candidate: URL;
  let index: URL;
  try {
    candidate = new URL(url);
    index = new URL(indexUrl);
  } catch {
    return false;
  }
  if (candidate.protocol !== `${APP_SCHEME}:` || index.protocol !== `${APP_SCHEME}:`) return false;
  if (candidate.host !== index.host || candidate.username !== '' || candidate.password !== '') return false;
  return candidate.pathname === index.pathname || (candidate.pathname === '/' && index.pathname === '/index.html');
}

/** will-navigate / will-frame-navigate: the window only ever shows the app page (a dropped file must not replace it). */
export function allowNavigation(url: string, indexUrl: string): boolean {
  return isAppPage(url, indexUrl);
}

/** Whether shell.openExternal may open a URL: https, no credentials, an allowlisted host. */
export function allowExternal(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}

/** Every permission request (camera, notifications, geolocation, clipboard reading, …) is refused. */
export function allowPermission(_permission: string): boolean {
  return false;
}
