import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot } from '../support/browser-chromium';
import { api } from './browser-api';
import { expectText, openSignedIn } from './browser-ui';
import { closeVoteNow, openVoteFixture, type VoteFixture } from './vote-fixtures';

/**
 * 书面征求意见: a committee clerk enters 赵敏's paper ballot from the canvassing list; it shows as pending and does
 * not count; the clerk cannot confirm his own entry; a second clerk confirms it and the participation bars move.
 * A second entry that does not match the paper is refused with a reason and never counts. At the close the results
 * list unit numbers and areas, never names, and a recount matches the sealed tally.
 */

let browser: Browser;
let first: BrowserContext;
let second: BrowserContext;
let clerk: Page;
let clerk2: Page;
let f: VoteFixture;

const tab = (page: Page, name: string) => page.locator('.ant-tabs-tab').filter({ hasText: name });
const areaValue = (page: Page): Locator => page.getByTestId('area-bar-1-value');
const headsValue = (page: Page): Locator => page.getByTestId('heads-bar-1-value');

beforeAll(async () => {
  f = await openVoteFixture();
  browser = await launchChromium();
  first = await newContext(browser);
  second = await newContext(browser);
  clerk = await first.newPage();
  clerk2 = await second.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('paper ballots: entered by one clerk, confirmed by another', () => {
  test('the vote page shows participation at zero against the two-thirds lines', async () => {
    await openSignedIn(clerk, `/c/${f.communityId}/agenda/${f.itemId}`, f.clerk.login, f.clerk.password);
    await clerk.getByTestId('chain-timeline').getByText('居民代表会议 · 通过').waitFor();
    await screenshot(clerk, '13-agenda-item-at-assembly');
    await clerk.getByRole('button', { name: /查看表决：2026 年第一次业主大会/ }).click();
    await clerk.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}`);
    await expectText(headsValue(clerk), '0');
    await expectText(areaValue(clerk), '0.00');
    // Two thirds of 5 owners and of 1,798.50 m² (see roster-fixtures.ts).
    await clerk.getByTestId('heads-bar-1').getByText('红线为三分之二：4 人').waitFor();
    await clerk.getByTestId('area-bar-1').getByText('红线为三分之二：1,199.00 平方米').waitFor();
    // 扫楼: buildings with owners who have not voted (the panels open on a tap).
    await clerk.getByTestId('canvassing').locator('.ant-collapse-header').filter({ hasText: '2号楼' }).getByText('未投 1 人').waitFor();
    await screenshot(clerk, '14-vote-participation-canvassing');
  });

  test('the first clerk enters 赵敏’s paper ballot from the canvassing list', async () => {
    const row = clerk.getByTestId('canvass-row').filter({ hasText: '赵敏' });
    // The building panels start collapsed: open 2号楼 first.
    await clerk.locator('.ant-collapse-header').filter({ hasText: '2号楼' }).click();
    await row.getByRole('button', { name: '录入纸质票' }).click();
    await clerk.getByTestId('paper-ref').waitFor();
    expect(await clerk.getByTestId('paper-elector').innerText()).toContain('2号楼-1单元-102');
    await clerk.getByTestId('paper-ref').fill('2幢-001');
    await clerk.getByTestId('paper-choice-1').getByText('赞成').click();
    await screenshot(clerk, '15-paper-ballot-entry');
    await clerk.getByTestId('paper-submit').click();
    await clerk
      .getByTestId('paper-entered')
      .getByText(/已录入，回执码 [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)
      .waitFor();

    // Pending, not counted; the clerk who entered it cannot confirm it.
    await clerk.getByTestId('participation').getByText('待核对纸质票 1 张').waitFor();
    await expectText(headsValue(clerk), '0');
    await tab(clerk, '待核对').click();
    const pending = clerk.getByTestId('pending-row').filter({ hasText: '2号楼-1单元-102' });
    await pending.getByText('本人录入，须由另一位委员核对').waitFor();
    expect(await pending.getByTestId('confirm-paper').count()).toBe(0);
    await screenshot(clerk, '16-paper-pending-own');
  });

  test('a second clerk confirms it and the participation bars update', async () => {
    await openSignedIn(clerk2, `/c/${f.communityId}/votes/${f.voteId}`, f.clerk2.login, f.clerk2.password);
    await tab(clerk2, '待核对（1）').click();
    const pending = clerk2.getByTestId('pending-row').filter({ hasText: '2号楼-1单元-102' });
    await pending.getByText('议案 1：赞成').waitFor();
    await pending.getByText('录入：李委员', { exact: false }).waitFor();
    await screenshot(clerk2, '17-paper-pending-confirm');
    await pending.getByTestId('confirm-paper').click();
    await pending.waitFor({ state: 'detached' });

    await expectText(headsValue(clerk2), '1');
    await expectText(areaValue(clerk2), '88.00');
    await clerk2.getByTestId('heads-bar-1').getByText('还差 3 人').waitFor();
    await clerk2.getByTestId('area-bar-1').getByText('还差 1,111.00 平方米').waitFor();
    expect(await clerk2.getByTestId('participation').getByText('待核对纸质票').count()).toBe(0);
    await screenshot(clerk2, '18-participation-after-confirm');

    // The first clerk's page catches up on reload.
    await clerk.reload();
    await expectText(headsValue(clerk), '1');
  });

  test('an entry that does not match the paper is refused with a reason and never counts', async () => {
    await tab(clerk, '录入纸质票').click();
    const elector = clerk.getByTestId('paper-elector');
    await elector.click();
    await clerk.keyboard.type('S01');
    await clerk
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '商业楼-S01' })
      .click();
    await clerk.getByTestId('paper-ref').fill('商-001');
    await clerk.getByTestId('paper-choice-1').getByText('反对').click();
    await clerk.getByTestId('paper-submit').click();
    await clerk.getByTestId('paper-entered').waitFor();

    await clerk2.reload();
    await tab(clerk2, '待核对（1）').click();
    const pending = clerk2.getByTestId('pending-row').filter({ hasText: '商业楼-S01' });
    await pending.getByTestId('refuse-paper').click();
    const dialog = clerk2.getByRole('dialog', { name: '退回纸质表决票' });
    await dialog.getByTestId('refuse-reason').fill('票面为赞成，录入为反对');
    await dialog.getByRole('button', { name: '退回' }).click();
    await pending.waitFor({ state: 'detached' });
    await expectText(headsValue(clerk2), '1');

    const participation = await api<{ motions: { heads: number; area: string; pendingPaper: number }[] }>(
      'GET',
      `/communities/${f.communityId}/votes/${f.voteId}/participation`,
      { token: f.director.token },
    );
    expect(participation.motions[0]).toMatchObject({ heads: 1, area: '88.00', pendingPaper: 0 });
  });

  test('after the close the results show units and areas, never names, and a recount matches', async () => {
    await closeVoteNow(f.communityId, f.voteId, f.director.token);
    await clerk2.reload();
    await clerk2.getByRole('button', { name: '查看表决结果' }).click();
    await clerk2.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}/results`);
    const motion = clerk2.getByTestId('motion-result');
    // 1 of 5 owners with 88.00 of 1,798.50 m² took part: below two thirds, so no decision.
    await motion.getByText('参与人数或面积不足，表决不成立').waitFor();
    await motion.getByText('1 / 5 人（须 ≥ 4），未达到').waitFor();
    await motion.locator('.ant-collapse-header').click();
    await motion.getByText('2号楼-1单元-102').waitFor();
    expect(await motion.innerText()).not.toContain('赵敏');
    await clerk2.getByTestId('recount').click();
    await clerk2.getByTestId('recount-result').getByText('按选票重新计票，结果与封存结果一致。').waitFor();
    await screenshot(clerk2, '19-vote-results-recount');

    // The same results on the public page, without logging in.
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`/p/${f.communityId}`);
    await visitor.getByTestId('public-notice').getByText('已结束，结果已公布').waitFor();
    await visitor.getByRole('link', { name: '查看表决结果' }).click();
    await visitor.getByTestId('motion-result').getByText('参与人数或面积不足，表决不成立').waitFor();
    await screenshot(visitor, '20-public-vote-results');
  });
});
