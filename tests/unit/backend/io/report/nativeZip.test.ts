import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../../../../src/backend/io/report/nativeZip';

describe('native zip', () => {
  it('zips parts that read back byte for byte, the images stored and the rest deflated', async () => {
    const xml = Buffer.from(`<?xml version="1.0"?><worksheet>${'<row r="1"><c t="s"><v>3</v></c></row>'.repeat(500)}考评</worksheet>`, 'utf8');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, ...Array.from({ length: 300 }, (_, i) => (i * 37) % 256)]);
    const entries = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: xml },
      { name: 'xl/media/image1.png', data: png },
      { name: 'xl/说明.txt', data: Buffer.alloc(0) },
    ];
    const zipped = await zipEntries(entries, 1, new Date(2026, 10, 3, 8, 0, 0));
    const zip = await JSZip.loadAsync(zipped, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const e of entries) {
      const back = await zip.file(e.name)?.async('nodebuffer');
      expect(back?.equals(e.data), e.name).toBe(true);
      expect(zip.file(e.name)?.date.getFullYear()).toBe(2026);
    }
    // The image's bytes are in the archive as they are; the repetitive XML is much smaller.
    expect(zipped.includes(png)).toBe(true);
    expect(zipped.length).toBeLessThan(xml.length / 4);
  });
});
