import type { Browser } from 'playwright-core';
import { launchChromium, newContext, screenshot } from '../support/browser-chromium';
import { adminToken, api, createCommunity, createPerson, csvWithBom, unique, type Person } from './browser-api';
import { openSignedIn } from './browser-ui';
import { GOOD_REGISTER_FACTS, GOOD_ROSTER } from './roster-fixtures';

/**
 * 导入核验信息: the committee's roster gives no activation facts, so the director sees 待居委会导入核验信息 and has
 * nothing to print; the residents' committee uploads the property register on the 业主账号 page (a bad file is
 * refused with its line numbers, nothing imported), and then the director's letters can be printed.
 */

let browser: Browser;
let communityId: string;
let director: Person;
let residents: Person;

beforeAll(async () => {
  const admin = await adminToken();
  communityId = await createCommunity(admin, unique('核验小区'));
  director = await createPerson(admin, communityId, '陈主任', ['committee_director']);
  residents = await createPerson(admin, communityId, '居委会刘主任', ['residents_committee']);
  await api('POST', `/communities/${communityId}/roster-imports`, {
    token: director.token,
    file: { name: 'roster.csv', content: csvWithBom(GOOD_ROSTER.split('\r\n')) },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("the residents' committee supplies the activation facts", () => {
  test('before the import the director sees every owner waiting for the residents committee, with no issue button', async () => {
    const page = await (await newContext(browser)).newPage();
    await openSignedIn(page, `/c/${communityId}/owner-accounts`, director.login, director.password);
    const table = page.getByTestId('owner-accounts-table');
    await table.getByTestId('no-register-fact').first().waitFor();
    expect(await table.getByTestId('no-register-fact').count()).toBe(5);
    expect(await table.getByTestId('issue-owner').count()).toBe(0);
    // The upload card is the residents' committee's, not the director's.
    expect(await page.getByTestId('register-facts-card').count()).toBe(0);
    await screenshot(page, 'register-facts-01-director-waits');
  });

  test('a bad file is refused with its line; the register file is imported and reported in counts only', async () => {
    const page = await (await newContext(browser)).newPage();
    // The residents' committee is told on 我的待办 and goes from there to the import.
    await openSignedIn(page, `/c/${communityId}/todo`, residents.login, residents.password);
    await page.getByTestId('todo-item').filter({ hasText: '5 位业主待导入核验信息' }).getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(/\/owner-accounts$/);
    const card = page.getByTestId('register-facts-card');
    await card.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await card.getByTestId('register-facts-upload').click();
    await (
      await chooser
    ).setFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: csvWithBom(['楼栋,单元,房号,业主,手机', '1号楼,1单元,101,无此人,13700000000']),
    });
    await card.getByTestId('register-facts-error').getByText('第 2 行', { exact: false }).waitFor();
    const good = page.waitForEvent('filechooser');
    await card.getByTestId('register-facts-upload').click();
    await (await good).setFiles({ name: 'facts.csv', mimeType: 'text/csv', buffer: csvWithBom(GOOD_REGISTER_FACTS.split('\r\n')) });
    const result = card.getByTestId('register-facts-result');
    await result.getByText('已导入 5 行：登记手机号 5 户', { exact: false }).waitFor();
    expect(await result.innerText()).not.toMatch(/6601|13712346601/);
    // The table reloads after the import: the 待居委会导入核验信息 tags go.
    await page.getByTestId('owner-accounts-table').getByTestId('activation-status').first().waitFor();
    await page.getByTestId('no-register-fact').first().waitFor({ state: 'detached' });
    expect(await page.getByTestId('no-register-fact').count()).toBe(0);
    await screenshot(page, 'register-facts-02-imported');
  });

  test('afterwards the director can issue a letter', async () => {
    const page = await (await newContext(browser)).newPage();
    await openSignedIn(page, `/c/${communityId}/owner-accounts`, director.login, director.password);
    const table = page.getByTestId('owner-accounts-table');
    await table.getByTestId('issue-owner').first().waitFor();
    expect(await table.getByTestId('issue-owner').count()).toBe(5);
  });
});
