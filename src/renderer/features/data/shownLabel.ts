/** A column's or a related table's name in the UI's language: the backend sends the Chinese one with the English beside it. */
export function shownLabel(item: { label: string; labelEn?: string }, language: string): string {
  return language === 'en' && item.labelEn !== undefined ? item.labelEn : item.label;
}
