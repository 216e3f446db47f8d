import { describe, expect, it } from 'vitest';
import { eventChannel, eventChannelFor, invokeChannelFor } from '../../../../src/shared/api/ipcChannels';
import { API_NAMES, EVENT_NAMES, IPC_PREFIX } from '../../../../src/shared/api/kaopingApi';

describe("the preload's channel check", () => {
  it('maps every contract name to its channel under the prefix', () => {
    expect(API_NAMES.length).toBeGreaterThan(0);
    for (const name of API_NAMES) expect(invokeChannelFor(name)).toBe(`${IPC_PREFIX}${name}`);
  });

  it('refuses anything that is not a contract name', () => {
    for (const name of ['', 'app', 'app.info ', 'APP.INFO', 'event:import.progress', '__proto__', 'constructor', 'toString', 'kaoping:app.info', 42, null, undefined, { name: 'app.info' }]) {
      expect(invokeChannelFor(name), String(name)).toBeNull();
    }
  });

  it('listens only on event channels', () => {
    expect(eventChannelFor('import.progress')).toBe(`${IPC_PREFIX}event:import.progress`);
    expect(eventChannelFor('app.menu')).toBe(eventChannel('app.menu'));
    for (const name of ['', 'import', '../app.info', 'import.progress;x', 'Import.progress', 7, null]) {
      expect(eventChannelFor(name), String(name)).toBeNull();
    }
  });

  it("accepts exactly the contract's event names, not any event-shaped name", () => {
    expect([...EVENT_NAMES].sort()).toEqual(['app.menu', 'import.progress', 'job.done', 'job.progress']);
    for (const name of EVENT_NAMES) expect(eventChannelFor(name)).toBe(eventChannel(name));
    // Shaped like events, but not in the contract: a page must not listen on channels main may use for other things.
    for (const name of ['app.info', 'import.run', 'evaluation.finalize', 'backend.crashed', 'job.done.x', 'constructor', '__proto__']) {
      expect(eventChannelFor(name), name).toBeNull();
    }
  });
});
