import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import './provided';

export interface AppSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

/** A supervisor's office PC: 1366×768, Chinese locale, downloads allowed. */
export async function openApp(url: string): Promise<AppSession> {
  const browser = await chromium.connect(inject('browserWsEndpoint'));
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(url);
  return {
    browser,
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

/** Screenshots for a human to look at (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let drawers, modals and the menu finish sliding, so the picture shows the resting screen.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
