import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { adminToken, api, createPerson, type Person } from './browser-api';
import { confirmDialog, expectText, pagesPerPerson } from './browser-ui';
import { financeCast, Q2_BANK_CSV, Q2_ENTRIES, type FinanceCast } from './finance-fixtures';

/**
 * From an audited quarter to the public page: the director compiles 2026 Q2, the three parties approve, the director
 * requests the committee seal from the statement page, the seal's custodian (appointed by two committee members, key
 * handed over by the director) applies it from 用章待办 with his own PIN, and a visitor on a phone opens the public
 * page and downloads the sealed PDF, the CSV and the XLSX.
 */

const PIN = 'publish-pin-2468';
const CUSTODIAN_PIN = 'custodian-pin-1357';
let browser: Browser;
let cast: FinanceCast;
let director: Person;
let custodian: Person;
let statementPath: string;
const as = pagesPerPerson(() => browser);

async function setDate(page: Page, date: string): Promise<void> {
  const input = page.locator('.ant-picker input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

beforeAll(async () => {
  cast = await financeCast();
  const admin = await adminToken();
  director = await createPerson(admin, cast.communityId, '陈主任', ['committee_director']);
  custodian = await createPerson(admin, cast.communityId, '王委员', ['committee_member']);
  const c = `/communities/${cast.communityId}`;
  for (const body of Q2_ENTRIES) await api('POST', `${c}/ledger-entries`, { token: cast.property.token, body });
  // The default custodians set their own PINs, so the term's seals are issued with keys wrapped for them.
  for (const who of [director, cast.residents]) await api('PUT', `${c}/my-seal-pin`, { token: who.token, body: { pin: PIN } });
  await api('POST', `${c}/seals`, { token: director.token, body: { term: 1 } });
  const seals = await api<{ id: string; kind: string; status: string }[]>('GET', `${c}/seals`, { token: director.token });
  const committeeSeal = seals.find((s) => s.kind === 'committee' && s.status === 'active')!;
  // 王委员 becomes a committee-seal custodian by a two-member decision (the director proposes, 李委员 confirms), sets
  // his own PIN, and the director, who holds the key, hands a copy over under his PIN.
  const proposal = await api<{ id: string }>('POST', `${c}/seals/${committeeSeal.id}/custody-proposals`, {
    token: director.token,
    body: { userIds: [director.userId, custodian.userId], note: '业委会会议决定由王委员保管业委会章' },
  });
  await api('POST', `${c}/seals/${committeeSeal.id}/custody-proposals/${proposal.id}/confirmation`, { token: cast.clerk.token });
  await api('PUT', `${c}/my-seal-pin`, { token: custodian.token, body: { pin: CUSTODIAN_PIN } });
  await api('POST', `${c}/seals/${committeeSeal.id}/key-handovers`, { token: director.token, body: { pin: PIN } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('publishing an audited statement from its page', () => {
  test('the director compiles the ended quarter; the current one is refused with the reason', async () => {
    const page = await as(director, `/c/${cast.communityId}/statements`);
    await setDate(page, new Date().toISOString().slice(0, 10));
    await page.getByTestId('submit-statement').click();
    await confirmDialog(page);
    await page.locator('.ant-message').getByText('尚未结束').waitFor();
    await setDate(page, '2026-05-15');
    await page.getByTestId('submit-statement').click();
    await confirmDialog(page);
    await page.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
    statementPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /2026年第二季度公共收益报表/ }).waitFor();
    await expectText(page.getByTestId('opening-check'), '期初余额 ¥0.00（首份报表）');
    await expectText(page.getByTestId('publication-state'), '审核中');
  });

  test('the three parties approve in order', async () => {
    const residents = await as(cast.residents, `/c/${cast.communityId}/audit`);
    await residents.getByTestId('audit-item').getByTestId('approve-statement').click();
    await confirmDialog(residents);
    await residents.getByText('目前没有等待您审核的报表').waitFor();
    const statementId = statementPath.split('/').pop()!;
    await api('POST', `/communities/${cast.communityId}/statements/${statementId}/bank-statement`, {
      token: cast.bank.token,
      file: { name: 'bank.csv', content: Q2_BANK_CSV },
    });
    const bank = await as(cast.bank, `${statementPath}/reconciliation`);
    await expectText(bank.getByTestId('bank-sign-off'), '全部已核对，签字通过');
    await bank.getByTestId('bank-sign-off').click();
    await confirmDialog(bank);
    await bank.getByTestId('bank-sign-off').waitFor({ state: 'detached' });
    const auditor = await as(cast.auditor, `/c/${cast.communityId}/audit`);
    await auditor.getByTestId('audit-item').getByTestId('approve-statement').click();
    await confirmDialog(auditor);
    await auditor.getByText('目前没有等待您审核的报表').waitFor();
  });

  test('the director requests the seal from the statement page; the page says what comes next', async () => {
    const page = await as(director, statementPath);
    await expectText(page.getByTestId('publication-state'), '三方审核已通过，待申请盖章公示');
    await page.getByTestId('request-publication').click();
    await page.getByRole('button', { name: '确认申请' }).click();
    await expectText(page.getByTestId('publication-state'), '已申请业委会章，等待印章保管人盖章');
    await page.getByTestId('publication-card').getByRole('link', { name: '用章待办' }).waitFor();
    await screenshot(page, '34-statement-awaiting-seal');
  });

  test('the custodian applies the committee seal from the seal inbox and the statement is published', async () => {
    const inbox = await as(custodian, `/c/${cast.communityId}/seal-inbox`);
    const card = inbox.getByTestId('seal-request').filter({ hasText: '2026年第二季度' });
    await card.getByTestId('apply-committee').click();
    await inbox.getByTestId('seal-pin').fill(CUSTODIAN_PIN);
    await inbox.getByRole('button', { name: '确认用章' }).click();
    await inbox.getByTestId('closed-requests').getByText('2026年第二季度').waitFor();
    const page = await as(director, statementPath);
    await page
      .getByTestId('publication-state')
      .filter({ hasText: /^已公示：\d{4}年\d{1,2}月\d{1,2}日 起，公示至 \d{4}年\d{1,2}月\d{1,2}日$/ })
      .waitFor();
    await expectText(page.getByTestId('statement-status'), '已公示');
  });

  test('a visitor on a phone opens the public page and downloads PDF, CSV and XLSX', async () => {
    const phone = await newContext(browser, PHONE);
    const page = await phone.newPage();
    await page.goto(`/p/${cast.communityId}`);
    expect(new URL(page.url()).pathname).toBe(`/p/${cast.communityId}`);
    const statement = page.getByTestId('public-statement');
    await statement.getByText('2026年第二季度公共收益报表').waitFor();
    await statement
      .getByTestId('posting-period')
      .filter({ hasText: /^公示期：\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日$/ })
      .waitFor();
    await expectText(statement.getByTestId('total-closingFen'), '¥9,700.50');
    await screenshot(page, 'phone-35-public-statement-published');
    const download = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), statement.getByTestId(testId).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const pdf = await download('download-pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = await download('download-csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8')).toContain('期末余额,,,,,9700.50');
    const xlsx = await download('download-xlsx');
    expect(xlsx.name).toMatch(/2026年第二季度\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await phone.close();
  });
});
