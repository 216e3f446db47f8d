export type ReportExportErrorCode = 'not_evaluated' | 'unwritable' | 'unknown_manager';

/** A refusal the user can act on; the message is Chinese and says what to do. */
export class ReportExportError extends Error {
  constructor(
    readonly code: ReportExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportExportError';
  }
}
