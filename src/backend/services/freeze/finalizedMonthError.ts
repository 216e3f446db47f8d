import { RequestError } from '../requestError';

/**
 * A write refused because it touches a finalized (定稿) month. A RequestError with code
 * 'finalized', so every host shows its message as it is; the CLI prints it and exits 1.
 */
export class FinalizedMonthError extends RequestError {
  constructor(
    readonly month: string,
    readonly rows: readonly string[],
    message: string,
  ) {
    super('finalized', message, { month, rows });
    this.name = 'FinalizedMonthError';
  }
}
