import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DiffOutlined,
  FileTextOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SmileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { GridKind } from '../../shared/api/dataApi';

type MenuItem = Required<MenuProps>['items'][number];

const MAIN_KINDS: [GridKind, ReactNode][] = [
  ['managers', <TeamOutlined />],
  ['retailers', <ShopOutlined />],
  ['journals', <FileTextOutlined />],
  ['attendance', <ClockCircleOutlined />],
  ['surveys', <SmileOutlined />],
  ['orders', <ShoppingCartOutlined />],
];

/** Less used tables live under 其他数据 so the menu fits a 768-pixel-high screen. */
export const OTHER_KINDS: GridKind[] = ['reports', 'inspections', 'brands', 'agreements', 'spotchecks'];

/** Menu keys equal pageKey(): 'overview', 'import', 'data/orders', … */
export function navItems(t: TFunction): MenuItem[] {
  return [
    { key: 'overview', icon: <DashboardOutlined />, label: t('nav.overview') },
    // Shown only for a store with several districts (AppFrame filters it out otherwise).
    { key: 'city', icon: <ApartmentOutlined />, label: t('nav.city') },
    { key: 'import', icon: <CloudUploadOutlined />, label: t('nav.import') },
    ...MAIN_KINDS.map(([kind, icon]) => ({ key: `data/${kind}`, icon, label: t(`nav.${kind}`) })),
    {
      key: 'other',
      icon: <AppstoreOutlined />,
      label: t('nav.other'),
      children: OTHER_KINDS.map((kind) => ({ key: `data/${kind}`, label: t(`nav.${kind}`) })),
    },
    { key: 'evaluation', icon: <AuditOutlined />, label: t('nav.evaluation') },
    { key: 'journals', icon: <DiffOutlined />, label: t('nav.compare') },
    { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ];
}
