export type EvaluationErrorCode =
  | 'finalized'
  | 'not_evaluated'
  | 'not_finalized'
  | 'no_managers'
  | 'unknown_scheme'
  | 'invalid_scheme'
  | 'unknown_manager'
  | 'invalid_adjustment'
  | 'stale'
  | 'unscored';

/** A refusal the user can act on; the message is Chinese and says what to do. */
export class EvaluationError extends Error {
  constructor(
    readonly code: EvaluationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}
