import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../../../src/backend/io/report/encodePng';

describe('encodePng', () => {
  it('writes an RGBA PNG whose image data inflates back to the pixels, row by row', async () => {
    const width = 3;
    const height = 2;
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
    const png = await encodePng(rgba, width, height);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(width);
    expect(png.readUInt32BE(20)).toBe(height);
    expect([png[24], png[25]]).toEqual([8, 6]);
    const idatAt = png.indexOf('IDAT', 0, 'latin1');
    const raw = zlib.inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    const rows = [0, 1].map((y) => raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1)));
    expect(rows.map((r) => r[0])).toEqual([0, 0]);
    expect(Buffer.concat(rows.map((r) => r.subarray(1)))).toEqual(Buffer.from(rgba));
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(new Uint8Array(5), 1, 1)).rejects.toThrow();
  });
});
