import { createContext, useContext, type ReactNode } from 'react';
import type { AppInfo } from '../../shared/api/appApi';
import { useApi } from '../api/useApi';

interface AppInfoState {
  info: AppInfo | undefined;
  loading: boolean;
  reload: () => void;
}

const AppInfoContext = createContext<AppInfoState | null>(null);

/** app.info once for the whole frame; reloaded after imports, undo and the demo. */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const { data, loading, reload } = useApi('app.info', {});
  return <AppInfoContext.Provider value={{ info: data, loading, reload }}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): AppInfoState {
  const state = useContext(AppInfoContext);
  if (!state) throw new Error('useAppInfo outside AppInfoProvider');
  return state;
}
