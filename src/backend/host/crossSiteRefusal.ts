import type { IncomingMessage } from 'node:http';
import { CALL_HEADER, CALL_HEADER_VALUE } from '../../shared/api/httpProtocol';

/**
 * Why a call must be refused as coming from another page, or null when it may run. The page on
 * 127.0.0.1:PORT sends CALL_HEADER with every call; a page on another origin cannot: a custom
 * header makes the browser ask first (a CORS preflight, which the host refuses), and a no-cors
 * request may carry no custom header at all. Browsers also say where a request comes from
 * (Origin, Sec-Fetch-Site), which must be this host; tools that send neither (the CLI's tests,
 * curl with the token) pass on the header and the token alone.
 */
export function crossSiteRefusal(req: IncomingMessage, port: number, opts: { servedByName?: boolean } = {}): string | null {
  if (req.headers[CALL_HEADER] !== CALL_HEADER_VALUE) return `缺少请求头 ${CALL_HEADER}（只接受考评工作台自己页面的调用）`;
  const origin = req.headers.origin;
  // A city server is reached by whatever name the intranet (or its proxy) gives it: the page's
  // origin must then name the host the request was sent to.
  if (opts.servedByName) {
    if (origin !== undefined && originHost(origin) !== req.headers.host) return `拒绝来自其他网页（${origin}）的调用`;
  } else if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return `拒绝来自其他网页（${origin}）的调用`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `拒绝来自其他网页的调用（Sec-Fetch-Site: ${String(site)}）`;
  return null;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
