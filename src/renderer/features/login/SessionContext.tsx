import { createContext, useContext } from 'react';
import type { SessionAccountDto } from '../../../shared/api/authProtocol';

/** The logged-in account on a city server; null on the desktop and the loopback browser. */
export const SessionContext = createContext<SessionAccountDto | null>(null);

export function useSessionAccount(): SessionAccountDto | null {
  return useContext(SessionContext);
}
