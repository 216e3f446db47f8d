/**
 * A request the backend refuses for a reason the user can act on (unknown column, missing row,
 * a job already running …). invokeHandler turns it into a Result error with this code and
 * message; the message is Chinese and is shown as it is.
 */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
