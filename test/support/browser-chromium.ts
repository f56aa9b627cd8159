import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { BROWSER_ENV } from './browser-server';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/**
 * Debian's Chromium, driven by playwright-core (no browser download). Playwright gives every launch a fresh
 * temporary profile itself (it passes --user-data-dir and refuses one in `args`).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function serverUnderTest(): { baseUrl: string; adminPassword: string } {
  const baseUrl = process.env[BROWSER_ENV.baseUrl];
  const adminPassword = process.env[BROWSER_ENV.adminPassword];
  if (!baseUrl || !adminPassword) throw new Error('browser test environment missing: run through `jest --config jest.browser.config.js`');
  return { baseUrl, adminPassword };
}

export async function newContext(browser: Browser, options: BrowserContextOptions = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, baseURL: serverUnderTest().baseUrl });
  context.setDefaultTimeout(15_000);
  // Script errors in the page would otherwise only show up as a timeout.
  context.on('weberror', (error) => console.error(`page error: ${error.error().stack ?? error.error().message}`));
  return context;
}

/** Full-page screenshot into test-output/screenshots/<name>.png, after the page has stopped loading. */
export async function screenshot(page: Page, name: string, { fullPage = true, networkIdle = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Chromium's PDF viewer in an <iframe> can keep the page from ever reporting "networkidle": callers showing one
  // wait for the frame's own load instead and pass networkIdle: false.
  if (networkIdle) await page.waitForLoadState('networkidle');
  // Nothing half-drawn: no spinners or skeletons left.
  await page
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  // …and no dialog or drawer still zooming or sliding (Ant Design's motion classes: ant-zoom-appear-start, …).
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')].every(
          (el) =>
            el.closest('.ant-message') !== null || // toasts are hidden in the screenshot anyway
            !/-(appear|enter|leave)(-(prepare|start|active))?$/m.test(el.className.toString().split(' ').join('\n')),
        ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Toasts from earlier steps would cover the page title.
  await page.screenshot({ path, fullPage, style: '.ant-message { display: none !important; }' });
  return path;
}
