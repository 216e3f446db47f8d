import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { RequestError } from '../services/requestError';
import type { HandlerEnv } from './handlerDeps';

type Names = 'evaluation.get' | 'evaluation.run' | 'evaluation.adjust' | 'evaluation.finalize' | 'evaluation.reopen';

const notYet = async (): Promise<never> => {
  throw new RequestError('not_implemented', '此功能尚未完成');
};

export function evaluationHandlers(_env: HandlerEnv): Pick<KaopingHandlers, Names> {
  return {
    'evaluation.get': notYet,
    'evaluation.run': notYet,
    'evaluation.adjust': notYet,
    'evaluation.finalize': notYet,
    'evaluation.reopen': notYet,
  };
}
