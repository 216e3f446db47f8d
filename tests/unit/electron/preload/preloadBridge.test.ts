import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX } from '../../../../src/shared/api/kaopingApi';

/** What the preload hands to the page, captured through a stand-in for Electron's modules. */
const exposed = new Map<string, unknown>();
const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
const invoked: [string, unknown][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, arg: unknown) => {
      invoked.push([channel, arg]);
      return { ok: true, data: null };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: unknown) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
    },
    send: () => undefined,
    sendSync: () => undefined,
  },
}));

interface Bridge {
  invoke(name: unknown, arg: unknown): Promise<unknown>;
  on(event: unknown, cb: unknown): () => void;
}

/**
 * The preload's surface, as a check that can fail: one global, `kaoping`, holding exactly the two
 * functions invoke and on, and nothing of Electron's (no ipcRenderer, no send).
 */
function surfaceProblems(globals: Map<string, unknown>): string[] {
  const problems: string[] = [];
  if ([...globals.keys()].join() !== 'kaoping') problems.push(`exposes ${[...globals.keys()].join(', ')} instead of kaoping alone`);
  const api = globals.get('kaoping');
  if (typeof api !== 'object' || api === null) return [...problems, 'kaoping is not an object'];
  const keys = Object.keys(api).sort();
  if (keys.join() !== 'invoke,on') problems.push(`kaoping has ${keys.join(', ')} instead of invoke and on`);
  for (const [key, value] of Object.entries(api)) {
    if (typeof value !== 'function') problems.push(`kaoping.${key} is not a function`);
  }
  return problems;
}

let bridge: Bridge;

beforeAll(async () => {
  await import('../../../../electron/preload/index');
  bridge = exposed.get('kaoping') as Bridge;
});

describe('the preload bridge', () => {
  it('exposes window.kaoping = { invoke, on } and nothing else', () => {
    expect(surfaceProblems(exposed)).toEqual([]);
  });

  it('the surface check fails on a weakened preload', () => {
    const ipcRenderer = { send: () => undefined, invoke: async () => undefined };
    expect(surfaceProblems(new Map([['kaoping', { ...bridge, ipcRenderer }]]))).toHaveLength(2);
    expect(surfaceProblems(new Map<string, unknown>([['kaoping', bridge], ['ipc', ipcRenderer]]))).toHaveLength(1);
    expect(surfaceProblems(new Map([['kaoping', { invoke: bridge.invoke, on: bridge.on, send: ipcRenderer.send }]]))).toHaveLength(1);
  });

  it('sends contract calls on their channel and refuses other names without sending', async () => {
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, data: null });
    expect(invoked).toEqual([[`${IPC_PREFIX}app.info`, {}]]);
    await expect(bridge.invoke('shell.openExternal', 'https://x')).rejects.toThrow(/unknown call/);
    await expect(bridge.invoke('event:app.menu', {})).rejects.toThrow(/unknown call/);
    expect(invoked).toHaveLength(1);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.on('app.menu', (...args: unknown[]) => got.push(args));
    const channel = `${IPC_PREFIX}event:app.menu`;
    for (const l of listeners.get(channel) ?? []) l({ sender: 'the IpcRenderer' }, { command: 'import' });
    expect(got).toEqual([[{ command: 'import' }]]);
    off();
    expect(listeners.get(channel)).toEqual([]);
    expect(() => bridge.on('not an event', () => undefined)).toThrow(/unknown event/);
    expect(() => bridge.on('evaluation.finalize', () => undefined)).toThrow(/unknown event/);
    expect(() => bridge.on('app.menu', 'not a function')).toThrow(/function/);
  });
});
