import { EVENT_NAMES, IPC_PREFIX, isApiName, type ApiName, type EventName } from './kaopingApi';

/**
 * The IPC channel names, shared by the preload (which may import only src/shared) and main, so neither imports the other.
 * Calls: `kaoping:<api name>`; events from main: `kaoping:event:<event name>`.
 */
const EVENT_CHANNEL_PREFIX = `${IPC_PREFIX}event:`;

export function invokeChannel(name: ApiName): string {
  return IPC_PREFIX + name;
}

export function eventChannel(name: EventName): string {
  return EVENT_CHANNEL_PREFIX + name;
}

/** The channel for a call the page asks for, or null: only the contract's names, under the prefix. */
export function invokeChannelFor(name: unknown): string | null {
  if (!isApiName(name)) return null;
  const channel = invokeChannel(name);
  return channel.startsWith(IPC_PREFIX) && !channel.startsWith(EVENT_CHANNEL_PREFIX) ? channel : null;
}

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/** The channel for an event the page listens to, or null for anything but the contract's event names. */
export function eventChannelFor(name: unknown): string | null {
  if (!isEventName(name)) return null;
  return eventChannel(name);
}
