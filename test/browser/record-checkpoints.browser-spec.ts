import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { horizontalOverflow } from './browser-ui';
import { api } from './browser-api';
import { financeCast, publishedStatement, type FinanceCast } from './finance-fixtures';

/**
 * Anyone — the residents' committee first — opens the community's public page on a phone, sees the signed record
 * checkpoints and downloads the checkpoint file to keep. (The statement fixture stands in for its sealing, which
 * would sign one; here the residents' committee publishes one through the API.)
 */

let browser: Browser;
let phone: BrowserContext;
let page: Page;
let cast: FinanceCast;

beforeAll(async () => {
  cast = await financeCast();
  await publishedStatement(cast);
  await api('POST', `/communities/${cast.communityId}/record/checkpoints`, { token: cast.residents.token });
  browser = await launchChromium();
  phone = await newContext(browser, PHONE);
  page = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('record checkpoints on the public page', () => {
  test('shows the signed head and downloads the checkpoint file', async () => {
    await page.goto(`/p/${cast.communityId}`);
    const card = page.getByTestId('record-checkpoints');
    await card.waitFor();
    await card
      .getByText(/决策记录第 \d+ 条/)
      .first()
      .waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-20-record-checkpoints');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-checkpoints').click()]);
    expect(download.suggestedFilename()).toBe('gongyi-record-checkpoints.json');
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'gongyi-record-checkpoints/1', communityId: cast.communityId });
    expect(file.checkpoints.length).toBeGreaterThanOrEqual(1);
    const last = file.checkpoints[file.checkpoints.length - 1];
    expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
    await card.getByText(`哈希 ${last.hash}`).waitFor();
  });
});
