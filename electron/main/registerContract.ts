import { ipcMain, type WebContents } from 'electron';
import { API_NAMES, type EventName, type EventPayload } from '../../src/shared/api/kaopingApi';
import { eventChannel, invokeChannel } from '../../src/shared/api/ipcChannels';
import type { Dispatch } from './contractDispatch';

/** Sends an event to one page (kaoping:event:<name>); a closed window is skipped. */
export function sendEvent<E extends EventName>(contents: WebContents, name: E, payload: EventPayload<E>): void {
  if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
}

/**
 * The only place that touches ipcMain: every name of the contract is registered generically
 * under the channel prefix; the dispatch checks the sender frame and runs the backend.
 * Events a handler emits go back to the page that made the call.
 */
export function registerContract(dispatch: Dispatch): () => void {
  for (const name of API_NAMES) {
    ipcMain.handle(invokeChannel(name), (event, rawArg: unknown) =>
      dispatch(name, event.senderFrame, rawArg, (eventName, payload) => sendEvent(event.sender, eventName, payload)),
    );
  }
  return () => {
    for (const name of API_NAMES) ipcMain.removeHandler(invokeChannel(name));
  };
}
