import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { RequestError } from '../services/requestError';
import type { HandlerEnv } from './handlerDeps';

type Names = 'report.export';

const notYet = async (): Promise<never> => {
  throw new RequestError('not_implemented', '此功能尚未完成');
};

export function reportHandlers(_env: HandlerEnv): Pick<KaopingHandlers, Names> {
  return {
    'report.export': notYet,
  };
}
