import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot, serverUnderTest } from '../support/browser-chromium';
import { ADMIN_NEW_PASSWORD, adminToken, api, createPerson, type Person } from './browser-api';
import { openSignedIn, pick, waitPastLogin } from './browser-ui';
import { BAD_ROSTER, GOOD_ROSTER, GOOD_TOTALS, utf8WithBom } from './roster-fixtures';

/**
 * The web shell as a street-office admin uses it on first start: sign in with the one-time password, set a
 * new one, create a community, import its roster, read the totals, search the units, fix a bad roster,
 * hand out roles, and check the decision record. Each step builds on the previous one.
 */

// Other specs sign the admin in through the API with whichever password is current (see browser-api.ts).
const NEW_ADMIN_PASSWORD = ADMIN_NEW_PASSWORD;
const DIRECTOR_PASSWORD = 'Zhuren2026pass';

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The admin's page while a committee member's page does the roster work (the admin does not write rosters). */
let adminPage: Page;
let clerk: Person;
let communityId: string;

/** Waits until the element's text is exactly `expected` (trimmed). */
async function expectText(locator: Locator, expected: string): Promise<void> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(([el, text]) => (el as HTMLElement).innerText.trim() === text, [await locator.elementHandle(), expected] as const)
    .catch(async () => {
      throw new Error(`expected text "${expected}", found "${(await locator.innerText()).trim()}"`);
    });
}

function tableRows(scope: Locator | Page): Locator {
  return scope.locator('.ant-table-tbody tr.ant-table-row');
}

async function login(page: Page, loginName: string, password: string): Promise<void> {
  await page.getByLabel('登录名或手机号').fill(loginName);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function openMenu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu').getByText(label, { exact: true }).click();
}

