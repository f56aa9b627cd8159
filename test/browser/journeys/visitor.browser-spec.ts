import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { adminToken, api, createPerson } from '../browser-api';
import { financeCast, Q2_BANK_CSV, Q2_ENTRIES, type FinanceCast } from '../finance-fixtures';
import { openVoteFixture, type VoteFixture } from '../vote-fixtures';
import { JOURNEY_DIR, step } from './journey-support';

/**
 * A visitor (no account) on a phone: from the login page to 小区公示, opens an assembly notice as text and the
 * audited statement, downloads the statement's sealed PDF and verifies it at 文件核验.
 */

let browser: Browser;
let page: Page;
let votes: VoteFixture;
let money: FinanceCast;
const SEAL_PIN = 'visitor-seal-pin';

beforeAll(async () => {
  votes = await openVoteFixture();
  money = await financeCast();
  await sealedStatement(money);
  browser = await launchChromium();
  page = await (await newContext(browser, { ...PHONE, acceptDownloads: true })).newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** An audited statement published the real way: the committee requests publication, the director applies the seal. */
async function sealedStatement(cast: FinanceCast): Promise<void> {
  const c = `/communities/${cast.communityId}`;
  const director = await createPerson(await adminToken(), cast.communityId, '陈主任', ['committee_director']);
  // The default custodians set their own seal PINs first: the new keys are wrapped for them at issue.
  for (const who of [director, cast.residents]) await api('PUT', `${c}/my-seal-pin`, { token: who.token, body: { pin: SEAL_PIN } });
  await api('POST', `${c}/seals`, { token: director.token, body: { term: 1 } });
  for (const body of Q2_ENTRIES) await api('POST', `${c}/ledger-entries`, { token: cast.property.token, body });
  const statement = await api<{ id: string }>('POST', `${c}/statements`, { token: cast.clerk.token, body: { periodDate: '2026-05-15' } });
  const review = (token: string) => api('POST', `${c}/statements/${statement.id}/reviews`, { token, body: { decision: 'approve' } });
  await review(cast.residents.token);
  await api('POST', `${c}/statements/${statement.id}/bank-statement`, {
    token: cast.bank.token,
    file: { name: 'bank.csv', content: Q2_BANK_CSV },
  });
  await review(cast.bank.token);
  await review(cast.auditor.token);
  await api('POST', `${c}/statements/${statement.id}/publication`, { token: cast.clerk.token });
  const pending = await api<{ id: string }[]>('GET', `${c}/seal-requests?status=pending`, { token: director.token });
  await api('POST', `${c}/seal-requests/${pending[0].id}/applications`, {
    token: director.token,
    body: { kind: 'committee', pin: SEAL_PIN },
  });
}

describe('journey: a visitor reads the public page and verifies a PDF', () => {
  test('the login page links 小区公示; the visitor finds the community and opens a notice as text', async () => {
    await page.goto('/login');
    await step(page, 'visitor', '01-login');
    await page.getByTestId('login-public-link').click();
    await page.waitForURL('**/p');
    await page.getByLabel('按小区名称查找').fill(votes.communityName);
    await page.getByRole('link', { name: new RegExp(votes.communityName) }).click();
    await page.waitForURL(`**/p/${votes.communityId}`);
    await step(page, 'visitor', '02-public');
    await page.getByTestId('open-public-notice').first().click();
    await page.waitForURL(`**/p/${votes.communityId}/notices/${votes.voteId}`);
    const text = page.getByTestId('public-notice-text');
    await text.getByText('2026 年第一次业主大会').waitFor();
    await text.getByText('动用维修资金 45,000.00 元更换 2 号楼生活水泵一台。').waitFor();
    await step(page, 'visitor', '03-notice-text');
  });

  test('opens the audited statement and verifies its sealed PDF', async () => {
    await page.goto(`/p/${money.communityId}`);
    const statement = page.getByTestId('public-statement').first();
    await statement.waitFor();
    await step(page, 'visitor', '04-statement');
    const [download] = await Promise.all([page.waitForEvent('download'), statement.getByText('下载盖章 PDF').click()]);
    const file = join(JOURNEY_DIR, 'visitor-statement.pdf');
    await download.saveAs(file);
    await page.goto('/login');
    await page.getByTestId('login-verify-link').click();
    await page.waitForURL('**/verify');
    await page.locator('input[type=file]:not([disabled])').setInputFiles(file);
    // The verifier gives one verdict (libs/pdf/src/verdict.ts); a genuine sealed statement is 真实有效.
    await page
      .getByTestId('verify-report')
      .getByTestId('verdict')
      .getByText('真实有效：与登记的盖章定稿完全一致')
      .waitFor({ timeout: 30_000 });
    await step(page, 'visitor', '05-verified');
    writeFileSync(join(JOURNEY_DIR, 'visitor-verified.txt'), await page.locator('main').innerText());
  });
});
