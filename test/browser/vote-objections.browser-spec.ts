import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot } from '../support/browser-chromium';
import { api, withDatabase } from './browser-api';
import { confirmDialog, openSignedIn, pick } from './browser-ui';
import { closeVoteNow, openVoteFixture, type VoteFixture } from './vote-fixtures';

/**
 * 询异 after the close: the vote closes and its preliminary result is posted with a 3-day objection period. The owner
 * 张伟 finds the window in 我的待办 and files an objection for one of his units; the director finds it in 我的待办,
 * answers it; once the period has run a committee member (李委员) publishes the final 表决结果公告, which goes for
 * both seals — not the director, who keeps the committee seal and may not apply it to his own request. The owner
 * then sees the answer on the results page.
 */

let browser: Browser;
let owner: Page;
let director: Page;
let clerk: Page;
let f: VoteFixture;

beforeAll(async () => {
  f = await openVoteFixture();
  await api('POST', `/communities/${f.communityId}/votes/${f.voteId}/ballots`, {
    token: f.owner.token,
    body: { choices: [{ motionId: f.motionId, choice: 'yes' }] },
  });
  await closeVoteNow(f.communityId, f.voteId, f.clerk.token);
  // The seals of the term were cut by the fixture (the notice carries them), so the final announcement can go for sealing.
  browser = await launchChromium();
  owner = await (await newContext(browser)).newPage();
  director = await (await newContext(browser)).newPage();
  clerk = await (await newContext(browser)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('objections to the preliminary result', () => {
  test('the owner files an objection from 我的待办 during the objection period', async () => {
    await openSignedIn(owner, `/c/${f.communityId}/todo`, f.owner.login, f.owner.password);
    const task = owner.getByTestId('todo-item').filter({ hasText: '初步统计结果公示中，可提出异议' });
    await task.waitFor();
    await screenshot(owner, 'objections-01-owner-todo');
    await task.getByRole('button', { name: '去办理' }).click();
    await owner.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}/objections`);
    await owner.getByTestId('result-stage').getByText('初步统计结果公示中').waitFor();
    await owner.getByTestId('objection-text').fill('1号楼101的面积应为 89.60 平方米，请复核计票面积。');
    await pick(owner, owner.getByTestId('objection-unit'), '101');
    await screenshot(owner, 'objections-02-owner-form');
    await owner.getByTestId('objection-submit').click();
    await confirmDialog(owner);
    const filed = owner.getByTestId('objection').filter({ hasText: '请复核计票面积' });
    await filed.getByText('我提出的').waitFor();
    await filed.getByText('待业主委员会答复').waitFor();
    await screenshot(owner, 'objections-03-owner-filed');
  });

  test('the director answers it; the final announcement waits for the end of the period', async () => {
    await openSignedIn(director, `/c/${f.communityId}/todo`, f.director.login, f.director.password);
    const task = director.getByTestId('todo-item').filter({ hasText: '表决结果异议待答复' });
    await task.getByText('1 件异议尚未答复').waitFor();
    await task.getByRole('button', { name: '去办理' }).click();
    await director.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}/objections`);
    const objection = director.getByTestId('objection').filter({ hasText: '请复核计票面积' });
    await objection.getByText('张伟').waitFor();
    expect(await director.getByTestId('final-issue').isDisabled()).toBe(true);
    await objection.getByTestId('answer-text').fill('经核对不动产登记簿，该户面积为 89.50 平方米，计票无误。');
    await screenshot(director, 'objections-04-director-answer');
    await objection.getByTestId('answer-submit').click();
    await confirmDialog(director);
    await objection.getByTestId('objection-answer').getByText('计票无误').waitFor();
    // Still inside the period: nothing to publish yet.
    await director
      .getByTestId('final-card')
      .getByText(/届满后才能发布/)
      .waitFor();
    expect(await director.getByTestId('final-issue').isDisabled()).toBe(true);
  });

  test('on the item page, no new vote can be drafted while the final result is pending, and the page says why', async () => {
    await director.goto(`/c/${f.communityId}/agenda/${f.itemId}`);
    const waiting = director.getByTestId('draft-vote-waiting');
    await waiting.getByText(/结果尚未确定（询异期至 \d{4}年/).waitFor();
    await waiting.getByText(/表决结果公告发布后才能再次起草表决/).waitFor();
    expect(await waiting.getByTestId('draft-vote').isDisabled()).toBe(true);
    await waiting.getByRole('link', { name: '查看询异情况' }).click();
    await director.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}/objections`);
  });

  test('after the period a committee member publishes the final result, which goes for both seals', async () => {
    // Only time moves: the objection period ends a minute ago instead of in three days.
    await withDatabase((db) =>
      db.query(`UPDATE assembly_votes SET objection_ends_at = now() - interval '1 minute' WHERE id = $1`, [f.voteId]),
    );
    await openSignedIn(clerk, `/c/${f.communityId}/todo`, f.clerk.login, f.clerk.password);
    const task = clerk.getByTestId('todo-item').filter({ hasText: '询异期已满，待发布表决结果公告' });
    await task.getByRole('button', { name: '去办理' }).click();
    await clerk.waitForURL(`**/c/${f.communityId}/votes/${f.voteId}/objections`);
    await clerk.getByTestId('result-stage').getByText('询异期已结束，待发布表决结果公告').waitFor();
    await clerk.getByTestId('final-scrutineers').fill('王委员、居委会刘主任');
    await clerk.getByTestId('final-counters').fill('李委员');
    await screenshot(clerk, 'objections-05-clerk-final');
    await clerk.getByTestId('final-issue').click();
    // Issuing renders the announcement PDF, slow on a loaded machine (the first run here took over 15 s).
    await confirmDialog(clerk, { timeout: 60_000 });
    await clerk
      .getByTestId('final-issued')
      .getByText(/表决结果公告 GY-\S+ 已发布，已申请加盖业主大会章与业委会章/)
      .waitFor();
    // The page says which seals each announcement needs, which are on, and who keeps the missing ones.
    const seals = clerk.getByTestId('result-seals').getByTestId('document-seal-state');
    const preliminary = seals.filter({ hasText: '初步统计结果公示' });
    await preliminary.getByTestId('seal-committee').getByText('业主委员会章：待盖').waitFor();
    const final = seals.filter({ hasText: '表决结果公告' });
    await final.getByTestId('seal-assembly').getByText('业主大会章：待盖').waitFor();
    await final.getByTestId('seal-committee').getByText('业主委员会章：待盖').waitFor();
    await final
      .getByTestId('document-seal-next')
      .getByText(/业主大会章由[^；]*居委会刘主任[^；]*用章/)
      .waitFor();
    await screenshot(clerk, 'objections-06-final-issued');
    // The residents' committee (assembly seal custodian) now has the final announcement waiting for its seal.
    const status = await api<{ finalDocument: { id: string; status: string } }>(
      'GET',
      `/communities/${f.communityId}/votes/${f.voteId}/objections`,
      {
        token: f.director.token,
      },
    );
    expect(status.finalDocument.status).toBe('draft');
    const pending = await api<{ documentId: string; status: string }[]>(
      'GET',
      `/communities/${f.communityId}/seal-requests?status=pending`,
      {
        token: f.residents.token,
      },
    );
    expect(pending.filter((r) => r.documentId === status.finalDocument.id)).toHaveLength(1);
  });

  test('the owner reads the answer on the results page, where the result is not yet final', async () => {
    await owner.goto(`/c/${f.communityId}/votes/${f.voteId}/results`);
    const banner = owner.getByTestId('result-stage-banner');
    await banner.getByText('答复：经核对不动产登记簿，该户面积为 89.50 平方米，计票无误。').waitFor();
    await banner.getByText(/询异期已结束，表决结果以业主委员会发布并用章的表决结果公告为准/).waitFor();
    await screenshot(owner, 'objections-07-owner-results');
  });
});
