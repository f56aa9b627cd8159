import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../support/browser-chromium';
import { api, csvWithBom } from './browser-api';
import { expectText, pagesPerPerson, pick, confirmDialog } from './browser-ui';
import { financeCast, Q2_ENTRIES, type FinanceCast } from './finance-fixtures';

/**
 * Public income from ledger to audited statement, in the browser: the property company records income (typed in
 * yuan, stored in fen) and corrects a wrong entry by reversal; a committee member compiles the quarter; the
 * residents' committee approves from its inbox; the bank uploads its account statement, explains each difference on
 * either side and signs off; the audit firm approves.
 */

let browser: Browser;
let cast: FinanceCast;
let statementUrl: string;
const as = pagesPerPerson(() => browser);

async function setDate(picker: Locator, date: string): Promise<void> {
  const input = picker.locator('input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const rows = (page: Page) => page.locator('[data-testid="ledger-table"] .ant-table-tbody tr.ant-table-row');

beforeAll(async () => {
  cast = await financeCast();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('public income and the three-party audit', () => {
  test('the property company records income in yuan and corrects a wrong entry by reversal', async () => {
    const page = await as(cast.property, `/c/${cast.communityId}/ledger`);
    await page.getByTestId('add-entry').click();
    const dialog = page.getByRole('dialog', { name: '记一笔公共收益台账' });
    await dialog.getByLabel('类别').fill('电梯广告');
    await dialog.getByTestId('entry-amount').fill('12,000.00');
    await setDate(dialog.locator('.ant-picker'), '2026-04-03');
    await dialog.getByTestId('entry-counterparty').fill('某某传媒有限公司');
    await dialog.getByTestId('entry-evidence').fill('AD-04');
    await dialog.getByTestId('entry-submit').click();
    await rows(page).filter({ hasText: '电梯广告' }).getByText('¥12,000.00').waitFor();
    const stored = await api<{ amountFen: string; entryDate: string }[]>('GET', `/communities/${cast.communityId}/ledger-entries`, {
      token: cast.clerk.token,
    });
    expect(stored).toEqual([expect.objectContaining({ amountFen: '1200000', entryDate: '2026-04-03' })]);

    for (const body of Q2_ENTRIES.slice(1))
      await api('POST', `/communities/${cast.communityId}/ledger-entries`, { token: cast.property.token, body });
    const wrong = {
      kind: 'income',
      category: '场地租金',
      amountFen: '9999',
      entryDate: '2026-05-02',
      counterparty: '某培训机构',
      evidenceRef: 'R-05',
    };
    await api('POST', `/communities/${cast.communityId}/ledger-entries`, { token: cast.property.token, body: wrong });
    await page.reload();
    await rows(page).filter({ hasText: '场地租金' }).getByRole('button', { name: '冲正' }).click();
    await page.getByTestId('reverse-reason').fill('金额录错');
    await page.getByTestId('reverse-reason-submit').click();
    await rows(page).filter({ hasText: '场地租金' }).filter({ hasText: '已冲正' }).waitFor();
    await rows(page).filter({ hasText: '-¥99.99' }).waitFor();
    await expectText(page.getByTestId('sum-income'), '¥15,500.50');
    await expectText(page.getByTestId('sum-cost'), '¥800.00');
    await screenshot(page, '29-ledger');

    await pick(page, page.locator('.ant-select').filter({ hasText: '全部类型' }), '支出');
    await page.waitForURL(/kind=cost/);
    await rows(page).filter({ hasText: '电费' }).waitFor();
    await expectText(page.getByTestId('sum-income'), '¥0.00');
  });

  test('a committee member compiles and submits the quarter', async () => {
    const page = await as(cast.clerk, `/c/${cast.communityId}/statements`);
    await page.getByText('还没有报表').waitFor();
    await setDate(page.locator('.ant-picker'), '2026-05-15');
    await screenshot(page, '29b-statements');
    await page.getByTestId('submit-statement').click();
    await confirmDialog(page);
    await page.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
    statementUrl = new URL(page.url()).pathname;
    await expectText(page.getByTestId('statement-status'), '待居委会审核');
    await expectText(page.getByTestId('total-incomeFen'), '¥15,500.50');
    await expectText(page.getByTestId('total-transferFen'), '¥5,000.00');
    await expectText(page.getByTestId('total-closingFen'), '¥9,700.50');
    await screenshot(page, '30-statement');
  });

  test('the residents’ committee approves from its audit inbox', async () => {
    const page = await as(cast.residents, `/c/${cast.communityId}/audit`);
    const item = page.getByTestId('audit-item').filter({ hasText: '2026-04-01 至 2026-06-30' });
    await item.locator('.ant-tag').getByText('居委会审核', { exact: true }).waitFor();
    await screenshot(page, '31-audit-inbox');
    await item.getByTestId('approve-statement').click();
    await confirmDialog(page);
    await page.getByText('目前没有等待您审核的报表').waitFor();
  });

  test('the bank reconciles: differences on either side must each be explained before it signs off', async () => {
    const page = await as(cast.bank, `/c/${cast.communityId}/audit`);
    await page.getByTestId('audit-item').getByTestId('go-reconcile').click();
    await page.waitForURL(/\/reconciliation$/);
    const csv = csvWithBom([
      '交易日期,摘要,收入,支出,参考号',
      '2026-04-03,广告费,12000.00,,AD-04',
      '2026-04-10,电费,,800.00,E-04',
      '2026-04-20,停车费,3500.50,,P-1',
      '2026-06-30,转入维修资金,,5000.00,T-06',
      '2026-06-30,账户管理费,,2.00,',
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: '银行流水.csv', mimeType: 'text/csv', buffer: csv });
    // The wrong entry and its reversal never reached the bank; the bank's fee is not in the ledger.
    await page.getByTestId('difference-bank').getByText('账户管理费').waitFor();
    expect(await page.getByTestId('difference-ledger').count()).toBe(2);
    await expectText(page.getByTestId('bank-sign-off'), '尚有 3 笔差异未说明');
    expect(await page.getByTestId('bank-sign-off').isDisabled()).toBe(true);
    await screenshot(page, '32-reconciliation');

    for (let left = 3; left > 0; left--) {
      await page
        .getByTestId('explanation-input')
        .first()
        .fill(left === 1 ? '银行账户管理费，下期入账' : '录错后已冲正，未实际收款');
      await page.getByTestId('explain').first().click();
      await page
        .getByTestId('explanation-input')
        .nth(left - 1)
        .waitFor({ state: 'detached' });
    }
    await expectText(page.getByTestId('bank-sign-off'), '全部已核对，签字通过');
    await page.getByTestId('bank-sign-off').click();
    await confirmDialog(page);
    await page.getByTestId('bank-sign-off').waitFor({ state: 'detached' });
  });

  test('the audit firm approves and the statement awaits publication', async () => {
    const page = await as(cast.auditor, `/c/${cast.communityId}/audit`);
    await page.getByTestId('audit-item').getByTestId('approve-statement').click();
    await confirmDialog(page);
    await page.getByText('目前没有等待您审核的报表').waitFor();
    await page.goto(statementUrl);
    await expectText(page.getByTestId('statement-status'), '审核通过，待公示');
    await page.getByText('审计机构审计').first().waitFor();
    await screenshot(page, '33-statement-approved');
  });
});
