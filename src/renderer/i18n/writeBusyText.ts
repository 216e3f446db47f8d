import type { TFunction } from 'i18next';
import { isWriteBusy, WRITE_ACTION_ZH, type WriteAction } from '../../shared/api/writeBusy';
import type { ApiError } from '../../shared/api/result';
import type { Shape } from './shape';

/**
 * What a second writer of a district is told (a city server: someone else is writing the same
 * district, services/districts/districtWriteLock.ts). The Chinese is the backend's own sentence.
 */
export const writeBusyTextZh = {
  held: '正在由 {{who}} {{action}}（{{where}}），请稍后再试',
  unknownHolder: '{{where}}正由其他用户修改，请稍后再试',
  district: '营销部 {{district}}',
  city: '全市共用数据',
  actions: WRITE_ACTION_ZH,
};

export const writeBusyTextEn: Shape<typeof writeBusyTextZh> = {
  held: '{{who}} is {{action}} ({{where}}); please try again in a moment',
  unknownHolder: 'Someone else is changing {{where}}; please try again in a moment',
  district: 'district {{district}}',
  city: 'data the whole city shares',
  actions: {
    import: 'importing data',
    undo: 'undoing an import',
    evaluate: 'running the evaluation',
    adjust: 'adjusting scores',
    manualScore: 'entering manual scores',
    finalize: 'finalizing the month',
    reopen: 'reopening the month',
    comment: 'writing comments',
    calendar: 'changing the work calendar',
    scheme: 'changing the scheme',
    supervisor: 'changing the supervisor',
    accounts: 'managing accounts',
    mapping: 'saving a column mapping',
  },
};

/** The sentence for a 'district_busy' refusal in the UI's language. */
export function writeBusyMessage(t: TFunction, busy: { who: string | null; action: WriteAction | null; district: string | null }): string {
  const where = busy.district === null ? t('writeBusy.city') : t('writeBusy.district', { district: busy.district });
  if (busy.who === null || busy.action === null) return t('writeBusy.unknownHolder', { where });
  return t('writeBusy.held', { who: busy.who, action: t(`writeBusy.actions.${busy.action}`), where });
}

/** An API error's text for the screen: a busy district said in the UI's language, any other as the backend wrote it. */
export function apiErrorText(t: TFunction, error: ApiError): string {
  return error.code === 'district_busy' && isWriteBusy(error.details) ? writeBusyMessage(t, error.details) : error.message;
}
