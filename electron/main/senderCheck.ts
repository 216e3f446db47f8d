import { isAppPage } from './navigationPolicy';

/** The parts of Electron's WebFrameMain the check looks at. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Main answers an IPC call only from the top frame of the app's own app:// page: not from an
 * iframe, not after a navigation elsewhere, not from a frame that is already gone (null).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, indexUrl: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppPage(frame.url, indexUrl);
}
