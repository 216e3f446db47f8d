import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArg, ApiName, ApiReturn } from '../../../shared/api/kaopingApi';
import type { ApiError } from '../../../shared/api/result';
import { useApiClient } from '../../api/ApiContext';

export interface QueryState<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

/**
 * Like useApi, but the screen shows the error itself (a month not evaluated yet is a state of
 * the screen, not a failure worth a toast), and a reload keeps the shown data until the new
 * answer arrives so the page does not flash. Answers to superseded arguments are dropped.
 */
export function useQuery<K extends ApiName>(name: K, arg: ApiArg<K> | null): QueryState<ApiReturn<K>> {
  const client = useApiClient();
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
    setState((s) => ({ ...s, loading: true, ...(s.key === key ? {} : { data: undefined, error: null }) }));
    void client.call(name, current).then((result) => {
      if (!live) return;
      setState(result.ok ? { key, data: result.data, loading: false, error: null } : { key, data: undefined, loading: false, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [client, name, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, loading: state.loading, error: state.error, reload };
}
