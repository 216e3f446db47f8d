import { describe, expect, it } from 'vitest';
import { KIND_LABELS_ZH, KIND_SPECS, requiredUnitsOf } from '../../../../src/core/import/kinds';
import { KIND_KEYS } from '../../../../src/shared/kindKeys';
import { headerParts } from '../../../../src/core/import/normalizeHeader';

describe('kind specs', () => {
  it('lists the twelve kinds in dependency order', () => {
    expect(KIND_KEYS).toEqual([
      'roster',
      'retailers',
      'brands',
      'calendar',
      'journals',
      'attendance',
      'reports',
      'surveys',
      'orders',
      'agreements',
      'inspections',
      'spotchecks',
    ]);
    for (const kind of KIND_KEYS) {
      expect(KIND_SPECS[kind].kind).toBe(kind);
      expect(KIND_LABELS_ZH[kind]).toMatch(/\p{Script=Han}/u);
    }
  });

  it('never lets one header name two fields of the same kind', () => {
    for (const kind of KIND_KEYS) {
      const owner = new Map<string, string>();
      for (const field of KIND_SPECS[kind].fields) {
        for (const synonym of field.synonyms) {
          const name = headerParts(synonym).full;
          const previous = owner.get(name);
          expect(previous === undefined || previous === field.key, `${kind}: ${synonym} → ${previous} and ${field.key}`).toBe(true);
          owner.set(name, field.key);
        }
      }
    }
  });

  it('has unique field keys, enum specs for enum fields, and one-of groups of at least two fields', () => {
    for (const kind of KIND_KEYS) {
      const fields = KIND_SPECS[kind].fields;
      expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
      for (const field of fields) {
        if (field.type === 'enum') expect(field.enumSpec?.values).toEqual(field.enumValues);
      }
      for (const unit of requiredUnitsOf(KIND_SPECS[kind])) {
        const grouped = unit.fields.some((f) => f.requiredGroup !== undefined);
        expect(unit.fields.length >= 2).toBe(grouped);
      }
    }
  });

  it('splits manager and retailer references into separate fields of one group', () => {
    const units = requiredUnitsOf(KIND_SPECS.attendance).map((u) => u.key);
    expect(units).toContain('managerCode|managerUserId|managerName');
    expect(requiredUnitsOf(KIND_SPECS.orders).map((u) => u.key)).toEqual(['date', 'licence|customerCode', 'brandCode|brandName', 'quantity']);
    expect(requiredUnitsOf(KIND_SPECS.journals).find((u) => u.key === 'managerCode|managerName')?.labelZh).toBe('工号/姓名（至少一项）');
  });
});
