import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannelFor, invokeChannelFor } from '../../src/shared/api/ipcChannels';

/**
 * The page's whole view of the desktop app: window.kaoping = { invoke, on }. No ipcRenderer, no
 * Node, no Electron objects cross; every name is checked against the contract before it is sent.
 */
const bridge = {
  invoke(name: unknown, arg: unknown): Promise<unknown> {
    const channel = invokeChannelFor(name);
    if (channel === null) return Promise.reject(new Error(`kaoping: unknown call ${String(name)}`));
    return ipcRenderer.invoke(channel, arg);
  },
  on(event: unknown, cb: unknown): () => void {
    const channel = eventChannelFor(event);
    if (channel === null) throw new Error(`kaoping: unknown event ${String(event)}`);
    if (typeof cb !== 'function') throw new Error('kaoping: on(event, callback) needs a function');
    // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
    const listener = (_event: IpcRendererEvent, payload: unknown) => {
      (cb as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  },
};

contextBridge.exposeInMainWorld('kaoping', bridge);
