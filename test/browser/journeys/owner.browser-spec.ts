import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { unique } from '../browser-api';
import { activationCode, mobileTailOf, openVoteFixture, type VoteFixture } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/**
 * An owner on a 390×844 phone who has never had an account: with the activation letter the committee printed (its
 * code, typed from the paper) and the last 4 digits of the mobile the register holds, she opens her account at
 * /activate and chooses her own login name and password. Signed out and in again with them, the badge says a vote
 * waits; she votes from 我的待办 and looks up her receipt, then reads the sealed notice waiting there as a letter.
 * 赵敏 owns 2号楼-1单元-102.
 */

const OWNER = '赵敏';
const PASSWORD = 'Zhaomin2026own';
let browser: Browser;
let page: Page;
let f: VoteFixture;
let code: string;
const loginName = unique('zhaomin').toLowerCase();
let receiptCode: string;

beforeAll(async () => {
  f = await openVoteFixture();
  // The code printed on her letter (the JSON form of the batch the committee prints).
  code = await activationCode(f.director.token, f.communityId, OWNER);
  browser = await launchChromium();
  page = await (await newContext(browser, PHONE)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: an owner activates her account from the letter, votes and checks the receipt', () => {
  test('from the login page to activation: the letter code, the register fact and a password of her own', async () => {
    await page.goto('/login');
    await step(page, 'owner', '01-login-before-activation');
    await page.getByTestId('link-activate').click();
    await page.waitForURL('**/activate');
    await page.getByRole('heading', { name: '激活业主账号' }).waitFor();
    await step(page, 'owner', '02-activate');
    await page.getByTestId('activation-code').fill(code);
    await page.getByTestId('activation-fact').fill(mobileTailOf(OWNER));
    await page.getByTestId('activation-login').fill(loginName);
    await page.getByTestId('activation-password').fill(PASSWORD);
    await page.getByTestId('activation-confirm').fill(PASSWORD);
    await step(page, 'owner', '03-activate-filled');
    await page.getByTestId('activation-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/activate'));
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    await step(page, 'owner', '04-activated');
  });

  test('signs out, and in again with the login name and password she chose; the badge leads to the open vote', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await loginToTodo(page, f.communityId, loginName, PASSWORD, 'owner', 'my-votes');
    await page.getByTestId('todo-item').filter({ hasText: '请投票' }).getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(`**/c/${f.communityId}/my-votes/${f.voteId}`);
    await page.getByTestId('my-units').getByText('2号楼-1单元-102').waitFor();
    await page.getByTestId('cast-ballot').waitFor();
    await step(page, 'owner', '05-ballot');
  });

  test('votes, confirms and gets a receipt', async () => {
    await page.getByTestId('choice-1-yes').click();
    await page.getByTestId('cast-ballot').click();
    await page.getByTestId('cast-confirmation').getByText('投票后不可更改').waitFor();
    await step(page, 'owner', '06-confirm');
    await page.getByTestId('confirm-cast').click();
    const code = page.getByTestId('receipt-code');
    await code.waitFor();
    receiptCode = (await code.innerText()).trim();
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await step(page, 'owner', '07-receipt');
  });

  test('looks up her own receipt: recorded online, counted, no choice shown', async () => {
    const check = page.getByTestId('my-receipt-check');
    await check.getByLabel('回执码').fill(receiptCode);
    await check.getByRole('button', { name: /核\s*对/ }).click();
    const result = check.getByTestId('receipt-result');
    await result.getByText('已计入').waitFor();
    await result.getByText('网上投票').waitFor();
    expect(await result.innerText()).not.toContain('赞成');
    await step(page, 'owner', '08-receipt-lookup');
    await page.getByTestId('header-todo').click();
    await page.waitForURL(`**/c/${f.communityId}/todo`);
    await page.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(await page.getByTestId('todo-item').filter({ hasText: '请投票' }).count()).toBe(0);
    await step(page, 'owner', '09-todo-done');
  });

  test('reads the sealed assembly notice from 我的待办: it opens, is marked read and leaves the list', async () => {
    const letter = page.getByTestId('todo-item').filter({ hasText: '请阅读' });
    await letter.first().waitFor();
    expect(await letter.count()).toBe(1);
    await letter.getByRole('button', { name: '去阅读' }).click();
    await page.waitForURL(`**/c/${f.communityId}/letters`);
    const card = page.getByTestId('letter').filter({ hasText: '业主大会会议公告' });
    await card.getByText('未读').waitFor();
    await step(page, 'owner', '10-letters');
    await card.getByTestId('letter-read').click();
    await page.getByTestId('pdf-frame').waitFor();
    await page.getByRole('dialog').locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await card.getByText('已读').waitFor();
    await card.getByText(/您于 .* 阅读/).waitFor();
    await step(page, 'owner', '11-letter-read');
    await page.getByTestId('header-todo').click();
    await page.waitForURL(`**/c/${f.communityId}/todo`);
    await page.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(await page.getByTestId('todo-item').filter({ hasText: '请阅读' }).count()).toBe(0);
  });
});
