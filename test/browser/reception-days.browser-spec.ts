import type { Browser } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../support/browser-chromium';
import { adminToken, api, createCommunity, createPerson, unique, type Person } from './browser-api';
import { openSignedIn, pick } from './browser-ui';

/**
 * 接待日 through the typed client (apps/web/src/api/requests.ts receptionApi): the party secretary schedules a
 * reception day, opens its 接待台账 and logs a visitor's concern, which becomes a request (登记列账).
 */

let browser: Browser;
let communityId: string;
let secretary: Person;

beforeAll(async () => {
  const admin = await adminToken();
  communityId = await createCommunity(admin, unique('接待小区'));
  secretary = await createPerson(admin, communityId, '郑书记', ['party_secretary']);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

test('the secretary schedules a reception day and logs a visit as a request', async () => {
  const page = await (await newContext(browser, PHONE)).newPage();
  await openSignedIn(page, `/c/${communityId}/reception`, secretary.login, secretary.password);
  await page.getByText('尚未安排接待日').waitFor();
  await page.getByLabel('接待人').fill('郑书记');
  await page.getByLabel('日期').fill('2026-12-05');
  await page.getByLabel('地点').fill('社区党群服务中心');
  await page.getByRole('button', { name: '安排' }).click();
  const day = page.getByTestId('reception-day').filter({ hasText: '郑书记' });
  await day.getByText('登记 0 件，已销号 0 件').waitFor();
  await day.getByRole('link', { name: '接待台账' }).click();
  await page.getByText('尚无来访登记').waitFor();
  await page.getByLabel('来访居民').fill('王阿姨');
  await pick(page, page.getByLabel('问题类别'), '小修小补');
  await page.getByLabel('反映的问题').fill('东门路灯不亮');
  await page.getByLabel('具体位置').fill('东门岗亭旁');
  await page.getByRole('button', { name: '登记为诉求' }).click();
  await page.getByTestId('reception-visit').filter({ hasText: '王阿姨：东门路灯不亮' }).waitFor();
  await page.getByText('登记 1 件，已销号 0 件', { exact: false }).waitFor();
  const list = await api<{ items: { title: string; channel: string }[] }>('GET', `/communities/${communityId}/requests?scope=all`, {
    token: secretary.token,
  });
  expect(list.items).toEqual([expect.objectContaining({ channel: 'reception' })]);
});
