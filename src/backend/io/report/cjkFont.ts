import fs from 'node:fs';
import path from 'node:path';

export interface CjkFont {
  file: string;
  family: string;
}

/** Where Chinese fonts live on the systems the workbench runs on, best first. */
function candidates(): CjkFont[] {
  const windowsFonts = path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
  return [
    { file: path.join(windowsFonts, 'msyh.ttc'), family: 'Microsoft YaHei' },
    { file: path.join(windowsFonts, 'msyh.ttf'), family: 'Microsoft YaHei' },
    { file: path.join(windowsFonts, 'simsun.ttc'), family: 'SimSun' },
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
    { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
    { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
    { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
    { file: '/System/Library/Fonts/STHeiti Light.ttc', family: 'Heiti SC' },
  ];
}

let found: CjkFont | null | undefined;

/**
 * A Chinese font file for drawing chart text. Naming one file instead of scanning every system
 * font keeps each chart fast; null when none of the known files exists (the caller then lets
 * the renderer scan the system fonts).
 */
export function findCjkFont(): CjkFont | null {
  if (found === undefined) found = candidates().find((c) => fs.existsSync(c.file)) ?? null;
  return found;
}
