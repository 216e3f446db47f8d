/**
 * 文件 › 导出报表 (the desktop menu) asks for an export before the 考评 page, and so the button,
 * may even be on screen: the frame navigates there and leaves the request here; the button takes
 * it when it mounts, or at once when it is already showing.
 */
let pending = false;
const listeners = new Set<() => void>();

export function requestReportExport(): void {
  pending = true;
  for (const listener of listeners) listener();
}

/** True once per request: the first button to take it runs the export. */
export function takeReportExportRequest(): boolean {
  const taken = pending;
  pending = false;
  return taken;
}

export function onReportExportRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
