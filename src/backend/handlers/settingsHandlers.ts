import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { RequestError } from '../services/requestError';
import type { HandlerEnv } from './handlerDeps';

type Names = 'settings.schemes' | 'settings.scheme' | 'settings.saveScheme' | 'calendar.month' | 'calendar.setDay';

const notYet = async (): Promise<never> => {
  throw new RequestError('not_implemented', '此功能尚未完成');
};

export function settingsHandlers(_env: HandlerEnv): Pick<KaopingHandlers, Names> {
  return {
    'settings.schemes': notYet,
    'settings.scheme': notYet,
    'settings.saveScheme': notYet,
    'calendar.month': notYet,
    'calendar.setDay': notYet,
  };
}
