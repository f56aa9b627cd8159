import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { openVoteFixture, type VoteFixture } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/** An owner on a 390×844 phone: the badge says a vote waits; he votes from 我的待办 and looks up his receipt. */

let browser: Browser;
let page: Page;
let f: VoteFixture;
let receiptCode: string;

beforeAll(async () => {
  f = await openVoteFixture();
  browser = await launchChromium();
  page = await (await newContext(browser, PHONE)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: an owner votes and checks the receipt', () => {
  test('from the login page and the badge to the open vote', async () => {
    await loginToTodo(page, f.communityId, f.owner.login, f.owner.password, 'owner');
    await page.getByTestId('todo-item').filter({ hasText: '请投票' }).getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(`**/c/${f.communityId}/my-votes/${f.voteId}`);
    await page.getByTestId('cast-ballot').waitFor();
    await step(page, 'owner', '03-ballot');
  });

  test('votes, confirms and gets a receipt', async () => {
    await page.getByTestId('choice-1-yes').click();
    await page.getByTestId('cast-ballot').click();
    await page.getByTestId('cast-confirmation').getByText('投票后不可更改').waitFor();
    await page.getByTestId('confirm-cast').click();
    const code = page.getByTestId('receipt-code');
    await code.waitFor();
    receiptCode = (await code.innerText()).trim();
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await step(page, 'owner', '04-receipt');
  });

  test('looks up his own receipt: recorded online, counted, no choice shown', async () => {
    const check = page.getByTestId('my-receipt-check');
    await check.getByLabel('回执码').fill(receiptCode);
    await check.getByRole('button', { name: /核\s*对/ }).click();
    const result = check.getByTestId('receipt-result');
    await result.getByText('已计入').waitFor();
    await result.getByText('网上投票').waitFor();
    expect(await result.innerText()).not.toContain('赞成');
    await step(page, 'owner', '05-receipt-lookup');
    await page.goto(`/c/${f.communityId}/todo`);
    await page.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(await page.getByTestId('todo-item').filter({ hasText: '请投票' }).count()).toBe(0);
  });
});
