import type { EnumSpec } from '../import/enums';

/**
 * 'code' is an identifier that must stay a string (licence, customer code, 工号, 卷烟编码);
 * 'month' is 'YYYY-MM'; 'period' is 'YYYY-MM' or 'YYYY-Www'.
 */
export type FieldType =
  | 'text'
  | 'int'
  | 'number'
  | 'date'
  | 'datetime'
  | 'time'
  | 'bool'
  | 'enum'
  | 'code'
  | 'month'
  | 'period';

export interface FieldSpec {
  key: string;
  labelZh: string;
  type: FieldType;
  /**
   * Must be present. A field with a requiredGroup is required together with the other
   * members of its group: any one of them present satisfies the group.
   */
  required: boolean;
  requiredGroup?: string;
  /** Header names, matched after normalizeHeader. */
  synonyms: readonly string[];
  enumValues?: readonly string[];
  enumSpec?: EnumSpec;
  min?: number;
  max?: number;
  /** A cigarette volume in 条: headers or values in 箱/万支/支/包 are converted. */
  volume?: boolean;
  /** A 烟草专卖许可证号: 12 digits; numbers that lost leading zeros are padded. */
  licence?: boolean;
  /** Extra yes/no spellings this field accepts (a calendar's 班/休). */
  boolExtra?: readonly (readonly [text: string, value: boolean])[];
  /** The kind's record builder checks this field's presence per row itself. */
  presenceCheckedByRecord?: boolean;
}

export type FieldOptions = Partial<Omit<FieldSpec, 'key' | 'labelZh' | 'type' | 'synonyms'>>;

export function field(key: string, labelZh: string, type: FieldType, synonyms: readonly string[], options: FieldOptions = {}): FieldSpec {
  return { key, labelZh, type, synonyms, required: false, ...options };
}

export function enumField(key: string, labelZh: string, spec: EnumSpec, synonyms: readonly string[], options: FieldOptions = {}): FieldSpec {
  return field(key, labelZh, 'enum', synonyms, { enumSpec: spec, enumValues: spec.values, ...options });
}

export const REQUIRED = { required: true } as const;
export const oneOf = (group: string): FieldOptions => ({ required: true, requiredGroup: group });

export const LICENCE_SYNONYMS = ['许可证号', '专卖许可证号', '烟草专卖许可证号', '许可证编号'];
export const CUSTOMER_CODE_SYNONYMS = ['客户编码', '客户代码'];
export const MANAGER_CODE_SYNONYMS = ['工号', '客户经理工号', '员工编号'];
const MANAGER_NAME_SYNONYMS = ['姓名', '客户经理', '客户经理姓名'];

/** A retailer reference: the licence or the customer code (either identifies the retailer). */
export function retailerRef(required: boolean): FieldSpec[] {
  const options: FieldOptions = required ? oneOf('retailer') : {};
  return [
    field('licence', '许可证号', 'code', LICENCE_SYNONYMS, { ...options, licence: true }),
    field('customerCode', '客户编码', 'code', CUSTOMER_CODE_SYNONYMS, options),
  ];
}

export function managerRef(): FieldSpec[] {
  return [
    field('managerCode', '工号', 'code', MANAGER_CODE_SYNONYMS, oneOf('manager')),
    field('managerName', '姓名', 'text', MANAGER_NAME_SYNONYMS, oneOf('manager')),
  ];
}

