import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { api } from '../browser-api';
import { openVoteFixture, type VoteFixture } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/** 第二位委员: another member entered a paper ballot; he is told, finds it in 我的待办 and confirms it against the paper. */

let browser: Browser;
let page: Page;
let f: VoteFixture;
let grantor: string;

beforeAll(async () => {
  f = await openVoteFixture();
  const c = `/communities/${f.communityId}`;
  const canvass = await api<{ buildings: { electors: { electorId: string; name: string }[] }[] }>(
    'GET',
    `${c}/votes/${f.voteId}/canvassing`,
    {
      token: f.clerk.token,
    },
  );
  const electors = canvass.buildings.flatMap((b) => b.electors);
  const elector = electors.find((e) => e.name === '赵敏')!;
  await api('POST', `${c}/votes/${f.voteId}/paper-ballots`, {
    token: f.clerk.token,
    body: { electorId: elector.electorId, paperRef: '2幢-001', choices: [{ motionId: f.motionId, choice: 'yes' }] },
  });
  // The clerk also entered a written proxy (to the director): it waits for a second member too.
  grantor = electors.find((e) => e.name !== '赵敏')!.name;
  await api('POST', `${c}/votes/${f.voteId}/proxies`, {
    token: f.clerk.token,
    body: { electorId: electors.find((e) => e.name === grantor)!.electorId, holderUserId: f.director.userId, authorisation: '委托书-001' },
  });
  browser = await launchChromium();
  page = await (await newContext(browser, PHONE)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: the second clerk confirms a paper ballot', () => {
  test('from the badge to the pending paper ballot', async () => {
    await loginToTodo(page, f.communityId, f.clerk2.login, f.clerk2.password, 'second-clerk');
    await page
      .getByRole('region', { name: '待办事项' })
      .getByTestId('todo-item')
      .filter({ hasText: '纸质表决票待核对' })
      .getByRole('button', { name: '去办理' })
      .click();
    await page.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}`);
    await page.locator('.ant-tabs-tab').filter({ hasText: '待核对（1）' }).click();
    const pending = page.getByTestId('pending-row').filter({ hasText: '2号楼-1单元-102' });
    await pending.getByText('议案 1：赞成').waitFor();
    await step(page, 'second-clerk', '03-pending');
  });

  test('confirms it: it counts, and the task is gone', async () => {
    const pending = page.getByTestId('pending-row').filter({ hasText: '2号楼-1单元-102' });
    await pending.getByTestId('confirm-paper').click();
    await pending.waitFor({ state: 'detached' });
    await page.getByTestId('heads-bar-1-value').getByText('1', { exact: true }).waitFor();
    await step(page, 'second-clerk', '04-confirmed');
    await page.goto(`/c/${f.communityId}/todo`);
    await page.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(await page.getByRole('region', { name: '待办事项' }).getByText('纸质表决票待核对').count()).toBe(0);
  });

  test('confirms the written proxy from 我的待办 against the signed form', async () => {
    await page
      .getByRole('region', { name: '待办事项' })
      .getByTestId('todo-item')
      .filter({ hasText: '书面委托待核对' })
      .getByRole('button', { name: '去办理' })
      .click();
    await page.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}`);
    await page.locator('.ant-tabs-tab').filter({ hasText: '书面委托（1 份未核对）' }).click();
    const row = page.getByTestId('proxy-row').filter({ hasText: grantor });
    await step(page, 'second-clerk', '05-proxy-pending');
    await row.getByTestId('confirm-proxy').click();
    await row.getByTestId('proxy-status').getByText('已生效').waitFor();
    await step(page, 'second-clerk', '06-proxy-confirmed');
    await page.goto(`/c/${f.communityId}/todo`);
    await page.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(await page.getByRole('region', { name: '待办事项' }).getByText('书面委托待核对').count()).toBe(0);
  });
});
