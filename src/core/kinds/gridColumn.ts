import type { ColumnType } from '../../shared/api/dataApi';
import type { GridColumnDeclaration, GridColumnSource, JoinAlias, Label } from './kindDeclaration';

type ColumnOptions = Pick<GridColumnDeclaration, 'visible' | 'format' | 'quick'>;

/** A label in both languages: label('工号', 'Staff no.'). */
export const label = (zh: string, en: string): Label => ({ zh, en });

export function column(field: string, name: Label, type: ColumnType, source: GridColumnSource, opts: ColumnOptions = {}): GridColumnDeclaration {
  return { field, label: name, type, source, ...opts };
}

export const text = (field: string, name: Label, from: string, opts?: ColumnOptions) => column(field, name, 'text', { column: from }, opts);
export const longText = (field: string, name: Label, from: string, opts?: ColumnOptions) => column(field, name, 'longtext', { column: from }, opts);
export const num = (field: string, name: Label, from: string, opts?: ColumnOptions) => column(field, name, 'number', { column: from }, opts);
export const date = (field: string, name: Label, from: string, opts?: ColumnOptions) => column(field, name, 'date', { column: from }, opts);
/** A 0/1 column shown as 是/否, so text filters and sorting work on what the user sees. */
export const bool = (field: string, name: Label, from: string, opts?: ColumnOptions) => column(field, name, 'bool', { yesNo: from }, { quick: false, ...opts });

/** A text column of a joined table; with a fallback, the row's own column shows for unlinked rows. */
export function joined(field: string, name: Label, alias: JoinAlias, from: string, fallback?: string, opts: ColumnOptions = {}): GridColumnDeclaration {
  return column(field, name, 'text', { join: alias, column: from, ...(fallback !== undefined ? { fallback } : {}) }, opts);
}

export const managerCode = (opts: ColumnOptions = {}) => joined('managerCode', label('工号', 'Staff no.'), 'm', 'code', undefined, opts);
export const managerName = () => joined('managerName', label('客户经理', 'Manager'), 'm', 'name');
export const retailerName = () => joined('retailerName', label('零售户', 'Retailer'), 'r', 'name');
/** The retailer's licence, else the reference as written in the file (a licence or customer code). */
export const retailerLicence = (opts: ColumnOptions = {}) => joined('licence', label('许可证号', 'Licence no.'), 'r', 'licence', 'retailer_ref', opts);
