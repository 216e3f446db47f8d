import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArg, ApiName, ApiReturn } from '../../shared/api/kaopingApi';
import type { ApiError, Result } from '../../shared/api/result';
import { useApiClient } from './ApiContext';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from '../i18n/writeBusyText';

export interface CallOptions {
  /** The caller shows the error itself (e.g. in a dialog) instead of a toast. */
  silent?: boolean;
}

/** Calls a handler; a failed Result is shown as a message (the backend's text is Chinese already; a busy district in the UI's language). */
export function useApiCall() {
  const client = useApiClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    async <K extends ApiName>(name: K, arg: ApiArg<K>, options: CallOptions = {}): Promise<Result<ApiReturn<K>>> => {
      const result = await client.call(name, arg);
      if (!result.ok && !options.silent) void message.error(apiErrorText(t, result.error));
      return result;
    },
    [client, message, t],
  );
}

export interface ApiState<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

export interface LoadOptions extends CallOptions {
  /**
   * A new argument clears what was shown (another manager's data must not stay on screen while
   * the new one loads); a reload with the same argument keeps it, so the page does not flash.
   */
  resetOnArgChange?: boolean;
}

/**
 * Loads a handler's answer for an argument and reloads when the argument changes; null skips
 * the call. Answers to superseded arguments are dropped so a slow reply never overwrites a newer one.
 */
export function useApi<K extends ApiName>(name: K, arg: ApiArg<K> | null, options: LoadOptions = {}): ApiState<ApiReturn<K>> {
  const call = useApiCall();
  const { silent = false, resetOnArgChange = false } = options;
  const key = arg === null ? null : JSON.stringify(arg);
  const [state, setState] = useState<{ key: string | null; data: ApiReturn<K> | undefined; loading: boolean; error: ApiError | null }>({
    key: null,
    data: undefined,
    loading: arg !== null,
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const argRef = useRef(arg);
  argRef.current = arg;

  useEffect(() => {
    const current = argRef.current;
    if (key === null || current === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, ...(resetOnArgChange && s.key !== key ? { data: undefined, error: null } : {}) }));
    void call(name, current, { silent }).then((result) => {
      if (!live) return;
      setState(result.ok ? { key, data: result.data, loading: false, error: null } : { key, data: undefined, loading: false, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [call, name, key, generation, silent, resetOnArgChange]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, loading: state.loading, error: state.error, reload };
}
