import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { agGridLocaleZhCN } from './agGridLocaleZhCN';
import { gridTheme } from './setupAgGrid';

export type AppGridProps<TData> = AgGridReactProps<TData> & { gridRef?: Ref<AgGridReact<TData>> };

/**
 * Every data table goes through here: the shared theme and the grid's own texts in the UI
 * language. localeText is read once at creation, so a language switch re-creates the grid.
 */
export function AppGrid<TData>({ gridRef, ...props }: AppGridProps<TData>) {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  return (
    <AgGridReact<TData>
      key={i18n.language}
      ref={gridRef}
      theme={gridTheme}
      localeText={zh ? agGridLocaleZhCN : undefined}
      enableCellTextSelection
      ensureDomOrder
      {...props}
    />
  );
}
