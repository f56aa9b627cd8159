import type { Browser, Locator, Page } from 'playwright-core';
import { newContext } from '../support/browser-chromium';

/** Signs in through the login page. */
export async function signIn(page: Page, loginName: string, password: string): Promise<void> {
  await page.getByLabel('登录名或手机号').fill(loginName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Waits until the browser has left /login. The light login page hands over to the full app with a page load, which
 * may itself redirect: a navigation aborted by the next one is part of that hand-over, so wait again.
 */
export async function waitPastLogin(page: Page, arrived: (url: URL) => boolean = (url) => url.pathname !== '/login'): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForURL(arrived);
      await page.waitForLoadState('load');
      return;
    } catch (error) {
      if (attempt >= 3 || !/ERR_ABORTED|frame was detached|interrupted by another navigation/.test(String(error))) throw error;
    }
  }
}

/** Opens `path`; the app sends a signed-out visitor to /login and back to `path` after signing in. */
export async function openSignedIn(page: Page, path: string, loginName: string, password: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL('**/login');
  await signIn(page, loginName, password);
  await waitPastLogin(page, (url) => url.pathname === path.split('?')[0]);
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

/**
 * Opens an Ant Design select and clicks the option with this label, until the select shows it as chosen: on a
 * loaded machine a click during the dropdown's opening animation can be lost, and the form then fails later
 * without saying why (CI saw a proxy form that never submitted and a role dialog that never granted).
 */
export async function pick(page: Page, select: Locator, label: string): Promise<void> {
  // The select's box, found once: the caller's locator may name the select by the text it shows now (which the pick
  // changes) or its input (getByLabel on an aria-labelled select). Marked so that later looks find the same box.
  const mark = `pick-${++picks}`;
  await select.evaluate((el, m) => (el.closest('.ant-select') ?? el).setAttribute('data-pick', m), mark);
  const box = page.locator(`[data-pick="${mark}"]`);
  // The box shows the chosen value (the option list itself is in a portal outside it).
  const chosen = box.filter({ hasText: label });
  for (let attempt = 1; ; attempt++) {
    await clickOption(page, box, label);
    const shown = await chosen
      .waitFor({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (attempt === 3) throw new Error(`the select did not take the option "${label}" after ${attempt} tries`);
    await page.keyboard.press('Escape');
  }
}
let picks = 0;

async function clickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first();
  // Ant Design's option lists are virtual: only the options in view exist (fewer with the 44 px tap targets), so
  // scroll the list until the wanted one is rendered.
  for (let i = 0; i < 30 && !(await option.isVisible()); i++) {
    await dropdown
      .locator('.rc-virtual-list-holder')
      .first()
      .evaluate((el) => el.scrollBy(0, 100), undefined, { timeout: 500 })
      .catch(() => undefined);
    await page.waitForTimeout(50);
  }
  await option.click();
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

/**
 * Confirms the dialog an irreversible action opens first ("此操作不能撤销"), by its primary button.
 * A click that lands while the dialog is still zooming in can be lost (CI saw the dialog stay 15 s with nothing
 * sent), so: wait for the opening animation to end, and click again while the dialog stays open and its button is
 * not busy. A second click cannot send twice: while the action runs the button is loading, and the page's
 * `useSubmit` ignores calls in flight.
 */
export async function confirmDialog(page: Page, { timeout = 15_000 }: { timeout?: number } = {}): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm').last();
  await dialog.getByText('此操作不能撤销').waitFor();
  await dialog
    .and(page.locator(':not(.ant-zoom-appear)'))
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  const ok = dialog.locator('.ant-modal-confirm-btns .ant-btn-primary');
  const deadline = Date.now() + timeout;
  await ok.click();
  for (;;) {
    // The dialog stays until the action returns (`timeout` for slow ones, e.g. publishing renders the notice).
    const closed = await dialog.waitFor({ state: 'detached', timeout: Math.max(1, Math.min(3_000, deadline - Date.now())) }).then(
      () => true,
      () => false,
    );
    if (closed) return;
    if (Date.now() >= deadline) throw new Error('确认对话框未关闭：操作没有完成 (the confirm dialog never closed)');
    const busy = await ok.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => true);
    if (!busy) await ok.click({ timeout: 2_000 }).catch(() => undefined);
  }
}
