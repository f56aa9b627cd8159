import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot } from '../support/browser-chromium';
import { api } from './browser-api';
import { expectText, openSignedIn, pick } from './browser-ui';
import { FIXTURE_SEAL_PIN, openVoteFixture, type VoteFixture } from './vote-fixtures';

/**
 * Duties no one person may do alone (issue 10): a written proxy entered by one committee member counts only once a
 * second confirms it, and its principal can revoke it; the residents' committee appoints the assembly seal's
 * custodian, who sets a seal PIN and receives the key; a custodian applies a seal only with the PIN.
 */

// The fixture's custodians set this PIN when it cut the seals for the notice.
const PIN = FIXTURE_SEAL_PIN;
let browser: Browser;
let f: VoteFixture;
const contexts: BrowserContext[] = [];
const pageOf = async (person: { login: string; password: string }, path: string): Promise<Page> => {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await openSignedIn(page, path, person.login, person.password);
  return page;
};
const tab = (page: Page, name: string) => page.locator('.ant-tabs-tab').filter({ hasText: name });
const formItem = (page: Page, label: string) => page.locator('.ant-form-item').filter({ hasText: label });

beforeAll(async () => {
  f = await openVoteFixture();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('a written proxy: one member records it, a second confirms it', () => {
  test('the clerk records 张伟’s proxy to the director; it waits for a second member', async () => {
    const clerk = await pageOf(f.clerk, `/c/${f.communityId}/votes/${f.voteId}`);
    await tab(clerk, '登记委托').click();
    await pick(clerk, formItem(clerk, '委托人（业主）').locator('.ant-select'), '张伟');
    await pick(clerk, formItem(clerk, '受托人').locator('.ant-select'), '陈主任');
    await formItem(clerk, '书面委托书编号').locator('input').fill('委托书 2026-001');
    // The answer to the submission, so that a refusal (or a form that never submitted) fails here with its reason.
    const answered = clerk.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/votes/${f.voteId}/proxies`));
    await clerk.getByTestId('submit-proxy').click();
    const answer = await answered.catch(async () => {
      throw new Error(`the proxy form did not submit: ${(await clerk.locator('.ant-form-item-explain').allInnerTexts()).join('; ')}`);
    });
    expect(`${answer.status()} ${await answer.text()}`).toMatch(/^201 .*"status":"pending"/);
    await clerk.locator('.ant-message').getByText('须由另一位委员核对委托书后生效').waitFor();
    await tab(clerk, '书面委托').click();
    const row = clerk.getByTestId('proxy-row').filter({ hasText: '张伟' });
    await expectText(row.getByTestId('proxy-status'), '待核对');
    await row.getByText('本人录入，须由另一位委员核对').waitFor();
    expect(await row.getByTestId('confirm-proxy').count()).toBe(0);
    await screenshot(clerk, 'duties-01-proxy-pending');
  });

  test('the second member confirms it against the form; the principal sees it and can revoke it', async () => {
    const clerk2 = await pageOf(f.clerk2, `/c/${f.communityId}/votes/${f.voteId}`);
    await tab(clerk2, '书面委托').click();
    const row = clerk2.getByTestId('proxy-row').filter({ hasText: '张伟' });
    await row.getByTestId('confirm-proxy').click();
    await expectText(row.getByTestId('proxy-status'), '已生效');
    await row.getByText(/核对：王委员/).waitFor();
    await screenshot(clerk2, 'duties-02-proxy-confirmed');

    const owner = await pageOf(f.owner, `/c/${f.communityId}/my-votes/${f.voteId}`);
    const card = owner.getByTestId('my-proxy');
    await expectText(card.getByTestId('my-proxy-status'), '已生效');
    await card.getByText('陈主任').waitFor();
    await card.getByTestId('revoke-proxy').click();
    await owner.getByRole('button', { name: '确认撤销' }).click();
    await expectText(card.getByTestId('my-proxy-status'), '委托人已撤销');
    await screenshot(owner, 'duties-03-proxy-revoked');
  });
});

describe('seals: custody by the right party, keys opened only by the custodian PIN', () => {
  let documentNumber: string;

  // The fixture cut the term's seals (the notice carries them) with the custodians' PIN.

  test('the residents committee appoints a second assembly-seal custodian, who sets a PIN and receives the key', async () => {
    const residents = await pageOf(f.residents, `/c/${f.communityId}/seals`);
    const custody = residents.getByTestId('custody-assembly');
    await custody.getByTestId('appoint-assembly').click();
    await pick(residents, residents.locator('.ant-modal').getByLabel('保管人'), '李委员');
    // Close the multi-select's dropdown (it covers the footer) before saving.
    await residents.locator('.ant-modal-title').click();
    await residents.locator('.ant-select-dropdown').first().waitFor({ state: 'hidden' });
    await residents.getByRole('button', { name: '保存' }).click();
    await custody.getByTestId('custodian-key').filter({ hasText: '李委员：待交接密钥' }).waitFor();
    await screenshot(residents, 'duties-04-custodian-appointed');

    const clerk = await pageOf(f.clerk, `/c/${f.communityId}/seals`);
    await clerk.getByTestId('new-seal-pin').fill('clerk-pin-1357');
    await clerk.getByTestId('new-seal-pin-again').fill('clerk-pin-1357');
    await clerk.getByTestId('save-seal-pin').click();
    await clerk.getByTestId('seal-pin-set').waitFor();
    // The director sees no way to appoint assembly-seal custodians.
    const director = await pageOf(f.director, `/c/${f.communityId}/seals`);
    await director.getByTestId('custody-assembly').waitFor();
    expect(await director.getByTestId('appoint-assembly').count()).toBe(0);

    await residents.reload();
    await custody.getByTestId('hand-over').click();
    await residents.locator('.ant-modal').getByLabel('用章密码').fill(PIN);
    await residents.locator('.ant-modal-footer').getByRole('button', { name: '交接', exact: true }).click();
    await custody.getByTestId('custodian-key').filter({ hasText: '李委员：持有密钥' }).waitFor();
    await screenshot(residents, 'duties-05-key-handed-over');
  });

  test('the director applies the committee seal in the inbox only with his PIN', async () => {
    // The last half-year's 用章登记公示 carries the committee seal only (the chain meetings' minutes carry no seal
    // at all: their attendees confirm them), so the director's committee seal is the one application it needs.
    const now = new Date();
    const last = now.getUTCMonth() >= 6 ? { year: now.getUTCFullYear(), half: 1 } : { year: now.getUTCFullYear() - 1, half: 2 };
    const doc = await api<{ id: string; number: string }>('POST', `/communities/${f.communityId}/seal-log/reports`, {
      token: f.clerk2.token,
      body: last,
    });
    documentNumber = doc.number;
    await api('POST', `/communities/${f.communityId}/seal-requests`, {
      token: f.clerk2.token,
      body: { documentId: doc.id },
    });

    const director = await pageOf(f.director, `/c/${f.communityId}/seal-inbox`);
    const card = director.getByTestId('seal-request').filter({ hasText: documentNumber });
    await card.getByTestId('apply-committee').click();
    await director.getByTestId('seal-pin').fill('not-my-pin-000');
    await director.getByRole('button', { name: '确认用章' }).click();
    await director.locator('.ant-message').getByText('用章密码不正确').waitFor();
    await expectText(card.getByTestId('seal-state-committee'), '业委会章：待盖');
    await director.getByTestId('seal-pin').fill(PIN);
    await screenshot(director, 'duties-06-seal-pin-prompt');
    await director.getByRole('button', { name: '确认用章' }).click();
    await director.getByTestId('closed-requests').getByText(documentNumber).waitFor();
    await screenshot(director, 'duties-07-sealed');
  });
});

describe('the rulebook: drafted by a member, in force only through a decision', () => {
  test('a member drafts a higher proxy cap; it changes nothing until the residents committee confirms the first rulebook', async () => {
    const clerk = await pageOf(f.clerk, `/c/${f.communityId}/rulebook`);
    await expectText(clerk.getByTestId('setting-proxyCap'), '3');
    await clerk.getByLabel('每人受托上限').fill('5');
    await formItem(clerk, '修订说明').locator('input').fill('提高每人受托上限，方便高龄业主委托');
    await clerk.getByTestId('save-draft').click();
    const draft = clerk.getByTestId('draft').filter({ hasText: '提高每人受托上限' });
    await draft.getByText('草案，未生效').waitFor();
    await expectText(clerk.getByTestId('setting-proxyCap'), '3');
    expect(await draft.getByTestId('confirm-first').count()).toBe(0);
    await screenshot(clerk, 'duties-08-rulebook-draft');

    const residents = await pageOf(f.residents, `/c/${f.communityId}/rulebook`);
    const pending = residents.getByTestId('draft').filter({ hasText: '提高每人受托上限' });
    await pending.getByTestId('confirm-first').click();
    await pending.getByText('已生效').waitFor();
    await expectText(residents.getByTestId('setting-proxyCap'), '5');
    await residents.getByTestId('versions').getByText('居委会确认（首版）').waitFor();
    await screenshot(residents, 'duties-09-rulebook-confirmed');
  });

  test('a member drafts faster 接诉即办 limits for small repairs; the draft says what changes, the rules in force stay', async () => {
    const clerk = await pageOf(f.clerk, `/c/${f.communityId}/rulebook`);
    const inForce = clerk.getByTestId('current-rulebook').getByTestId('request-rules');
    await inForce.getByText('5 分钟内接单，20 分钟内办结').first().waitFor();
    await clerk.getByLabel('小修小补接单时限（分钟）').fill('3');
    await clerk.getByLabel('小修小补办结时限（分钟）').fill('15');
    await formItem(clerk, '修订说明').locator('input').fill('小修小补提速：3 分钟接单、15 分钟修好');
    await clerk.getByTestId('save-draft').click();
    const draft = clerk.getByTestId('draft').filter({ hasText: '小修小补提速' });
    await draft.getByText('草案，未生效').waitFor();
    await draft.getByText(/接诉即办时限：小修小补：3 分钟内接单，15 分钟内办结/).waitFor();
    // Nothing changed yet: the rules in force are as before.
    await inForce.getByText('5 分钟内接单，20 分钟内办结').first().waitFor();
    await screenshot(clerk, 'duties-10-request-rules-draft');
  });

  test('the director drafts hearing results under the assembly seal too; the rulebook in force still lists none', async () => {
    const director = await pageOf(f.director, `/c/${f.communityId}/rulebook`);
    await expectText(director.getByTestId('setting-assemblySealKinds'), '无（仅业主大会自己的文书）');
    const kinds = director.getByTestId('assembly-seal-kinds');
    // Only results and reports can be listed: the meetings' own minutes are not offered.
    expect(await kinds.getByText('联席会议纪要').count()).toBe(0);
    await kinds.getByLabel('评审结果公示').check();
    await formItem(director, '修订说明').locator('input').fill('评审结果公示加盖业主大会章');
    await director.getByTestId('save-draft').click();
    const draft = director.getByTestId('draft').filter({ hasText: '评审结果公示加盖业主大会章' });
    await draft.getByText('草案，未生效').waitFor();
    await draft.getByText('另加盖业主大会章的文书：评审结果公示').waitFor();
    await expectText(director.getByTestId('setting-assemblySealKinds'), '无（仅业主大会自己的文书）');
    await screenshot(director, 'duties-11-assembly-seal-kinds-draft');
  });
});
