import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, DESKTOP } from '../../support/browser-chromium';
import { api, createPerson, type Person } from '../browser-api';
import { confirmDialog, expectText } from '../browser-ui';
import { Q2_BANK_CSV, Q2_ENTRIES } from '../finance-fixtures';
import { chainCast, itemAtAssembly, type ChainCast } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/**
 * 业委会主任: from the badge to an item waiting for its vote; drafts the notice with what it must state (scrutineers,
 * tellers, contact), edits it, publishes it after a confirmation — and sees it wait for its seals (publishing is the
 * sealing), with the next step and the way to move the window. Then, from the menu, he prints the activation letters of
 * the owners who have none (one page per owner), and from 我的待办 he asks for the committee seal on the quarter's
 * statement the three parties approved.
 */

let browser: Browser;
let page: Page;
let cast: ChainCast;
let itemId: string;
let statementId: string;

/** 2026 Q2 compiled by a member and approved by 居委会, the bank (its statement matches line for line) and the auditor. */
async function approvedStatement(): Promise<string> {
  const c = `/communities/${cast.communityId}`;
  const bank: Person = await createPerson(cast.admin, cast.communityId, '银行赵经理', ['bank_officer']);
  const auditor: Person = await createPerson(cast.admin, cast.communityId, '审计所钱会计', ['auditor']);
  for (const body of Q2_ENTRIES) await api('POST', `${c}/ledger-entries`, { token: cast.property.token, body });
  const statement = await api<{ id: string }>('POST', `${c}/statements`, { token: cast.clerk.token, body: { periodDate: '2026-05-15' } });
  const review = (who: Person) =>
    api('POST', `${c}/statements/${statement.id}/reviews`, { token: who.token, body: { decision: 'approve' } });
  await review(cast.residents);
  await api('POST', `${c}/statements/${statement.id}/bank-statement`, {
    token: bank.token,
    file: { name: 'bank.csv', content: Q2_BANK_CSV },
  });
  await review(bank);
  await review(auditor);
  return statement.id;
}

/**
 * The committee decides (director proposes, 李委员 confirms) that 王委员 keeps the committee seal too, and the director
 * hands him a key: whoever asks for a seal may not apply it to his own request, so the director's request needs him.
 */
async function secondCommitteeCustodian(): Promise<void> {
  const c = `/communities/${cast.communityId}`;
  const seals = await api<{ id: string; kind: string; status: string }[]>('GET', `${c}/seals`, { token: cast.director.token });
  const committeeSeal = seals.find((s) => s.kind === 'committee' && s.status === 'active')!;
  const proposal = await api<{ id: string }>('POST', `${c}/seals/${committeeSeal.id}/custody-proposals`, {
    token: cast.director.token,
    body: { userIds: [cast.director.userId, cast.clerk2.userId], note: '业委会会议决定由王委员共同保管业委会章' },
  });
  await api('POST', `${c}/seals/${committeeSeal.id}/custody-proposals/${proposal.id}/confirmation`, { token: cast.clerk.token });
  await api('PUT', `${c}/my-seal-pin`, { token: cast.clerk2.token, body: { pin: 'clerk2-journey-pin' } });
  await api('POST', `${c}/seals/${committeeSeal.id}/key-handovers`, { token: cast.director.token, body: { pin: 'director-journey-pin' } });
}

