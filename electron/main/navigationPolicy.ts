import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Hosts that links in the page may open in the user's browser (https only). Empty: the app
 * links nowhere today; add a host here, with the reason, when a help page exists.
 */
const EXTERNAL_HOSTS: readonly string[] = [];

/** The file:// URL of the built renderer page. */
export function rendererIndexUrl(rendererIndexFile: string): string {
  return pathToFileURL(path.resolve(rendererIndexFile)).href;
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** True for the app's own page (any #route or ?query), false for every other URL. */
export function isAppPage(url: string, indexUrl: string, platform: NodeJS.Platform = process.platform): boolean {
  let candidate: URL;
  let index: URL;
  try {
    candidate = new URL(url);
    index = new URL(indexUrl);
  } catch {
    return false;
  }
  if (candidate.protocol !== 'file:' || index.protocol !== 'file:') return false;
  if (candidate.host !== index.host) return false;
  try {
    return samePath(fileURLToPath(candidate), fileURLToPath(index), platform);
  } catch {
    return false;
  }
}

/** will-navigate: the window only ever shows the app page (a dropped file must not replace it). */
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
