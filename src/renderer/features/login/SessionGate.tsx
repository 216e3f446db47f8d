import { Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { SessionInfoDto } from '../../../shared/api/authProtocol';
import { LoginPage } from './LoginPage';
import { onLoginRequired } from './loginRequired';
import { SessionContext } from './SessionContext';
import { fetchSessionInfo } from './sessionRequests';

/**
 * Before the workbench: on a city server, the login page until someone is logged in, and again
 * whenever a call says the session ended. After a login the page reloads, so that every screen
 * and the event stream start afresh under the new session. Locally: the workbench at once.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfoDto | null>(null);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    void fetchSessionInfo().then(setInfo);
    return onLoginRequired(() => {
      setExpired(true);
      setInfo({ mode: 'accounts', account: null });
    });
  }, []);
  if (info === null) return <Spin style={{ display: 'block', marginTop: '40vh' }} />;
  if (info.mode === 'accounts' && info.account === null) return <LoginPage expired={expired} onLoggedIn={() => window.location.reload()} />;
  return <SessionContext.Provider value={info.mode === 'accounts' ? info.account : null}>{children}</SessionContext.Provider>;
}