beforeAll(async () => {
  cast = await chainCast();
  // The seals are cut (their default custodians set PINs first), so publishing can ask for them at once.
  for (const who of [cast.director, cast.residents])
    await api('PUT', `/communities/${cast.communityId}/my-seal-pin`, { token: who.token, body: { pin: 'director-journey-pin' } });
  await api('POST', `/communities/${cast.communityId}/seals`, { token: cast.director.token, body: { term: 1 } });
  itemId = await itemAtAssembly(cast);
  statementId = await approvedStatement();
  browser = await launchChromium();
  page = await (await newContext(browser, DESKTOP)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: the director drafts, edits and publishes a notice', () => {
  test('from the login page and the badge (the item reached his stages) to the item', async () => {
    await loginToTodo(page, cast.communityId, cast.director.login, cast.director.password, 'director');
    await page.getByRole('menuitem', { name: '议题看板' }).click();
    await page.getByTestId('agenda-card').filter({ hasText: '动用维修资金更换 2 号楼水泵' }).click();
    await page.waitForURL(`**/c/${cast.communityId}/agenda/${itemId}`);
    await page.getByTestId('draft-vote').waitFor();
    await step(page, 'director', '03-item');
  });

  test('drafts the notice; Enter in a field does not save it', async () => {
    await page.getByTestId('draft-vote').click();
    await page.getByRole('heading', { name: '起草业主大会表决公告' }).waitFor();
    await page.getByTestId('vote-title').fill('2026 年第二次业主大会（草稿）');
    await page.getByTestId('vote-title').press('Enter');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe(`/c/${cast.communityId}/agenda/${itemId}/vote`);
    // What the notice must state: without scrutineers, tellers and a contact phone the draft is not saved.
    await page.getByTestId('save-vote-draft').click();
    await page.getByText('请填写监票人（业主代表等）').waitFor();
    await page.getByText('请填写联系电话').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${cast.communityId}/agenda/${itemId}/vote`);
    await page.getByTestId('notice-paper-place').fill('物业服务中心一楼业委会票箱');
    await page.getByTestId('notice-scrutineers').fill('欧阳甲、司马乙');
    await page.getByTestId('notice-tellers').fill('诸葛丙');
    await page.getByTestId('notice-contact-phone').fill('0571-88886666');
    await step(page, 'director', '04-draft-form');
    await page.getByTestId('save-vote-draft').click();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    await page.getByText('草稿（未公告）').waitFor();
    await step(page, 'director', '05-draft');
  });

  test('edits the draft, then publishes it after the confirmation says what will happen', async () => {
    await page.getByTestId('edit-vote-draft').click();
    await page.getByRole('heading', { name: '修改表决草稿' }).waitFor();
    await page.getByTestId('vote-title').fill('2026 年第二次业主大会');
    // The notice details come back as saved.
    expect(await page.getByTestId('notice-scrutineers').inputValue()).toBe('欧阳甲、司马乙');
    expect(await page.getByTestId('notice-contact-phone').inputValue()).toBe('0571-88886666');
    await step(page, 'director', '06-edit');
    await page.getByTestId('save-vote-draft').click();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /2026 年第二次业主大会$/ }).waitFor();
    await page.getByTestId('publish-notice').click();
    const consequence = page.getByTestId('confirm-consequence');
    await consequence.getByText('不能再修改或删除', { exact: false }).waitFor();
    await step(page, 'director', '07-confirm-publish');
    // Publishing registers the notice PDF and asks for its seals in the same step: allow it the time to render.
    await confirmDialog(page, { timeout: 60_000 });
    // Published, but public only once sealed: the page says so, the seals to come, and the next step.
    await page.getByText('已发布 · 待用章').first().waitFor();
    const sealing = page.getByTestId('notice-sealing');
    await sealing.getByText('公告日期即用章日期', { exact: false }).waitFor();
    await sealing.getByRole('button', { name: '调整投票时间' }).waitFor();
    expect(await page.getByTestId('edit-vote-draft').count()).toBe(0);
    await step(page, 'director', '08-published-awaiting-seals');
  });

  test('publishing asked for both seals itself: the page shows them to come and who applies each, no second step', async () => {
    // The system made the request at publishing, so the director — who keeps the committee seal — may apply it;
    // the assembly seal is the residents' committee's (one person never applies both).
    const state = page.getByTestId('notice-sealing').getByTestId('notice-seal-state');
    await state.getByText('业主大会章：待盖').waitFor();
    await state.getByText('业主委员会章：待盖').waitFor();
    const next = state.getByTestId('notice-seal-next');
    await next.getByText('系统', { exact: false }).waitFor();
    await next.getByText(`业主大会章由${cast.residents.name}用章`, { exact: false }).waitFor();
    await next.getByText(`业主委员会章由${cast.director.name}用章`, { exact: false }).waitFor();
    expect(await page.getByTestId('request-notice-seals').count()).toBe(0);
    await step(page, 'director', '09-seal-request-by-publishing');
  });

  test('from the menu he prints the activation letters of every owner without one: a PDF, one page per owner', async () => {
    await page.getByRole('menuitem', { name: '业主账号' }).click();
    await page.waitForURL(`**/c/${cast.communityId}/owner-accounts`);
    await page.getByRole('heading', { name: '业主账号' }).waitFor();
    const table = page.getByTestId('owner-accounts-table');
    await table.getByTestId('activation-status').first().waitFor();
    const notIssued = await table.getByTestId('activation-status').filter({ hasText: '未发放' }).count();
    expect(notIssued).toBeGreaterThan(0);
    const names = await table
      .locator('tbody tr')
      .filter({ has: page.getByTestId('activation-status').filter({ hasText: '未发放' }) })
      .locator('td:first-child')
      .allInnerTexts();
    await step(page, 'director', '10-owner-accounts');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('issue-all').click()]);
    expect(download.suggestedFilename()).toBe('激活通知书-全小区.pdf');
    const file = (await download.path())!;
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(notIssued);
    await page.locator('.ant-message').getByText(`已生成 ${notIssued} 份激活通知书`).waitFor();
    // Each page is one owner's letter: page n names one owner of the list, each owner once.
    const named = new Set<string>();
    for (let n = 1; n <= pages; n++) {
      const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
      const on = names.filter((name) => text.includes(name.trim()));
      expect(on.length).toBeGreaterThanOrEqual(1);
      on.forEach((name) => named.add(name));
    }
    expect(named.size).toBe(names.length);
    // Now issued; the same button prints nothing twice.
    await table.getByTestId('activation-status').filter({ hasText: '已发放' }).first().waitFor();
    expect(await table.getByTestId('activation-status').filter({ hasText: '未发放' }).count()).toBe(0);
    await step(page, 'director', '11-letters-issued');
  });

  test('from 我的待办 he asks for the committee seal on the approved statement; the page says it waits for the custodian', async () => {
    // Set up here, not in beforeAll: the notice tests above check who applies each seal while he is its only keeper.
    await secondCommitteeCustodian();
    await page.getByTestId('header-todo').click();
    await page.waitForURL(`**/c/${cast.communityId}/todo`);
    await page.getByTestId('todo-item').filter({ hasText: '收支报表待公示' }).getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(`**/c/${cast.communityId}/statements/${statementId}`);
    await page.getByRole('heading', { name: /2026年第二季度公共收益报表/ }).waitFor();
    await expectText(page.getByTestId('publication-state'), '三方审核已通过，待申请盖章公示');
    await step(page, 'director', '12-statement-approved');
    await page.getByTestId('request-publication').click();
    await page.getByRole('button', { name: '确认申请' }).click();
    await expectText(page.getByTestId('publication-state'), '已申请业委会章，等待印章保管人盖章');
    await page.getByTestId('publication-card').getByRole('link', { name: '用章待办' }).waitFor();
    expect(await page.getByTestId('request-publication').count()).toBe(0);
    await step(page, 'director', '13-statement-awaiting-seal');
  });
});
