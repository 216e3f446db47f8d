import type { Page } from 'playwright-core';
import { CALL_HEADER } from '../../../src/shared/api/httpProtocol';

/** A contract call from inside the page, as the renderer makes it (the page's cookie carries the token). */
export function pageApiCall(page: Page, name: string, arg: unknown) {
  return page.evaluate(
    async ({ name, arg, header }) => {
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', [header]: '1' }, body: JSON.stringify(arg) });
      return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
    },
    { name, arg, header: CALL_HEADER },
  );
}
