/** A file name from a grid's title and month: what Windows refuses in a name becomes a space. */
export function exportFileName(title: string, month?: string): string {
  const base = `${title}${month ? `-${month}` : ''}`.replace(/[\\/:*?"<>|\u0000-\u001F]/g, ' ').trim() || 'export';
  return `${base}.xlsx`;
}
