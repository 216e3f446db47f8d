export type FileRefusalCode =
  | 'empty'
  | 'not_spreadsheet'
  | 'encrypted'
  | 'too_large'
  | 'too_many_rows'
  | 'unreadable'
  | 'not_found';

/**
 * A file the readers will not import. The message is shown to the supervisor as is,
 * so it is in Chinese and says what to do next.
 */
export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';
  readonly code: FileRefusalCode;
  readonly fileName: string;
  readonly sheet: string | undefined;

  constructor(
    code: FileRefusalCode,
    fileName: string,
    message: string,
    details: { sheet?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.fileName = fileName;
    this.sheet = details.sheet;
  }
}
