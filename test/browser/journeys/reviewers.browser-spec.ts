import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { api } from '../browser-api';
import { confirmDialog } from '../browser-ui';
import { financeCast, Q2_BANK_CSV, Q2_ENTRIES, type FinanceCast } from '../finance-fixtures';
import { loginToTodo, step } from './journey-support';

/** The three reviewers (居委会, bank, audit firm) each find the statement in 我的待办 and sign it off in turn. */

let browser: Browser;
let cast: FinanceCast;
let statementId: string;

beforeAll(async () => {
  cast = await financeCast();
  const c = `/communities/${cast.communityId}`;
  for (const body of Q2_ENTRIES) await api('POST', `${c}/ledger-entries`, { token: cast.property.token, body });
  statementId = (await api<{ id: string }>('POST', `${c}/statements`, { token: cast.clerk.token, body: { periodDate: '2026-05-15' } })).id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openTask(who: { login: string; password: string }, role: string, stage: string): Promise<Page> {
  const page = await (await newContext(browser, PHONE)).newPage();
  await loginToTodo(page, cast.communityId, who.login, who.password, role);
  await page
    .getByRole('region', { name: '待办事项' })
    .getByTestId('todo-item')
    .filter({ hasText: `${stage}：收支报表` })
    .getByRole('button', { name: '去办理' })
    .click();
  await page.waitForURL(`**/c/${cast.communityId}/statements/${statementId}`);
  await step(page, role, '03-statement');
  return page;
}

describe('journey: three reviewers audit a statement', () => {
  test('居委会 approves after the confirmation', async () => {
    const page = await openTask(cast.residents, 'reviewer-residents', '居委会审核');
    await page.getByTestId('approve-statement').click();
    await step(page, 'reviewer-residents', '04-confirm');
    await confirmDialog(page);
    await page.getByTestId('statement-status').getByText('待银行对账').waitFor();
    await step(page, 'reviewer-residents', '05-approved');
  });

  test('the bank uploads its statement, finds no difference and signs off', async () => {
    const page = await openTask(cast.bank, 'reviewer-bank', '银行对账');
    await page.getByTestId('go-reconcile').click();
    await page.waitForURL(/\/reconciliation$/);
    await page.locator('input[type=file]').setInputFiles({ name: '银行流水.csv', mimeType: 'text/csv', buffer: Q2_BANK_CSV });
    await page.getByTestId('bank-sign-off').getByText('全部已核对，签字通过').waitFor();
    await step(page, 'reviewer-bank', '04-reconciled');
    await page.getByTestId('bank-sign-off').click();
    await confirmDialog(page);
    await page.getByTestId('bank-sign-off').waitFor({ state: 'detached' });
    await step(page, 'reviewer-bank', '05-signed');
  });

  test('the audit firm approves; the statement waits for publication', async () => {
    const page = await openTask(cast.auditor, 'reviewer-audit', '审计机构审计');
    await page.getByTestId('approve-statement').click();
    await confirmDialog(page);
    await page.getByTestId('statement-status').getByText('审核通过，待公示').waitFor();
    await step(page, 'reviewer-audit', '05-approved');
  });
});
