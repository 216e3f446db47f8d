import type { MenuItemConstructorOptions } from 'electron';
import type { AppMenuCommand } from '../../src/shared/api/kaopingApi';

/** Commands main carries out itself, with native dialogs. */
export type MainMenuCommand = 'backup' | 'restore' | 'quit' | 'about' | 'openDataFolder' | 'openLog';
export type MenuCommand = AppMenuCommand | MainMenuCommand;

/** Commands sent to the page as the 'app.menu' event; the page knows its own screens. */
const PAGE_COMMANDS: readonly AppMenuCommand[] = ['import', 'exportReport'];

export function isPageCommand(command: MenuCommand): command is AppMenuCommand {
  return (PAGE_COMMANDS as readonly string[]).includes(command);
}

type Role = NonNullable<MenuItemConstructorOptions['role']>;

export type MenuEntry =
  | { kind: 'command'; label: string; command: MenuCommand; accelerator?: string }
  | { kind: 'role'; label: string; role: Role; accelerator?: string }
  | { kind: 'separator' };

export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

const separator: MenuEntry = { kind: 'separator' };

/** The application menu as data, labels in Chinese. */
export function menuSections(opts: { devTools: boolean }): MenuSection[] {
  const view: MenuEntry[] = [
    { kind: 'role', label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    { kind: 'role', label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { kind: 'role', label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    separator,
    { kind: 'role', label: '全屏', role: 'togglefullscreen', accelerator: 'F11' },
  ];
  if (opts.devTools) view.push(separator, { kind: 'role', label: '开发者工具', role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' });
  return [
    {
      label: '文件(&F)',
      entries: [
        { kind: 'command', label: '导入…', command: 'import', accelerator: 'CmdOrCtrl+O' },
        { kind: 'command', label: '导出报表…', command: 'exportReport', accelerator: 'CmdOrCtrl+E' },
        separator,
        { kind: 'command', label: '备份…', command: 'backup', accelerator: 'CmdOrCtrl+B' },
        { kind: 'command', label: '恢复…', command: 'restore' },
        separator,
        { kind: 'command', label: '退出', command: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      entries: [
        { kind: 'role', label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { kind: 'role', label: '重做', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        separator,
        { kind: 'role', label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { kind: 'role', label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { kind: 'role', label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { kind: 'role', label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    { label: '视图(&V)', entries: view },
    {
      label: '帮助(&H)',
      entries: [
        { kind: 'command', label: '关于考评工作台', command: 'about' },
        separator,
        { kind: 'command', label: '打开数据文件夹', command: 'openDataFolder' },
        { kind: 'command', label: '查看日志', command: 'openLog' },
      ],
    },
  ];
}

/** Electron's menu template for the sections; every command item calls onCommand with its id. */
export function menuTemplate(sections: readonly MenuSection[], onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  return sections.map((section) => ({
    label: section.label,
    submenu: section.entries.map((entry): MenuItemConstructorOptions => {
      switch (entry.kind) {
        case 'separator':
          return { type: 'separator' };
        case 'role':
          return { label: entry.label, role: entry.role, accelerator: entry.accelerator };
        case 'command':
          return { label: entry.label, accelerator: entry.accelerator, click: () => onCommand(entry.command) };
      }
    }),
  }));
}
