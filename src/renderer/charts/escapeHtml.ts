/**
 * Text made safe for ECharts' HTML tooltips: a formatter's string becomes innerHTML, so any name,
 * place or note from an imported file goes through this before it is joined with '<br/>'.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
