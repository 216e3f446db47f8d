import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { RequestError } from '../services/requestError';
import type { HandlerEnv } from './handlerDeps';

type Names = 'journals.pairs' | 'journals.entries' | 'journals.byIds' | 'journals.comment';

const notYet = async (): Promise<never> => {
  throw new RequestError('not_implemented', '此功能尚未完成');
};

export function journalsHandlers(_env: HandlerEnv): Pick<KaopingHandlers, Names> {
  return {
    'journals.pairs': notYet,
    'journals.entries': notYet,
    'journals.byIds': notYet,
    'journals.comment': notYet,
  };
}
