import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../electron/main/contractDispatch';
import { rendererIndexUrl } from '../../../../electron/main/navigationPolicy';
import { invokeHandler, type ContractInvoke } from '../../../../src/backend/handlers';
import type { KaopingHandlers } from '../../../../src/shared/api/kaopingApi';
import { ok } from '../../../../src/shared/api/result';

const indexUrl = rendererIndexUrl();
const top = { url: `${indexUrl}#/import`, parent: null };

function setup(invoke: ContractInvoke) {
  const errors: string[] = [];
  const dispatch = createDispatch({ indexUrl, invoke, log: { error: (m) => errors.push(m) } });
  return { dispatch, errors };
}

describe('every IPC call in main', () => {
  it("reaches the backend from the app's page, with the events going back", async () => {
    const events: unknown[] = [];
    const { dispatch } = setup(async (name, arg, ctx) => {
      ctx.emit('job.done', { jobId: 'j1' });
      return ok({ name, arg });
    });
    const result = await dispatch('app.info', top, { x: 1 }, (event, payload) => events.push([event, payload]));
    expect(result).toEqual({ ok: true, data: { name: 'app.info', arg: { x: 1 } } });
    expect(events).toEqual([['job.done', { jobId: 'j1' }]]);
  });

  it('is refused from any other frame, and logged', async () => {
    let called = false;
    const { dispatch, errors } = setup(async () => {
      called = true;
      return ok(null);
    });
    for (const frame of [null, undefined, { url: 'https://evil.example/', parent: null }, { url: indexUrl, parent: {} }]) {
      expect(await dispatch('app.info', frame, {}, () => undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(called).toBe(false);
    expect(errors).toHaveLength(4);
  });

  it('refuses unknown names and never lets an exception cross (the backend dispatch shapes errors)', async () => {
    const logged: string[] = [];
    const closed = (): KaopingHandlers => {
      throw new Error('disk on fire');
    };
    const { dispatch } = setup((name, arg, ctx) => invokeHandler(closed, name, arg, ctx, { logError: (n) => logged.push(`${n} failed`) }));
    expect(await dispatch('app.secret', top, {}, () => undefined)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const failed = await dispatch('app.info', top, {}, () => undefined);
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(failed)).not.toContain('disk on fire');
    expect(logged).toEqual(['app.info failed']);
  });
});
