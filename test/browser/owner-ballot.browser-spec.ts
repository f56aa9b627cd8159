import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { api, HttpError } from './browser-api';
import { expectText, horizontalOverflow, openSignedIn } from './browser-ui';
import { openVoteFixture, type VoteFixture } from './vote-fixtures';

/**
 * An owner votes on a phone: 张伟 owns two units (1号楼-1单元-101, 89.50 m², and 2号楼-1单元-101, 110.75 m²), so
 * one ballot carries 200.25 m². He finds the vote under 我的表决, chooses, confirms, keeps the receipt; voting again
 * is neither offered nor accepted.
 */

let browser: Browser;
let phone: BrowserContext;
let page: Page;
let f: VoteFixture;
let receiptCode: string;

beforeAll(async () => {
  f = await openVoteFixture();
  browser = await launchChromium();
  phone = await newContext(browser, PHONE);
  page = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('owner votes on a phone', () => {
  test('the owner signs in and finds the open vote under 我的表决', async () => {
    await openSignedIn(page, `/c/${f.communityId}/overview`, f.owner.login, f.owner.password);
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.locator('.ant-drawer');
    // An owner sees the owner's entries, not the committee's tools.
    await drawer.getByText('我的表决', { exact: true }).waitFor();
    expect(await drawer.getByText('导入花名册', { exact: true }).count()).toBe(0);
    await drawer.getByText('我的表决', { exact: true }).click();
    await page.waitForURL(`**/c/${f.communityId}/my-votes`);
    const card = page.getByTestId('my-vote-link').filter({ hasText: '2026 年第一次业主大会' });
    await card.getByText('投票中').waitFor();
    await screenshot(page, 'phone-05-my-votes');
    await card.click();
    await page.waitForURL(`**/c/${f.communityId}/my-votes/${f.voteId}`);
  });

  test('the ballot shows his units and their summed area', async () => {
    const units = page.getByTestId('my-units');
    await units.getByText('1号楼-1单元-101、2号楼-1单元-101').waitFor();
    await expectText(page.getByTestId('my-area'), '200.25 平方米');
    expect(await page.getByTestId('cast-ballot').innerText()).toContain('请先对每项议案作出选择');
    expect(await page.getByTestId('cast-ballot').isDisabled()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-06-ballot');
  });

  test('he chooses, sees a confirmation that the ballot cannot be changed, and gets a receipt', async () => {
    await page.getByTestId('choice-1-yes').click();
    await page.getByTestId('choice-1-yes').and(page.locator('[aria-checked="true"]')).waitFor();
    await page.getByTestId('cast-ballot').click();
    const confirmation = page.getByTestId('cast-confirmation');
    await confirmation.getByText('投票后不可更改').waitFor();
    expect(await confirmation.innerText()).toContain('赞成');
    await screenshot(page, 'phone-07-ballot-confirm', { fullPage: false });
    await page.getByTestId('confirm-cast').click();

    const code = page.getByTestId('receipt-code');
    await code.waitFor();
    receiptCode = (await code.innerText()).trim();
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByTestId('receipt').getByText('投票成功').waitFor();
    await page.getByTestId('ballot-form').waitFor({ state: 'detached' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-08-ballot-receipt');
  });

  test('after a reload voting again is not offered, and the server refuses a second ballot', async () => {
    await page.reload();
    const voted = page.getByTestId('already-voted');
    await voted.getByText('您已投票，投票后不可更改').waitFor();
    expect(await voted.innerText()).toContain(receiptCode);
    expect(await page.getByTestId('cast-ballot').count()).toBe(0);

    const again = await api('POST', `/communities/${f.communityId}/votes/${f.voteId}/ballots`, {
      token: f.owner.token,
      body: { choices: [{ motionId: f.motionId, choice: 'no' }] },
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(HttpError);
    expect((again as HttpError).status).toBe(409);
    expect((again as HttpError).body.code).toBe('already_voted');
  });

  test('the committee sees the ballot counted against the two-thirds lines (the receipt checks out)', async () => {
    const participation = await api<{ motions: { heads: number; area: string }[] }>(
      'GET',
      `/communities/${f.communityId}/votes/${f.voteId}/participation`,
      { token: f.clerk.token },
    );
    expect(participation.motions[0]).toMatchObject({ heads: 1, area: '200.25' });
    const receipt = await api<{ status: string; channel: string }>(
      'GET',
      `/communities/${f.communityId}/votes/${f.voteId}/receipts/${receiptCode}`,
      { token: f.clerk.token },
    );
    expect(receipt).toMatchObject({ status: 'counted', channel: 'online' });
  });
});
