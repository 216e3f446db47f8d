import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
// A config file may name the .mjs of a .mts module: both esbuild and TypeScript map it to the source.
import { rendererSettings } from './vite.renderer.config.mjs';

const at = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * The desktop build. The electron/ entries arrive with the Electron issue; `npm test` never
 * builds this file. The renderer section is the same build as vite.renderer.config.mts.
 */
export default defineConfig({
  main: {
    build: { outDir: at('./out/main'), rollupOptions: { input: { index: at('./electron/main/index.ts') } } },
  },
  preload: {
    build: {
      outDir: at('./out/preload'),
      // A sandboxed preload is one CommonJS file: no ES module, no require of node_modules (zod, for
      // the contract's names, is bundled in).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: at('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererSettings,
    build: { ...rendererSettings.build, rollupOptions: { input: { index: at('./src/renderer/index.html') } } },
  },
});
