import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { expectText, horizontalOverflow } from './browser-ui';
import { financeCast, publishedStatement, type FinanceCast } from './finance-fixtures';

/**
 * A resident opens the community's public page on a phone without logging in, reads the audited statement of public
 * income and downloads it as a spreadsheet (UTF-8 CSV with a BOM, so Excel shows the Chinese).
 */

let browser: Browser;
let phone: BrowserContext;
let page: Page;
let cast: FinanceCast;
let statementId: string;

beforeAll(async () => {
  cast = await financeCast();
  statementId = await publishedStatement(cast);
  browser = await launchChromium();
  phone = await newContext(browser, PHONE);
  page = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('public statements page', () => {
  test('opens on a phone without logging in and shows the published statement', async () => {
    await page.goto(`/p/${cast.communityId}`);
    await page.getByTestId('public-community-name').getByText(cast.communityName).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${cast.communityId}`); // not sent to /login
    const statement = page.getByTestId('public-statement');
    await statement.getByText('2026年第二季度公共收益报表').waitFor();
    await expectText(statement.getByTestId('total-incomeFen'), '¥15,500.50');
    await expectText(statement.getByTestId('total-costFen'), '¥800.00');
    await expectText(statement.getByTestId('total-transferFen'), '¥5,000.00');
    await expectText(statement.getByTestId('total-closingFen'), '¥9,700.50');
    await page.getByTestId('income-chart').locator('rect').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-09-public-statements');
  });

  test('the statement downloads as CSV with a BOM and a Chinese header, naming no private person', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toBe(`${cast.communityName}-公共收益-2026年第二季度.csv`);
    expect(download.url()).toContain(`/api/public/communities/${cast.communityId}/statements/${statementId}/csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split(/\r?\n/);
    expect(lines[0]).toBe(`${cast.communityName} 公共收益收支明细,2026年第二季度 2026-04-01 至 2026-06-30,第 1 版`);
    expect(lines[1]).toBe('序号,日期,类型,类别,对方,金额（元）,凭证号,说明');
    const text = lines.join('\n');
    expect(text).toContain('电梯广告');
    expect(text).toContain('期末余额,,,,,9700.50');
    expect(text).not.toContain('张先生');
  });
});
