import { describe, expect, it } from 'vitest';
import { isPageCommand, menuSections, menuTemplate, type MenuCommand } from '../../../../electron/main/menuTemplate';

function labels(devTools: boolean): string[][] {
  return menuSections({ devTools }).map((s) => [s.label, ...s.entries.map((e) => (e.kind === 'separator' ? '—' : e.label))]);
}

describe('the application menu', () => {
  it('has 文件 and 帮助 with the commands the supervisors use, in Chinese', () => {
    const [file, , , help] = labels(false);
    expect(file).toEqual(['文件(&F)', '导入…', '导出报表…', '—', '备份…', '恢复…', '—', '退出']);
    expect(help).toEqual(['帮助(&H)', '关于考评工作台', '—', '打开数据文件夹', '查看日志']);
    for (const label of labels(true).flat()) expect(label, label).toMatch(/[\u4e00-\u9fff]|—/);
  });

  it('offers developer tools only in development', () => {
    expect(labels(false).flat()).not.toContain('开发者工具');
    expect(labels(true).flat()).toContain('开发者工具');
  });

  it('every command item reports its id; 导入 and 导出报表 go to the page, the rest run in main', () => {
    const seen: MenuCommand[] = [];
    const template = menuTemplate(menuSections({ devTools: false }), (c) => seen.push(c));
    for (const section of template) {
      for (const item of section.submenu as { click?: () => void }[]) item.click?.();
    }
    expect(seen).toEqual(['import', 'exportReport', 'backup', 'restore', 'quit', 'about', 'openDataFolder', 'openLog']);
    expect(seen.filter(isPageCommand)).toEqual(['import', 'exportReport']);
  });

  it('uses Electron roles for editing and zoom, and no accelerator twice', () => {
    const template = menuTemplate(menuSections({ devTools: true }), () => undefined);
    const items = template.flatMap((s) => s.submenu as { role?: string; accelerator?: string }[]);
    expect(items.map((i) => i.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'toggleDevTools']),
    );
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
