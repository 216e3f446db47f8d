import { createHash } from 'node:crypto';

/** Natural keys can hold a whole journal text; long ones are stored as a digest. */
export function compactKey(key: string): string {
  return key.length <= 120 ? key : `#${createHash('sha256').update(key).digest('base64url')}`;
}
