import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { api, HttpError, TEST_PASSWORD } from './browser-api';
import { horizontalOverflow, openSignedIn } from './browser-ui';
import { activationCode, mobileTailOf, openVoteFixture, type VoteFixture } from './vote-fixtures';

/**
 * An owner who has never had an account gets the committee's activation letter (激活通知书), scans its QR code on a
 * 390×844 phone, enters the last 4 digits of the mobile the register holds, sets a password nobody else knows, and
 * votes. 赵敏 owns 2号楼-1单元-102 (88.00 m², contact mobile 13800000004 in the committee's roster; the residents'
 * committee's register holds 13712346604, whose tail is her fact). The code comes from the JSON form of the batch
 * the committee prints; the QR link carries it in the fragment, as the printed letter does.
 */

let browser: Browser;
let phone: BrowserContext;
let page: Page;
let f: VoteFixture;
let code: string;

beforeAll(async () => {
  f = await openVoteFixture();
  code = await activationCode(f.director.token, f.communityId, '赵敏');
  browser = await launchChromium();
  phone = await newContext(browser, PHONE);
  page = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('owner activates from a letter on a phone and votes', () => {
  test('the login page leads to activation; a wrong register fact is refused in Chinese', async () => {
    await page.goto('/login');
    await page.getByTestId('link-activate').waitFor();
    await page.goto(`/activate#code=${encodeURIComponent(code)}`);
    await page.getByRole('heading', { name: '激活业主账号' }).waitFor();
    expect(await page.getByTestId('activation-code').inputValue()).toBe(code);
    // The code from the link is checked at once (POST /activation/check), before she chooses a password.
    await page.getByText('激活码有效', { exact: false }).waitFor();
    await page.getByTestId('activation-fact').fill('9999');
    await page.getByTestId('activation-password').fill('Zhaomin2026own');
    await page.getByTestId('activation-confirm').fill('Zhaomin2026own');
    await page.getByTestId('activation-submit').click();
    await page.getByTestId('activation-error').getByText('激活码或核验信息不正确', { exact: false }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'activation-01-wrong-fact');
  });

  test('with the mobile tail she activates, chooses her own password and is signed in', async () => {
    // The contact number the committee holds is no fact.
    await page.getByTestId('activation-fact').fill('0004');
    await page.getByTestId('activation-submit').click();
    await page.getByTestId('activation-error').getByText('激活码或核验信息不正确', { exact: false }).waitFor();
    await page.getByTestId('activation-fact').fill(mobileTailOf('赵敏'));
    await page.getByTestId('activation-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/activate'));
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    await screenshot(page, 'activation-02-signed-in');
    // The code was single-use.
    const again = await api('POST', '/activation', { body: { code, fact: mobileTailOf('赵敏'), password: TEST_PASSWORD } }).catch(
      (e: unknown) => e,
    );
    expect((again as HttpError).status).toBe(409);
    expect((again as HttpError).body.code).toBe('activation_used');
  });

  test('she finds the open vote under 我的表决 and votes', async () => {
    await page.goto(`/c/${f.communityId}/my-votes`);
    const card = page.getByTestId('my-vote-link').filter({ hasText: '2026 年第一次业主大会' });
    await card.getByText('投票中').waitFor();
    await card.click();
    await page.waitForURL(`**/c/${f.communityId}/my-votes/${f.voteId}`);
    await page.getByTestId('my-units').getByText('2号楼-1单元-102').waitFor();
    await page.getByTestId('choice-1-yes').click();
    await page.getByTestId('cast-ballot').click();
    await page.getByTestId('confirm-cast').click();
    await page.getByTestId('receipt').getByText('投票成功').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'activation-03-voted');
  });

  test('the committee sees her as 已激活 on the owner accounts page, with counts per building', async () => {
    const desk = await newContext(browser);
    try {
      const p = await desk.newPage();
      await openSignedIn(p, `/c/${f.communityId}/owner-accounts`, f.director.login, f.director.password);
      await p.getByRole('heading', { name: '业主账号' }).waitFor();
      const row = p.getByTestId('owner-accounts-table').locator('tr').filter({ hasText: '赵敏' });
      await row.getByTestId('activation-status').getByText('已激活').waitFor();
      await p.getByTestId('building-counts').getByText('2号楼').waitFor();
      await screenshot(p, 'activation-04-owner-accounts');
    } finally {
      await desk.close();
    }
  });
});
