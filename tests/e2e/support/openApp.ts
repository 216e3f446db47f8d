import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { SUPERVISOR_SKIPPED_KEY } from '../../../src/renderer/app/supervisorSkip';
import './provided';

export interface AppSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

export interface OpenAppOptions {
  /**
   * Show the first-start prompt for the supervisor's name (a store without one). Off by default:
   * the session starts as if 稍后填写 had been chosen, so a test about something else is not
   * covered by a dialog that opens whenever app.info arrives.
   */
  askSupervisor?: boolean;
}

/** A supervisor's office PC: 1366×768, Chinese locale, downloads allowed. */
export async function openApp(url: string, opts: OpenAppOptions = {}): Promise<AppSession> {
  const browser = await chromium.connect(inject('browserWsEndpoint'));
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  if (!opts.askSupervisor) {
    await context.addInitScript((key) => sessionStorage.setItem(key, '1'), SUPERVISOR_SKIPPED_KEY);
  }
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
  // (Finite ones only, and never longer than a second: spinners loop forever.)
  await page.evaluate(() => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    const settled = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    return Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
  });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
