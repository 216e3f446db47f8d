import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** electron-builder's own loader and validator (the JSON schema app-builder-lib/scheme.json). */
interface BuilderConfig {
  [key: string]: unknown;
}
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const validate = (config: BuilderConfig) => validateConfiguration(config, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it('passes electron-builder 26’s schema, and a misspelt key does not', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    await expect(validate(config)).resolves.toBeUndefined();
    const nsis = config.nsis as Record<string, unknown>;
    await expect(validate({ ...config, nsis: { ...nsis, perMachin: false } })).rejects.toThrow(/configuration/);
    await expect(validate({ ...config, electronFuse: {} })).rejects.toThrow(/configuration/);
  }, 120_000);

  it('says what the installers must be', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    expect(config).toMatchObject({
      appId: 'cn.kaoping.workbench',
      productName: '考评工作台',
      asar: true,
      files: [{ filter: ['out/**', 'package.json'] }],
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
        grantFileProtocolExtraPrivileges: false,
      },
      nsis: { oneClick: false, perMachine: false, installerLanguages: ['zh_CN'], language: '2052', deleteAppDataOnUninstall: false },
    });
    expect(JSON.stringify(config.asarUnpack)).toContain('better-sqlite3');
    const win = config.win as { target: { target: string }[] };
    expect(win.target.map((t) => t.target)).toEqual(['nsis']);
    const linux = config.linux as { target: { target: string }[] };
    expect(linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  }, 120_000);

  it('the icons it names exist, and the product name is the one the userData folder uses', async () => {
    for (const icon of ['resources/icons/icon.ico', 'resources/icons/icon.png']) expect(fs.existsSync(icon), icon).toBe(true);
    const png = fs.readFileSync('resources/icons/icon.png');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { productName: string; main: string };
    const { APP_FOLDER_NAME } = await import('../../../../src/backend/db/defaultDatabasePath');
    expect(pkg.productName).toBe(APP_FOLDER_NAME);
    expect(pkg.main).toBe('out/main/index.js');
  });
});
