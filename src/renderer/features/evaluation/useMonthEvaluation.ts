import { useCallback, useEffect, useState } from 'react';
import type { MonthEvaluationDto } from '../../../shared/api/evaluationApi';
import type { ApiError } from '../../../shared/api/result';
import { useApiCall } from '../../api/useApi';

export interface MonthEvaluationState {
  /** undefined while loading; null: the month has not been evaluated. */
  evaluation: MonthEvaluationDto | null | undefined;
  error: ApiError | null;
  /** Replaces the shown month with what a run, 定稿 or reopen returned. */
  set: (next: MonthEvaluationDto) => void;
}

/** The month's stored evaluation, loaded again when the month changes; a slow answer for an older month is dropped. */
export function useMonthEvaluation(month: string): MonthEvaluationState {
  const call = useApiCall();
  const [state, setState] = useState<{ month: string; evaluation: MonthEvaluationDto | null | undefined; error: ApiError | null }>({
    month,
    evaluation: undefined,
    error: null,
  });

  useEffect(() => {
    let live = true;
    setState({ month, evaluation: undefined, error: null });
    void call('evaluation.get', { month }).then((result) => {
      if (!live) return;
      setState(result.ok ? { month, evaluation: result.data, error: null } : { month, evaluation: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [call, month]);

  const set = useCallback((next: MonthEvaluationDto) => setState({ month: next.month, evaluation: next, error: null }), []);
  // Until the new month's answer arrives, never show the previous month's table under the new month.
  const current = state.month === month ? state : { evaluation: undefined, error: null };
  return { evaluation: current.evaluation, error: current.error, set };
}
