import path from 'node:path';

/**
 * The renderer is served from app://kaoping/, a privileged custom protocol, instead of file://:
 * the page gets an origin of its own (not every file on the disk), file:// keeps no extra
 * privileges (the grantFileProtocolExtraPrivileges fuse is off, electron-builder.yml), and main
 * decides which files the scheme serves: those of the renderer build, nothing else.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'kaoping';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before the app is ready (protocol.registerSchemesAsPrivileged): standard (an origin,
 * relative URLs), secure (like https: for the page's APIs), fetch and streams for the page's own
 * assets. No CSP bypass, no service workers, no CORS for other origins.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
} as const;

/**
 * The file of the renderer build an app:// request asks for, or null: another host, credentials
 * or a port, a path leaving the folder ('..' in any spelling, backslashes, NUL). '/' is the page.
 */
export function appRequestFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  const segments: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '..' || segment === '.' || /[\\/\0:]/.test(segment)) return null;
    if (segment !== '') segments.push(segment);
  }
  const root = path.resolve(rendererDir);
  const file = path.join(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return file.startsWith(root + path.sep) ? file : null;
}
