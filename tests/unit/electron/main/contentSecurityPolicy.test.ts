import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  CONTENT_SECURITY_POLICY,
  parsePolicy,
  withContentSecurityPolicy,
} from '../../../../electron/main/contentSecurityPolicy';

function metaPolicy(): string {
  const html = fs.readFileSync('src/renderer/index.html', 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!meta?.[1]) throw new Error('src/renderer/index.html has no Content-Security-Policy meta tag');
  return meta[1];
}

describe('the Content-Security-Policy', () => {
  it("main's header policy is strict", () => {
    expect(checkPolicy(CONTENT_SECURITY_POLICY)).toEqual([]);
  });

  it("the renderer's meta policy is strict and the same as main's header", () => {
    expect(checkPolicy(metaPolicy())).toEqual([]);
    expect(Object.fromEntries(parsePolicy(metaPolicy()))).toEqual(Object.fromEntries(parsePolicy(CONTENT_SECURITY_POLICY)));
  });

  it.each([
    ["script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'", /script-src allows unsafe/],
    ["script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'", /script-src allows unsafe/],
    ["script-src 'self' https:; object-src 'none'; base-uri 'none'", /script-src allows unsafe/],
    ["default-src *; script-src 'self'; object-src 'none'; base-uri 'none'", /default-src allows unsafe/],
    ["script-src 'self'; base-uri 'none'", /object-src/],
    ["script-src 'self'; object-src 'none'", /base-uri/],
    ["default-src 'self'; object-src 'none'; base-uri 'none'", /script-src must be/],
  ])('catches a weak policy: %s', (policy, problem) => {
    expect(checkPolicy(policy).join('\n')).toMatch(problem);
  });

  it('replaces any policy a response carries, keeping its other headers', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["script-src *"], 'Content-Type': 'text/html' });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
