import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer build. The HTTP host builds with exactly this file (vite's build() API) when
 * out/renderer is missing or stale, and electron.vite.config.ts reuses these settings, so the
 * browser, the e2e tests and the desktop window all load the same bundle.
 */
export const rendererRoot = fileURLToPath(new URL('./src/renderer', import.meta.url));
export const rendererOutDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

export const rendererSettings = {
  root: rendererRoot,
  // Relative asset URLs: the page is served from the HTTP host's root and from file:// in Electron.
  base: './',
  plugins: [react()],
  build: {
    outDir: rendererOutDir,
    emptyOutDir: true,
    // antd + AG Grid + ECharts make one large chunk; it is loaded from disk or loopback, never the internet.
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
} satisfies UserConfig;

export default defineConfig(rendererSettings);
