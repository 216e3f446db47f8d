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

  async function* replay(): AsyncGenerator<RawRow, void, undefined> {
    let finished = exhausted;
    try {
      yield* head;
      while (!finished) {
        const next = await iterator.next();
        if (next.done === true) {
          finished = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // Reached only when the consumer stopped early or the source threw.
      if (!finished) {
        finished = true;
        await iterator.return?.();
      }
    }
  }

  return { head: [...head], rest: { [Symbol.asyncIterator]: () => replay() } };
}
