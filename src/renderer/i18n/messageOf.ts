import type { TFunction } from 'i18next';
import type { MessageTextDto } from '../../shared/api/evaluationApi';

/**
 * A flag's or a rule's sentence in the UI's language: from its code when it has one, else (flags
 * stored before codes, a code this build does not know) the Chinese text it was stored with.
 */
export function messageOf(t: TFunction, text: MessageTextDto | undefined, stored: string): string {
  if (!text) return stored;
  return t(`messages.${text.code}`, { ...text.params, defaultValue: stored } as Record<string, unknown>) as string;
}

/** A flag type's name in the UI's language; the stored (Chinese) label for a type this build does not know. */
export function flagTypeLabel(t: TFunction, type: string, stored: string): string {
  return t(`messages.flagTypes.${type}`, { defaultValue: stored }) as string;
}

/** A veto's reason without its leading 一票否决： / Veto: (the screens put their own label before it). */
export function vetoReasonOf(t: TFunction, veto: { reason: string; text?: MessageTextDto }): string {
  return messageOf(t, veto.text, veto.reason).replace(/^(一票否决[：:]|Veto:)\s*/, '');
}

/**
 * An evidence row's text or note in the UI's language from the parts it was said from (joined by
 * nothing, or for a note by evidence.separator); the stored text when it has no parts (the row's
 * own words, rows of older builds) or a part's code is unknown to this build.
 */
export function partsOf(t: TFunction, parts: readonly MessageTextDto[] | undefined, stored: string, separator = ''): string {
  if (!parts || parts.length === 0) return stored;
  const said = parts.map((part) => messageOf(t, part, ''));
  return said.includes('') ? stored : said.join(separator);
}
