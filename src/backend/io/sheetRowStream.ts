import type { RawRow } from '../../core/import/cell';

/**
 * The rows of one sheet: the underlying stream opens on the first read and closes when
 * the rows run out, when the consumer stops (break, or return() on the iterator), or
 * when the consumer asks the workbook for its next sheet. Leaving the loop over sheets
 * keeps the current sheet readable, so a consumer can pick a sheet and then stream it.
 *
 * `open` receives a callback the row generator must call from its `finally`, so that
 * this wrapper knows the rows ended without awaiting each row a second time (this is
 * the import's hot path).
 */
export class SheetRowStream implements AsyncIterable<RawRow>, AsyncIterator<RawRow, void, undefined> {
  private rows: AsyncGenerator<RawRow, void, undefined> | undefined;
  private ended = false;
  private supersededBy: string | undefined;

  constructor(
    private readonly sheetName: string,
    private readonly open: (onEnd: () => void) => AsyncGenerator<RawRow, void, undefined>,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RawRow, void, undefined> {
    return this;
  }

  next(): Promise<IteratorResult<RawRow, void>> {
    if (this.supersededBy !== undefined) {
      // Reading on would silently give a truncated sheet; fail loudly instead.
      return Promise.reject(
        new Error(`内部错误：工作表「${this.sheetName}」已在切换到工作表「${this.supersededBy}」时关闭，不能再读取它的行。`),
      );
    }
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    this.rows ??= this.open(() => {
      this.ended = true;
    });
    return this.rows.next();
  }

  async return(): Promise<IteratorResult<RawRow, void>> {
    this.ended = true;
    await this.rows?.return();
    return { done: true, value: undefined };
  }

  /** The consumer moved on to another sheet. */
  async supersede(nextSheetName: string): Promise<void> {
    if (!this.ended) this.supersededBy = nextSheetName;
    this.ended = true;
    await this.rows?.return();
  }
}
