import type { Browser, Locator, Page } from 'playwright-core';
import { newContext } from '../support/browser-chromium';

/** Signs in through the login page. */
export async function signIn(page: Page, loginName: string, password: string): Promise<void> {
  await page.getByLabel('登录名或手机号').fill(loginName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Opens `path`; the app sends a signed-out visitor to /login and back to `path` after signing in. */
export async function openSignedIn(page: Page, path: string, loginName: string, password: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL('**/login');
  await signIn(page, loginName, password);
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

/** Waits until the element's text is exactly `expected` (trimmed). */
export async function expectText(locator: Locator, expected: string): Promise<void> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(([el, text]) => (el as HTMLElement).innerText.trim() === text, [await locator.elementHandle(), expected] as const)
    .catch(async () => {
      throw new Error(`expected text "${expected}", found "${(await locator.innerText()).trim()}"`);
    });
}

/** Opens an Ant Design select and clicks the option with this label. */
export async function pick(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label });
  await option.first().click();
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * One signed-in page per person, kept across the tests of a file: `as(person, path)` signs in on first use and
 * afterwards only navigates.
 */
export function pagesPerPerson(browser: () => Browser) {
  const pages = new Map<string, Page>();
  return async function as(person: { login: string; password: string }, path: string): Promise<Page> {
    let page = pages.get(person.login);
    if (!page) {
      page = await (await newContext(browser())).newPage();
      pages.set(person.login, page);
      await openSignedIn(page, path, person.login, person.password);
    } else {
      await page.goto(path);
    }
    return page;
  };
}
