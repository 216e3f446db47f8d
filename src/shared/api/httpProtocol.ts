/**
 * How the loopback HTTP host (src/backend/host/startHttpHost.ts) serves the contract, for the
 * renderer's HTTP ApiClient and for end-to-end tests.
 *
 * Authentication, one scheme: the host prints `http://127.0.0.1:PORT/?token=T`. The first page
 * load with the right `?token=` answers with an HttpOnly, SameSite=Strict cookie
 * (`tokenCookieName(port)`), so the page itself never handles the token: same-origin `fetch`
 * and `EventSource` carry the cookie. Tools and tests without the cookie may send the token as
 * the `x-kaoping-token` header. `?token=` is accepted only on GET of the page itself (`/`, which
 * sets the cookie; the page then takes the token out of the address bar with
 * history.replaceState) and of the event stream (`/api/events?token=T`); never on a call.
 * Anything without a valid token gets 401, static files included.
 *
 * Only the host's own page may call: every `POST /api/<name>` must carry `x-kaoping-call: 1`
 * (a custom header: a page on another origin cannot send it without a CORS preflight, and the
 * host refuses every preflight (OPTIONS → 403, no Access-Control-* headers)), and an Origin or
 * Sec-Fetch-Site header, when the browser sends one, must name this host (else 403).
 * A body above 1 MB (an upload) is streamed to a temporary file and decoded from there, one
 * such call at a time (the next waits before its body is read), so memory stays bounded.
 *
 * Calls: `POST /api/<name>` with the body `encodeWire(arg)`; the answer is status 200 with
 * `encodeWire(result)` (a Result, ok or not). Other statuses: 404 unknown name, 405 not POST,
 * 413 body above MAX_BODY_BYTES, 400 body that is not JSON (these four still carry a Result
 * body), 401 without the token, 403 when the Host header is not 127.0.0.1/localhost:PORT
 * (DNS rebinding), 400 for a path with '..'. Decode answers with `decodeWire`, which turns
 * tagged base64 back into Uint8Array (e.g. import.errorsWorkbook's bytes).
 *
 * Result error codes the backend uses: invalid_argument (details: zod issues), not_found,
 * job_exists, not_empty (app.loadDemo over real data), blocked / already_undone (import.undo),
 * a FileRefusedError's or EvaluationError's code, internal (message only, never a stack).
 *
 * Events: `GET /api/events` is a server-sent event stream; each contract event arrives as
 * `event: <name>` with `data: <JSON payload>` (listen with addEventListener(name, …));
 * comment lines (`: ping`) are heartbeats.
 */
export const TOKEN_HEADER = 'x-kaoping-token';
/** Sent by the page with every call; see "Only the host's own page may call" above. */
export const CALL_HEADER = 'x-kaoping-call';
export const CALL_HEADER_VALUE = '1';
export const TOKEN_QUERY = 'token';
export const API_PATH_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
/** Largest request body: a batch of uploaded spreadsheets as base64 inside JSON. */
export const MAX_BODY_BYTES = 300 * 1024 * 1024;

/** Cookies are shared by every port of a host, so the name carries the port. */
export function tokenCookieName(port: number): string {
  return `kaoping_token_${port}`;
}
