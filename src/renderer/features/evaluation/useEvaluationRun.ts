import { useCallback, useState } from 'react';
import type { MonthEvaluationDto } from '../../../shared/api/evaluationApi';
import type { EventPayload } from '../../../shared/api/kaopingApi';
import { useApiClient } from '../../api/ApiContext';
import { useApiCall } from '../../api/useApi';
import { newJobId } from '../../app/newJobId';

export interface EvaluationRun {
  running: boolean;
  /** The latest step of the running job; null before its first event. */
  progress: EventPayload<'job.progress'> | null;
  /** Resolves with the evaluated month, or null when the backend refused (its message is shown). */
  run: (month: string) => Promise<MonthEvaluationDto | null>;
}

/** 'evaluation.run' as a job: follows its own 'job.progress' events until the call answers. */
export function useEvaluationRun(): EvaluationRun {
  const client = useApiClient();
  const call = useApiCall();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<EventPayload<'job.progress'> | null>(null);

  const run = useCallback(
    async (month: string) => {
      const jobId = newJobId('evaluate');
      setRunning(true);
      setProgress(null);
      // Listen before starting, so the first step is not missed.
      const off = client.on('job.progress', (p) => {
        if (p.jobId === jobId) setProgress(p);
      });
      try {
        const result = await call('evaluation.run', { month, jobId });
        return result.ok ? result.data : null;
      } finally {
        off();
        setRunning(false);
        setProgress(null);
      }
    },
    [client, call],
  );

  return { running, progress, run };
}
