import { useCallback, useEffect, useState } from 'react';
import type { ApiArg } from '../../../shared/api/kaopingApi';
import type { TextEntryDto } from '../../../shared/api/journalsApi';
import { useApi } from '../../api/useApi';

/**
 * Entries from 'journals.entries' or 'journals.byIds' with a local copy that a saved comment
 * updates in place, so saving does not reload (and re-highlight) the whole comparison.
 */
export function useEntries(
  request: { name: 'journals.entries'; arg: ApiArg<'journals.entries'> } | { name: 'journals.byIds'; arg: ApiArg<'journals.byIds'> } | null,
): { entries: TextEntryDto[] | undefined; loading: boolean; replace: (entry: TextEntryDto) => void } {
  const entriesState = useApi('journals.entries', request?.name === 'journals.entries' ? request.arg : null);
  const byIdsState = useApi('journals.byIds', request?.name === 'journals.byIds' ? request.arg : null);
  const state = request?.name === 'journals.byIds' ? byIdsState : entriesState;
  const [entries, setEntries] = useState<TextEntryDto[] | undefined>(undefined);
  useEffect(() => setEntries(request === null ? [] : state.data), [state.data, request === null]);
  const replace = useCallback((entry: TextEntryDto) => {
    setEntries((list) => list?.map((e) => (e.kind === entry.kind && e.id === entry.id ? entry : e)));
  }, []);
  return { entries, loading: request !== null && state.loading, replace };
}
