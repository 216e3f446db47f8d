import type { FieldSpec } from '../kinds/fieldSpec';
import type { KindDeclaration } from '../kinds/kindDeclaration';
import { KIND_DECLARATIONS } from '../kinds/kindRegistry';
import type { RecordRow } from '../kinds/recordCompletion';
import type { KindKey } from '../../shared/kindKeys';
import type { ParsedValue } from './parseValue';
import type { KindRecord, RecordData, RecordValue } from './records';

/** Reports a problem with one field of the row being built (index into the kind's fields). */
export type IssueSink = (fieldIndex: number, reason: string) => void;

/**
 * Turns one row's parsed values (indexed like the kind's fields) into its record. Runs even
 * when some cells failed, so that every problem of the row is reported; the result is then
 * discarded, so missing required values may be filled with placeholders.
 */
export type RecordBuilder = (values: readonly ParsedValue[], issue: IssueSink, failed: readonly boolean[]) => KindRecord;

type Convert = (v: ParsedValue | undefined) => RecordValue;

const text: Convert = (v) => (typeof v === 'string' ? v : null);
const num: Convert = (v) => (typeof v === 'number' ? v : null);
const bool: Convert = (v) => (typeof v === 'boolean' ? v : null);
const dateTime: Convert = (v) => (typeof v === 'object' && v !== null && v.date !== null && v.time !== null ? `${v.date}T${v.time}` : null);

function converterOf(field: FieldSpec): Convert {
  switch (field.type) {
    case 'int':
    case 'number':
      return num;
    case 'bool':
      return bool;
    case 'datetime':
      return dateTime;
    case 'enum': {
      const values = field.enumValues ?? [];
      return (v) => (typeof v === 'string' ? (values.find((value) => value === v) ?? null) : null);
    }
    default:
      return text;
  }
}

/** What a missing required value is replaced by in a record that is discarded anyway. */
function placeholderOf(field: FieldSpec): RecordValue {
  // A member of a one-of group stays null: the others identify the row.
  if (!field.required || field.requiredGroup !== undefined || field.presenceCheckedByRecord === true) return null;
  switch (field.type) {
    case 'int':
    case 'number':
      return 0;
    case 'bool':
      return false;
    case 'enum':
      return field.enumValues?.[0] ?? '';
    default:
      return '';
  }
}

/** The record builder of a declared kind: each field's value by its type, then the kind's own completion. */
function recordBuilderOf(declaration: KindDeclaration): RecordBuilder {
  const { kind, fields, completeRecord } = declaration;
  const keys = fields.map((f) => f.key);
  const converters = fields.map(converterOf);
  const placeholders = fields.map(placeholderOf);
  const indexOf = new Map(keys.map((key, i) => [key, i]));
  const index = (key: string): number => {
    const i = indexOf.get(key);
    if (i === undefined) throw new Error(`${kind} has no field ${key}`);
    return i;
  };
  return (values, issue, failed) => {
    const data: RecordData = {};
    for (let i = 0; i < keys.length; i++) {
      const value = converters[i]?.(values[i]) ?? null;
      data[keys[i] ?? ''] = value === null ? placeholders[i] : value;
    }
    if (completeRecord !== undefined) {
      const row: RecordRow = {
        data,
        value: (key) => values[index(key)],
        failed: (key) => failed[index(key)] === true,
        issue: (key, reason) => issue(index(key), reason),
      };
      completeRecord(row);
    }
    return { kind, data };
  };
}

export const RECORD_BUILDERS: Record<KindKey, RecordBuilder> = Object.fromEntries(
  Object.values(KIND_DECLARATIONS).map((d) => [d.kind, recordBuilderOf(d)]),
) as Record<KindKey, RecordBuilder>;
