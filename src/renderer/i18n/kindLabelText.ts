import { GRID_LABELS, KIND_LABELS } from '../../core/kinds/kindRegistry';
import type { Label } from '../../core/kinds/kindDeclaration';

function inLanguage<K extends string>(labels: Record<K, Label>, language: keyof Label): Record<K, string> {
  // Keys are the records' own keys.
  return Object.fromEntries(Object.entries<Label>(labels).map(([key, label]) => [key, label[language]])) as Record<K, string>;
}

/** The kinds' and grids' names, as declared once with each kind (src/core/kinds). */
export const kindLabelTextZh = { kinds: inLanguage(KIND_LABELS, 'zh'), gridKinds: inLanguage(GRID_LABELS, 'zh') };
export const kindLabelTextEn = { kinds: inLanguage(KIND_LABELS, 'en'), gridKinds: inLanguage(GRID_LABELS, 'en') };
