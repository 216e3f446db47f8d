/**
 * An async mutex. The store has one SQLite connection and imports hold a transaction on it
 * across awaits, so two writers must never interleave: every writing handler runs inside it.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    // The next writer waits for this one whether it succeeded or not.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
