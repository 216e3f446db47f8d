import { describe, expect, it } from 'vitest';
import { repairCjkMojibake } from '../../../../src/core/import/repairMojibake';
import { repairMojibake as coreRepair } from '../../../../src/core/import/repairMojibake';

/** The readers' repair is the core's: one implementation, the surrogate-escape case included. */
describe('the readers repair mojibake with the core implementation', () => {
  const misread = (text: string, undefinedByte: (byte: number) => string) =>
    [...new TextEncoder().encode(text)]
      .map((b) => {
        if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)) return undefinedByte(b);
        const cp1252 = new TextDecoder('windows-1252').decode(new Uint8Array([b]));
        return cp1252;
      })
      .join('');

  it.each([
    ['LibreOffice private use', (b: number) => String.fromCharCode(0xf100 + b)],
    ['surrogate escapes', (b: number) => String.fromCharCode(0xdc00 + b)],
  ])('repairs 员工编号/客户经理 with undefined bytes kept as %s', (_name, undefinedByte) => {
    for (const text of ['员工编号', '客户经理', '许可证号']) {
      const bad = misread(text, undefinedByte);
      expect(repairCjkMojibake(bad)).toBe(text);
      expect(coreRepair(bad)).toBe(text);
    }
  });

  it('leaves Latin text and clean Chinese alone', () => {
    for (const text of ['café', 'Müller', '张伟', '2026-10-08', 'Ã©t']) expect(repairCjkMojibake(text)).toBe(text);
  });
});
