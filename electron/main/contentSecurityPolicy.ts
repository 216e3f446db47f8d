/**
 * The renderer's Content-Security-Policy. Main sets it as a response header on everything the
 * window's session loads (session.webRequest.onHeadersReceived); src/renderer/index.html carries
 * the same policy as a meta tag; the app:// handler (index.ts) sends it as a header as well.
 * Styles allow 'unsafe-inline' only because antd and AG Grid inject styles at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The directives whose absence or weakening the tests treat as a failure. */
const REQUIRED_DIRECTIVES: Record<string, string> = {
  'script-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
};

export function parsePolicy(policy: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values.join(' '));
  }
  return directives;
}

/** Problems with a policy: a required directive missing or different, or unsafe script sources. */
export function checkPolicy(policy: string): string[] {
  const directives = parsePolicy(policy);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(REQUIRED_DIRECTIVES)) {
    if (directives.get(name) !== value) problems.push(`${name} must be ${value} (is ${directives.get(name) ?? 'missing'})`);
  }
  for (const name of ['script-src', 'default-src']) {
    if (/'unsafe-(inline|eval)'|\*|https?:|data:/.test(directives.get(name) ?? '')) problems.push(`${name} allows unsafe sources`);
  }
  return problems;
}

type Headers = Record<string, string[] | string>;

/** Response headers with our policy instead of any the response carried. */
export function withContentSecurityPolicy(headers: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
