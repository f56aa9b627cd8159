import type { Browser } from 'playwright-core';
import { launchChromium, newContext, PHONE, DESKTOP, screenshot } from '../support/browser-chromium';
import { api, createPerson, withDatabase, type Person } from './browser-api';
import { confirmDialog, expectText, openSignedIn, pick } from './browser-ui';
import { chainCast, itemAtAssembly, type ChainCast } from './vote-fixtures';
import { elevatorHearingBody } from './hearing-fixtures';

/**
 * 听证会: the hearing and two vendors' sealed bids are prepared through the API; the third vendor bids on a phone
 * (amount typed in yuan), sees only their own bid, and the committee's opening reveals all three bids together.
 */

const DAY = 86_400_000;
let browser: Browser;
let cast: ChainCast;
let vendors: Person[];
let hearingId: string;
let lateVendor: Person;
let reserve: Person;

beforeAll(async () => {
  cast = await chainCast();
  const { admin, communityId } = cast;
  const itemId = await itemAtAssembly(cast, '3 幢电梯更新');
  const experts: Person[] = [];
  for (let i = 0; i < 4; i++) experts.push(await createPerson(admin, communityId, `专家${i + 1}`, ['owner']));
  vendors = [];
  for (const name of ['甲电梯工程有限公司', '乙机电设备有限公司', '丙电梯安装有限公司'])
    vendors.push(await createPerson(admin, communityId, name, ['vendor']));
  // Not invited at first: the committee invites this vendor from the hearing page; the reserve expert replaces 专家4.
  lateVendor = await createPerson(admin, communityId, '丁升降机有限公司', ['vendor']);
  reserve = await createPerson(admin, communityId, '专家5', ['owner']);
  const deadline = Date.now() + DAY;
  const hearing = await api<{ id: string }>('POST', `/communities/${communityId}/hearings`, {
    token: cast.clerk.token,
    body: elevatorHearingBody(cast, itemId, experts, vendors, deadline),
  });
  hearingId = hearing.id;
  const bid = (v: Person, amountFen: string) =>
    api('POST', `/communities/${communityId}/hearings/${hearingId}/bids`, {
      token: v.token,
      body: { amountFen, warrantyMonths: 24, deliveryDays: 45, proposal: `${v.name}的方案` },
    });
  await bid(vendors[1], '4580000');
  await bid(vendors[2], '4390050');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('hearing bids and opening', () => {
  test('a vendor submits a bid on a phone and sees only their own', async () => {
    const phone = await newContext(browser, PHONE);
    const page = await phone.newPage();
    const path = `/c/${cast.communityId}/hearings/${hearingId}`;
    await openSignedIn(page, path, vendors[0].login, vendors[0].password);
    await page.getByTestId('bid-amount').fill('42,000.5');
    await page.getByTestId('bid-proposal').fill('拆除旧梯，安装新梯，含五年维保。');
    await page.getByTestId('submit-bid').click();
    await expectText(page.getByTestId('my-bid-amount'), '¥42,000.50');
    expect(await page.getByTestId('bids').count()).toBe(0); // a vendor sees no one else's bid
    expect(await page.getByText('乙机电设备有限公司').count()).toBe(0);
    await screenshot(page, 'phone-30-vendor-bid');
    await phone.close();
  });

  test('the committee invites one more vendor before the deadline', async () => {
    const desk = await newContext(browser, DESKTOP);
    const page = await desk.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/hearings/${hearingId}`, cast.clerk.login, cast.clerk.password);
    const invite = page.getByTestId('invite-vendor');
    await pick(page, invite.getByLabel('供应商账号'), '丁升降机有限公司');
    await invite.getByLabel('单位名称').fill('丁升降机有限公司');
    await invite.getByRole('button', { name: '邀请' }).click();
    await page.getByTestId('hearing-vendors').getByText('丁升降机有限公司').waitFor();
    const detail = await api<{ vendors: { userId: string }[] }>('GET', `/communities/${cast.communityId}/hearings/${hearingId}`, {
      token: cast.clerk.token,
    });
    expect(detail.vendors.map((v) => v.userId)).toContain(lateVendor.userId);
    await desk.close();
  });

  test('the opening reveals all bids together', async () => {
    // Only moves time: the deadline and opening (a day ahead) are set to now, after all three bids were sealed.
    await withDatabase((db) => db.query('UPDATE hearings SET bid_deadline = now(), opening_at = now() WHERE id = $1', [hearingId]));
    const desk = await newContext(browser, DESKTOP);
    const page = await desk.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/hearings/${hearingId}`, cast.clerk.login, cast.clerk.password);
    await expectText(page.getByTestId('hearing-status'), '投标中（密封）');
    // Before the opening the committee sees only how many bids arrived, not from whom or when.
    await page.getByTestId('bids').getByText('投标（3 份）').waitFor();
    expect(await page.getByTestId('bid').count()).toBe(0);
    expect(await page.getByTestId('bid-amount-revealed').count()).toBe(0);
    await screenshot(page, 'desktop-31-hearing-sealed');
    await page.getByTestId('open-bids').click();
    await expectText(page.getByTestId('hearing-status'), '已开标，评审中');
    await page.getByTestId('bid').nth(2).waitFor();
    const amounts = await page.getByTestId('bid-amount-revealed').allInnerTexts();
    expect(amounts.sort()).toEqual(['¥42,000.50', '¥43,900.50', '¥45,800.00']);
    await screenshot(page, 'desktop-32-hearing-opened');
    await desk.close();
  });

  test('after the opening the committee replaces a panel member who cannot attend', async () => {
    const desk = await newContext(browser, DESKTOP);
    const page = await desk.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/hearings/${hearingId}`, cast.clerk.login, cast.clerk.password);
    const editor = page.getByTestId('panel-editor');
    await pick(page, editor.locator('.ant-select').filter({ hasText: '专家4' }), '专家5');
    await editor.getByTestId('panel-save').click();
    await confirmDialog(page);
    await page.getByTestId('panel').getByText('专家5', { exact: false }).waitFor();
    expect(await page.getByTestId('panel').getByText('专家4', { exact: false }).count()).toBe(0);
    const detail = await api<{ panel: { userId: string }[] }>('GET', `/communities/${cast.communityId}/hearings/${hearingId}`, {
      token: cast.clerk.token,
    });
    expect(detail.panel.map((m) => m.userId)).toContain(reserve.userId);
    expect(detail.panel).toHaveLength(7);
    await desk.close();
  });
});
