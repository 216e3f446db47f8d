const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records the way csv-parse does with Kaoping's options (relax_quotes,
 * relax_column_count, skip_empty_lines off, one-character delimiter, record delimiter found from
 * the first record), but several times faster: csv-parse walks bytes through a general state
 * machine, this walks UTF-16 text and slices fields out whole.
 *
 * It only decides the regular cases: quoted fields (with "" for a quote, newlines inside),
 * unquoted fields (a quote after the first character is an ordinary character there, as in
 * csv-parse's relax_quotes), records ended by the file's one line ending. At anything else (a
 * closing quote followed by other text, a line ending unlike the first, a bare CR, an unclosed
 * quote at the end, a record longer than the limit) it stops at the start of that record and
 * leaves the rest to csv-parse (`irregularRest`, `lineEnding`), so the odd file still reads, or
 * is refused, exactly as before.
 */
export class CsvSplitter {
  private pending = '';
  /** The record delimiter, once the first record has shown it. */
  lineEnding: '\n' | '\r\n' | null = null;
  /** Set when the splitter gave up: the text from the start of the record it would not judge. */
  irregularRest: string | null = null;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Adds text (null: the end of it) and appends the records it completes to `out`. Returns false
   * once it has given up; from then on `irregularRest` holds everything not yet split.
   */
  push(chunk: string | null, out: string[][]): boolean {
    if (this.irregularRest !== null) throw new Error('CsvSplitter: pushed after giving up');
    const atEnd = chunk === null;
    const s = this.pending.length === 0 ? (chunk ?? '') : chunk === null ? this.pending : this.pending + chunk;
    const len = s.length;
    let p = 0;
    while (p < len) {
      const next = this.record(s, p, atEnd, out);
      if (next === INCOMPLETE) break;
      if (next === IRREGULAR) {
        this.irregularRest = s.slice(p);
        this.pending = '';
        return false;
      }
      p = next;
    }
    this.pending = p === 0 ? s : s.slice(p);
    if (this.tooLong(this.pending.length) || (atEnd && this.pending.length > 0)) {
      this.irregularRest = this.pending;
      this.pending = '';
      return false;
    }
    return true;
  }

  /**
   * csv-parse counts the limit in its own units (bytes of a field); a record anywhere near it,
   * counting three bytes a character, is left to csv-parse to accept or refuse.
   */
  private tooLong(chars: number): boolean {
    return chars * 3 >= this.maxRecordChars;
  }

  /** Splits the record starting at p into `out`; returns where the next one starts. */
  private record(s: string, p: number, atEnd: boolean, out: string[][]): number {
    const len = s.length;
    const start = p;
    const delimiter = this.delimiter;
    const fields: string[] = [];
    for (;;) {
      let end: number; // the index of what follows the field: a delimiter, a line ending or len
      if (s.charCodeAt(p) === QUOTE) {
        let text = '';
        let from = p + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) return atEnd ? IRREGULAR : INCOMPLETE;
          if (q + 1 === len) {
            if (!atEnd) return INCOMPLETE;
            text += s.slice(from, q);
            end = len;
            break;
          }
          const after = s.charCodeAt(q + 1);
          if (after === QUOTE) {
            text += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          if (after !== delimiter && after !== LF && after !== CR) return IRREGULAR;
          text += s.slice(from, q);
          end = q + 1;
          break;
        }
        fields.push(text);
      } else {
        let k = p;
        while (k < len) {
          const c = s.charCodeAt(k);
          if (c === delimiter || c === LF || c === CR) break;
          k++;
        }
        if (k === len && !atEnd) return INCOMPLETE;
        fields.push(s.slice(p, k));
        end = k;
      }
      if (end === len) {
        if (this.tooLong(len - start)) return IRREGULAR;
        out.push(fields);
        return len;
      }
      const c = s.charCodeAt(end);
      if (c === delimiter) {
        p = end + 1;
        // A delimiter at the very end: csv-parse ends the record with one more, empty field.
        if (p === len && atEnd) {
          if (this.tooLong(len - start)) return IRREGULAR;
          fields.push('');
          out.push(fields);
          return len;
        }
        continue;
      }
      let ending: '\n' | '\r\n';
      if (c === LF) ending = '\n';
      else if (end + 1 === len) return atEnd ? IRREGULAR : INCOMPLETE;
      else if (s.charCodeAt(end + 1) === LF) ending = '\r\n';
      else return IRREGULAR;
      if (this.lineEnding === null) this.lineEnding = ending;
      else if (this.lineEnding !== ending) return IRREGULAR;
      if (this.tooLong(end - start)) return IRREGULAR;
      out.push(fields);
      return end + ending.length;
    }
  }
}

const INCOMPLETE = -1;
const IRREGULAR = -2;
