import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { RequestError } from '../services/requestError';
import type { HandlerEnv } from './handlerDeps';

type Names = 'evaluation.scorecard' | 'evaluation.evidence' | 'evaluation.attendance';

const notYet = async (): Promise<never> => {
  throw new RequestError('not_implemented', '此功能尚未完成');
};

export function scorecardHandlers(_env: HandlerEnv): Pick<KaopingHandlers, Names> {
  return {
    'evaluation.scorecard': notYet,
    'evaluation.evidence': notYet,
    'evaluation.attendance': notYet,
  };
}