beforeAll(async () => {
  browser = await launchChromium();
  context = await newContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('web shell', () => {
  test('a signed-out visitor lands on the login page, and a wrong password is refused', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: '登录' }).waitFor();
    await screenshot(page, '01-login');

    await login(page, 'admin', 'not-the-password1');
    await expectText(page.getByTestId('login-error'), '登录名或密码不正确，请重新输入。');
  });

  test('the admin signs in with the one-time password and must set a new one', async () => {
    const { adminPassword } = serverUnderTest();
    await login(page, 'admin', adminPassword);
    await page.waitForURL('**/password');
    await page.getByText('首次登录：请设置新密码').waitFor();
    await screenshot(page, '02-change-password');

    await page.getByLabel('一次性密码').fill(adminPassword);
    await page.getByLabel('新密码', { exact: true }).fill('short1');
    await page.getByLabel('再次输入新密码').fill('short1');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('新密码至少 10 位').waitFor();

    await page.getByLabel('新密码', { exact: true }).fill(NEW_ADMIN_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '保存新密码' }).click();
    // With no community yet the admin is sent to community management; specs that ran earlier may have created
    // communities, and then the admin lands on one of them and opens community management from the menu.
    await page.waitForURL((url) => url.pathname === '/communities' || /^\/c\/[^/]+\/overview$/.test(url.pathname));
    if (!page.url().endsWith('/communities')) await openMenu(page, '小区管理');
    await page.getByRole('heading', { name: '小区管理' }).waitFor();
  });

  test('the admin creates a community', async () => {
    await page.getByTestId('create-community-button').click();
    await page.getByTestId('community-name').fill('幸福里小区');
    await page.getByTestId('community-district').fill('杭州市西湖区');
    await page.getByTestId('community-address').fill('文三路 100 号');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/\/c\/[0-9a-f-]{36}\/overview$/);
    communityId = /\/c\/([0-9a-f-]{36})\//.exec(page.url())![1];
    await page.getByRole('heading', { name: '幸福里小区' }).waitFor();
    await page.getByText('尚未导入房屋花名册').waitFor();
    await screenshot(page, '03-overview-empty');
  });

  test('the roster template downloads as UTF-8 CSV with a BOM', async () => {
    // The roster is the committee's: a committee member imports it, in a page of their own.
    adminPage = page;
    clerk = await createPerson(await adminToken(), communityId, '李委员', ['committee_member']);
    page = await (await newContext(browser)).newPage();
    await openSignedIn(page, `/c/${communityId}/overview`, clerk.login, clerk.password);
    await openMenu(page, '导入花名册');
    await page.getByRole('heading', { name: '导入房屋花名册' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    expect(download.suggestedFilename()).toBe('房屋花名册模板.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split(/\r?\n/)[0]).toBe(
      '楼栋,单元,房号,面积,面积来源,状态,类型,业主,手机,证件号,共有人,投票人',
    );
  });

  test('importing a roster shows what was imported', async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '幸福里花名册.csv', mimeType: 'text/csv', buffer: utf8WithBom(GOOD_ROSTER) });
    await page.getByText('幸福里花名册.csv').waitFor();
    await page.getByTestId('start-import').click();
    const result = page.getByTestId('import-result');
    await result.getByText('导入成功').waitFor();
    const cell = (label: string) =>
      result.locator('.ant-descriptions-item-label', { hasText: label }).locator('xpath=following-sibling::*[1]');
    await expectText(cell('数据行'), '7');
    await expectText(cell('新增楼栋'), '3');
    await expectText(cell('新增房屋'), '7');
    await screenshot(page, '04-roster-import-success');
  });

  test('the overview shows total area, headcount and the two-thirds lines', async () => {
    await openMenu(page, '小区概况');
    await expectText(page.getByTestId('total-area'), GOOD_TOTALS.totalArea);
    await expectText(page.getByTestId('total-headcount'), GOOD_TOTALS.totalHeadcount);
    await expectText(page.getByTestId('unit-count'), GOOD_TOTALS.unitCount);
    await expectText(page.getByTestId('developer-unit-count'), GOOD_TOTALS.developerUnitCount);
    await expectText(page.getByTestId('multi-unit-owner-count'), GOOD_TOTALS.multiUnitOwnerCount);
    await expectText(page.getByTestId('two-thirds-area'), GOOD_TOTALS.twoThirdsArea);
    await expectText(page.getByTestId('two-thirds-headcount'), GOOD_TOTALS.twoThirdsHeadcount);
    const buildings = tableRows(page);
    await buildings.filter({ hasText: '商业楼' }).waitFor();
    expect(await buildings.allInnerTexts()).toHaveLength(3);
    await screenshot(page, '05-overview');
  });

  test('the units table lists, searches and filters the units', async () => {
    await openMenu(page, '房屋列表');
    await page.getByText('共 7 套').waitFor();
    expect(await tableRows(page).count()).toBe(7);
    // The co-owned unit names its designated voter; developer units say who holds them.
    const coOwned = tableRows(page).filter({ hasText: '1号楼-1单元-102' });
    await coOwned.getByText('投票人').waitFor();
    expect(await coOwned.innerText()).toContain('王芳');
    expect(await tableRows(page).filter({ hasText: '1号楼-2单元-201' }).innerText()).toContain('开发商持有');
    await screenshot(page, '06-units');

    await page.getByPlaceholder('搜索房号、楼栋或业主姓名').fill('张伟');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText('共 2 套').waitFor();
    expect((await tableRows(page).allInnerTexts()).map((t) => t.split(/\s/)[0]).sort()).toEqual(['1号楼-1单元-101', '2号楼-1单元-101']);
    await screenshot(page, '07-units-search');

    await page.getByText('清除全部筛选').click();
    await page.getByText('共 7 套').waitFor();
    await pick(page, page.getByTestId('status-filter'), '未售');
    await page.getByText('共 1 套').waitFor();
    expect(await tableRows(page).innerText()).toContain('1号楼-2单元-201');
  });

  test('a link into the app opens the right page (server falls back to index.html)', async () => {
    await page.goto(`/c/${communityId}/units?q=${encodeURIComponent('赵敏')}`);
    await page.getByText('共 1 套').waitFor();
    expect(await tableRows(page).innerText()).toContain('2号楼-1单元-102');
    expect(await page.getByPlaceholder('搜索房号、楼栋或业主姓名').inputValue()).toBe('赵敏');
  });

  test('a bad roster is refused with a line-by-line report and nothing is imported', async () => {
    await openMenu(page, '导入花名册');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '有错的花名册.csv', mimeType: 'text/csv', buffer: utf8WithBom(BAD_ROSTER) });
    await page.getByTestId('start-import').click();
    const report = page.getByTestId('import-errors');
    await report.getByText('有 3 处错误，未导入任何数据', { exact: false }).waitFor();
    const rows = await tableRows(report).allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/第 2 行\s+面积格式错误 "八十"/);
    expect(rows[1]).toMatch(/第 3 行\s+面积来源 "估算" 无效/);
    expect(rows[2]).toMatch(/第 4 行\s+已售房屋缺少业主姓名/);
    await screenshot(page, '08-roster-errors');

    await openMenu(page, '小区概况');
    await expectText(page.getByTestId('total-area'), GOOD_TOTALS.totalArea);
    await expectText(page.getByTestId('unit-count'), GOOD_TOTALS.unitCount);
  });

  test('the future director registers an account with their own password; the admin grants it a role', async () => {
    page = adminPage;
    // The member's term for the roster work ends, so the roles page starts empty for the admin's own grants.
    const admin = await adminToken();
    const roles = await api<{ id: string; userId: string }[]>('GET', `/communities/${communityId}/roles`, { token: admin });
    const held = roles.find((r) => r.userId === clerk.userId)!;
    await api('POST', `/communities/${communityId}/roles/${held.id}/end`, { token: admin, body: {} });
    // Nobody creates a login for someone else: the director registers from the login page.
    const visitor = await newContext(browser);
    try {
      const p = await visitor.newPage();
      await p.goto('/login');
      await p.getByTestId('link-register').click();
      await p.waitForURL('**/register');
      await p.getByTestId('register-name').fill('王建国');
      await p.getByTestId('register-login').fill('wang.jianguo');
      await p.getByTestId('register-mobile').fill('13900000001');
      await p.getByTestId('register-password').fill(DIRECTOR_PASSWORD);
      await p.getByTestId('register-confirm').fill(DIRECTOR_PASSWORD);
      await p.getByTestId('register-submit').click();
      await p.getByText('账号已注册').waitFor();
      await screenshot(p, '09-register');
    } finally {
      await visitor.close();
    }

    await openMenu(page, '角色管理');
    await page.getByRole('heading', { name: '角色管理' }).waitFor();
    await page.getByText('还没有人担任角色').waitFor();
    await page.getByTestId('grant-role-button').click();
    const dialog = page.getByRole('dialog', { name: '授予角色' });
    const account = dialog.getByTestId('grant-user');
    await account.click();
    await page.keyboard.type('wang.jianguo');
    await pick(page, account, '王建国');
    // The account list refreshes a moment after typing: make sure the choice held before going on.
    await account.getByText('王建国').first().waitFor();
    await pick(page, dialog.getByTestId('grant-role'), '业委会主任');
    await dialog.getByTestId('grant-role').getByText('业委会主任').first().waitFor();
    await dialog.getByRole('button', { name: '授予' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = tableRows(page.getByTestId('roles-table')).filter({ hasText: '王建国' });
    await row.getByText('业委会主任').waitFor();
    await row.getByText('在任').waitFor();
  });

  test('the admin grants a role to an existing account and ends it', async () => {
    await page.getByTestId('grant-role-button').click();
    const dialog = page.getByRole('dialog', { name: '授予角色' });
    const account = dialog.getByTestId('grant-user');
    await account.click();
    await page.keyboard.type('wang');
    await pick(page, account, '王建国');
    await pick(page, dialog.getByTestId('grant-role'), '居民代表');
    await dialog.getByRole('button', { name: '授予' }).click();
    const table = page.getByTestId('roles-table');
    const representative = tableRows(table).filter({ hasText: '居民代表' });
    await representative.getByText('在任').waitFor();
    expect(await tableRows(table).count()).toBe(2);

    await representative.getByRole('button', { name: '结束' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '结束角色' }).click();
    await representative.waitFor({ state: 'detached' }); // the "在任" view hides it
    await page.getByText('全部（含已结束）').click();
    await tableRows(table).filter({ hasText: '居民代表' }).getByText('已结束').waitFor();
    await screenshot(page, '10-roles');
  });

  test('the decision record lists every change and its hash chain verifies', async () => {
    await openMenu(page, '决策记录');
    // The record reads as sentences: "平台管理员…授予张三「居民代表」角色".
    const rows = page.getByTestId('record-entry');
    await rows.filter({ hasText: '结束' }).first().waitFor();
    const actions = (await rows.allInnerTexts()).join('\n');
    for (const action of ['创建小区', '导入花名册', '授予', '结束']) expect(actions).toContain(action);
    expect(actions).not.toMatch(/identity\.|registry\.|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.getByTestId('verify-record').click();
    const verdict = page.getByTestId('verify-result');
    await verdict.getByText('校验通过', { exact: false }).waitFor();
    // 创建小区, 李委员's grant, the roster, 李委员's end, 王建国's director grant, the representative's grant and end.
    expect(await verdict.innerText()).toMatch(/共 7 条记录/);
    // The raw record, for checking the chain with one's own tools: every entry, each naming the hash before it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-record').click()]);
    const entries = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { seq: string; hash: string; prevHash: string }[];
    expect(entries.map((e) => e.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    await screenshot(page, '11-record');
  });

  test('the community list shows the new community', async () => {
    await openMenu(page, '小区管理');
    await tableRows(page.getByTestId('communities-table')).filter({ hasText: '幸福里小区' }).waitFor();
    await screenshot(page, '12-communities');
  });

  test('the new committee director signs in with their own password and sees the community', async () => {
    const director = await newContext(browser);
    try {
      const p = await director.newPage();
      await p.goto('/login');
      await login(p, 'wang.jianguo', DIRECTOR_PASSWORD);
      // The light login page hands over to the full app with a page load that may redirect once more.
      await waitPastLogin(p, (url) => url.pathname === `/c/${communityId}/overview`);
      await expectText(p.getByTestId('total-area'), GOOD_TOTALS.totalArea);
      // A committee member works in the community but does not manage the platform.
      await p.locator('.ant-layout-sider .ant-menu').getByText('我的小区', { exact: true }).waitFor();
      expect(await p.locator('.ant-layout-sider .ant-menu').getByText('小区管理', { exact: true }).count()).toBe(0);
    } finally {
      await director.close();
    }
  });

  test('on a phone (390×844) the pages fit the screen and the menu opens from the top bar', async () => {
    const phone = await newContext(browser, PHONE);
    try {
      const p = await phone.newPage();
      // A link into the community: the login page sends the admin back to it (other specs may have added
      // communities, so the home page could open another one).
      await p.goto(`/c/${communityId}/overview`);
      await p.waitForURL('**/login');
      await p.getByRole('button', { name: '登录' }).waitFor();
      await screenshot(p, 'phone-01-login');
      await login(p, 'admin', NEW_ADMIN_PASSWORD);
      await waitPastLogin(p, (url) => url.pathname === `/c/${communityId}/overview`);
      await expectText(p.getByTestId('total-area'), GOOD_TOTALS.totalArea);
      await expectText(p.getByTestId('total-headcount'), GOOD_TOTALS.totalHeadcount);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(p, 'phone-02-overview');

      await p.getByRole('button', { name: '打开菜单' }).click();
      const drawer = p.locator('.ant-drawer');
      await drawer.getByText('房屋列表', { exact: true }).waitFor();
      await screenshot(p, 'phone-03-menu', { fullPage: false });
      await drawer.getByText('房屋列表', { exact: true }).click();
      // One card per unit instead of a six-column table.
      await p.getByTestId('unit-card').filter({ hasText: '商业楼-S01' }).waitFor();
      expect(await p.getByTestId('unit-card').count()).toBe(7);
      expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(p, 'phone-04-units');
    } finally {
      await phone.close();
    }
  });
});
