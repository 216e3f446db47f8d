import type { RawRow } from '../../core/import/cell';

/**
 * Reads up to n rows ahead (for header detection) without losing them: `rest` yields
 * every row from the start, head included, then continues the same stream.
 * Stopping early in `rest` (break) closes the underlying stream.
 */
export async function peekRows(
  rows: AsyncIterable<RawRow>,
  n: number,
): Promise<{ head: RawRow[]; rest: AsyncIterable<RawRow> }> {
  const iterator = rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  let exhausted = false;
  while (head.length < n) {
    const next = await iterator.next();
    if (next.done === true) {
      exhausted = true;
      break;
    }
    head.push(next.value);
  }

  // A hand-written iterator rather than an async generator: after the head it passes the
  // underlying iterator's promise straight through, so each of a million rows costs one
  // generator resumption (the source's) instead of two.
  function replay(): AsyncIterator<RawRow, void, undefined> {
    let finished = exhausted;
    let at = 0;
    const done: IteratorResult<RawRow, void> = { done: true, value: undefined };
    return {
      next: () => {
        if (at < head.length) return Promise.resolve({ done: false, value: head[at++] as RawRow });
        if (finished) return Promise.resolve(done);
        return iterator.next();
      },
      // Closing a source that already ended is harmless, so there is no need to track its end.
      return: async () => {
        if (!finished) {
          finished = true;
          await iterator.return?.();
        }
        return done;
      },
    };
  }

  return { head: [...head], rest: { [Symbol.asyncIterator]: () => replay() } };
}
