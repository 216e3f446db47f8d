import type { FilePreview } from '../../../shared/api/importApi';
import type { KindKey } from '../../../shared/api/schemas';
import type { FileImportReport } from '../../../shared/importReport';

/** A file dropped into the import centre, from its preview to its import result. */
export interface PendingFile {
  uid: string;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** Chosen by hand in the kind Select; otherwise the backend recognises it. */
  kind?: KindKey;
  /** Field → column chosen by hand. */
  manualMapping?: Record<string, number>;
  preview?: FilePreview;
  previewing: boolean;
  /** The dry run of the file against the store: what importing it would change. */
  check?: FileImportReport;
  checking?: boolean;
  /** The month a retailer file's routes hold from, when the supervisor changed it. */
  asOfMonth?: string;
  /** Rows done while this file is being imported. */
  rowsDone?: number;
  report?: FileImportReport;
}

/** Whether the file can go into the next import run. */
export function isReady(file: PendingFile): boolean {
  const p = file.preview;
  return (
    !file.previewing &&
    p !== undefined &&
    p.refusal === null &&
    p.kind !== null &&
    // A kind that is unclear is imported only once the supervisor has chosen it.
    (p.unclear === null || file.kind !== undefined) &&
    p.missingRequired.length === 0 &&
    file.report?.status !== 'imported'
  );
}

/** The mapping currently in effect (recognised or by hand), as field → column. */
export function currentMapping(preview: FilePreview): Record<string, number> {
  return Object.fromEntries(preview.mapped.map((m) => [m.field, m.column]));
}
