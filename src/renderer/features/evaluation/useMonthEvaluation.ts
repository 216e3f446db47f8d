import { App } from 'antd';
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

/**
 * The month's stored evaluation, loaded again when the month (or the chosen district) changes; a
 * slow answer for an older month is dropped. `district`: a reviewer's choice in a store with several.
 */
export function useMonthEvaluation(month: string, district?: string): MonthEvaluationState {
  const call = useApiCall();
  const { message } = App.useApp();
  const [state, setState] = useState<{ month: string; evaluation: MonthEvaluationDto | null | undefined; error: ApiError | null }>({
    month,
    evaluation: undefined,
    error: null,
  });

  useEffect(() => {
    let live = true;
    setState({ month, evaluation: undefined, error: null });
    // A store with several districts answers district_needed until one is chosen: the page asks for it.
    void call('evaluation.get', { month, ...(district ? { district } : {}) }, { silent: true }).then((result) => {
      if (!live) return;
      if (!result.ok && result.error.code !== 'district_needed') void message.error(result.error.message);
      setState(result.ok ? { month, evaluation: result.data, error: null } : { month, evaluation: null, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [call, message, month, district]);

  const set = useCallback((next: MonthEvaluationDto) => setState({ month: next.month, evaluation: next, error: null }), []);
  // Until the new month's answer arrives, never show the previous month's table under the new month.
  const current = state.month === month ? state : { evaluation: undefined, error: null };
  return { evaluation: current.evaluation, error: current.error, set };
}
