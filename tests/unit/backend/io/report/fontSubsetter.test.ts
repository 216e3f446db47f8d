import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { findCjkFont } from '../../../../../src/backend/io/report/cjkFont';
import { faceIndexOf, openFontSubsetter } from '../../../../../src/backend/io/report/fontSubsetter';

const cjk = findCjkFont();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-subset-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Chart labels as ECharts writes them: CJK names, digits, full-width brackets, an entity. */
const LABELS = [
  '<text dominant-baseline="central" text-anchor="end" style="font-size:12px;font-family:Microsoft YaHei, SimSun, Noto Sans CJK SC, sans-serif;" fill="#333">欧阳明（否决）</text>',
  '<text dominant-baseline="central" text-anchor="middle" style="font-size:12px;font-family:Microsoft YaHei, SimSun, Noto Sans CJK SC, sans-serif;" fill="#333">工作量\n（无数据）</text>',
  '<text x="4" y="20" style="font-size:14px;font-family:sans-serif;" fill="#333">87.5 分 &amp; 3 人 Avg</text>',
];

function outline(label: string, fontFile: string, family: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">${label}</svg>`;
  const font = { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: family, sansSerifFamily: family, serifFamily: family };
  return new Resvg(svg, { font }).toString();
}

describe.skipIf(!cjk)('font subsetter', () => {
  it('finds the face of a family in the font file and nothing for an unknown family', () => {
    if (!cjk) return;
    const bytes = fs.readFileSync(cjk.file);
    const index = faceIndexOf(bytes, cjk.family);
    expect(index).not.toBeNull();
    expect(faceIndexOf(bytes, 'No Such Family 无此字体')).toBeNull();
  });

  it('outlines labels with a subset of their characters exactly as with the whole font', async () => {
    if (!cjk) return;
    const subsetter = await openFontSubsetter(cjk.file, cjk.family);
    if (!subsetter) throw new Error('no subsetter for the CJK font');
    const text = LABELS.join('').replace('&amp;', '&');
    const subset = subsetter.subset(text);
    subsetter.dispose();
    if (!subset) throw new Error('subset failed');
    expect(subset.length).toBeLessThan(fs.statSync(cjk.file).size / 20);
    const subsetFile = path.join(dir, 'labels.otf');
    fs.writeFileSync(subsetFile, subset);
    for (const label of LABELS) {
      const whole = outline(label, cjk.file, cjk.family);
      expect(whole).toContain('<path');
      expect(outline(label, subsetFile, cjk.family)).toBe(whole);
    }
  });

  it('gives null for a font file it cannot read', async () => {
    const bogus = path.join(dir, 'bogus.ttf');
    fs.writeFileSync(bogus, 'not a font');
    expect(await openFontSubsetter(bogus, 'Whatever')).toBeNull();
    expect(await openFontSubsetter(path.join(dir, 'missing.ttc'), 'Whatever')).toBeNull();
  });
});
