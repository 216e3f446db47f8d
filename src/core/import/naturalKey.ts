import type { KindDeclaration, KeyAlternative } from '../kinds/kindDeclaration';
import { KIND_DECLARATIONS } from '../kinds/kindRegistry';
import { textOf, type KindRecord, type RecordData, type RecordValue } from './records';

// A control character no cell text contains keeps ("a", "bc") and ("ab", "c") apart.
const SEPARATOR = '\u001f';

/** How a key names what a row refers to: before linking (as written) or after (the linked identities). */
export interface KeyReferences {
  manager(): string;
  /** orField: a text field naming the retailer when the row has no licence or customer code. */
  retailer(orField: string | undefined): string;
  brand(): string;
}

function isPresent(v: RecordValue): boolean {
  return v !== null && v !== undefined && v !== '';
}

function alternativeOf(declaration: KindDeclaration, data: RecordData): KeyAlternative {
  const chosen = declaration.naturalKey.find((a) => a.when === undefined || isPresent(data[a.when]));
  if (chosen === undefined) throw new Error(`${declaration.kind} has no natural key for this row`);
  return chosen;
}

/** The parts of a row's natural key, as its kind declares them. */
export function naturalKeyParts(declaration: KindDeclaration, data: RecordData, refs: KeyReferences): string[] {
  return alternativeOf(declaration, data).parts.map((part) => {
    if (typeof part === 'string') {
      const v = data[part];
      return v === null || v === undefined ? '' : String(v);
    }
    if ('literal' in part) return part.literal;
    if (part.ref === 'manager') return refs.manager();
    if (part.ref === 'retailer') return refs.retailer(part.orField);
    return refs.brand();
  });
}

/** The references as written, tagged so a 工号 never equals a name, nor a licence a customer code. */
function writtenReferences(data: RecordData): KeyReferences {
  return {
    manager: () => {
      const code = textOf(data, 'managerCode');
      if (code !== null) return `code:${code}`;
      const userId = textOf(data, 'managerUserId');
      if (userId !== null) return `user:${userId}`;
      return `name:${textOf(data, 'managerName') ?? ''}`;
    },
    retailer: (orField) => {
      const licence = textOf(data, 'licence');
      if (licence !== null) return `licence:${licence}`;
      const customerCode = textOf(data, 'customerCode');
      if (customerCode !== null) return `customer:${customerCode}`;
      const named = orField === undefined ? null : textOf(data, orField);
      return named === null ? '' : `name:${named}`;
    },
    brand: () => {
      const code = textOf(data, 'brandCode');
      return code !== null ? `code:${code}` : `name:${textOf(data, 'brandName') ?? ''}`;
    },
  };
}

/**
 * What makes a row the same row when a file is imported again (data-kinds.md), before it is
 * linked: re-importing next week's longer export upserts by this key instead of duplicating rows.
 * The importer keys stored rows by the same declared parts with the linked identities.
 */
export function naturalKey(record: KindRecord): string {
  return naturalKeyParts(KIND_DECLARATIONS[record.kind], record.data, writtenReferences(record.data)).join(SEPARATOR);
}
