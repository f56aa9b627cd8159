import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { api, type Person } from './browser-api';
import { confirmDialog, expectText, horizontalOverflow, openSignedIn } from './browser-ui';
import { chainCast, ownerAccount, sealsWithClerkAsSecondCustodian, type ChainCast } from './vote-fixtures';

/**
 * Issue 17: the director publishes the monthly 四方联席工作简报 — composes it, requests the committee seal; a
 * custodian who is not the requester (the clerk, who keeps the committee seal with the director) applies it in the
 * seal inbox; the sealed bulletin shows on the public page. An owner rates the property company on a phone.
 */

const SEAL_PIN = 'browser-seal-pin';
let browser: Browser;
let cast: ChainCast;
let owner: Person;

beforeAll(async () => {
  cast = await chainCast();
  const { communityId, director } = cast;
  await sealsWithClerkAsSecondCustodian(cast, SEAL_PIN);
  // This month's work: one 整改事项 raised at an inspection, submitted by the property company (API, for speed).
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const item = await api<{ id: string }>('POST', `/communities/${communityId}/rectifications`, {
    token: director.token,
    body: { title: '东门路灯不亮', source: 'inspection', sourceNote: '业委会夜间巡查', dueOn: due, location: '东门' },
  });
  await api('POST', `/communities/${communityId}/rectifications/${item.id}/actions`, {
    token: cast.property.token,
    body: { action: 'submit', text: '已更换灯具', evidence: [{ name: '更换后照片' }] },
  });
  owner = await ownerAccount(cast.admin, director.token, communityId, '张伟');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the monthly bulletin and a quarter rating', () => {
  let desk: BrowserContext;
  let page: Page;

  test('the director finds the item to accept on 我的待办 and accepts it', async () => {
    desk = await newContext(browser, DESKTOP);
    page = await desk.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/todo`, cast.director.login, cast.director.password);
    await page.getByTestId('todo-item').filter({ hasText: '整改事项待验收：东门路灯不亮' }).getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(/\/rectifications\/[0-9a-f-]{36}$/);
    // Inspecting before acceptance, the director adds a photo of the site (multipart upload from the page).
    const photos = page.getByTestId('rectification-photos');
    await photos.getByTestId('photo-caption').fill('验收现场');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    await photos.getByTestId('rectification-photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: png });
    await photos.getByTestId('rectification-photo').filter({ hasText: '验收现场' }).waitFor();
    await page.getByRole('button', { name: '验收通过' }).click();
    await confirmDialog(page);
    await page.getByText('已验收').first().waitFor();
    await screenshot(page, 'desktop-40-rectification-accepted');
  });

  test('the director composes the bulletin and requests the committee seal', async () => {
    await page.goto(`/c/${cast.communityId}/bulletins`);
    await page.getByRole('button', { name: '编制简报' }).click();
    await confirmDialog(page);
    const row = page.getByTestId('bulletin-row').first();
    await expectText(row.getByTestId('bulletin-status'), '待申请盖章');
    await row.getByRole('button', { name: '申请盖章' }).click();
    await confirmDialog(page);
    await expectText(row.getByTestId('bulletin-status'), '用章申请中');
    await screenshot(page, 'desktop-41-bulletin-requested');
  });

  test('the clerk, a custodian who did not request it, applies the committee seal', async () => {
    const clerkDesk = await newContext(browser, DESKTOP);
    const clerkPage = await clerkDesk.newPage();
    await openSignedIn(clerkPage, `/c/${cast.communityId}/seal-inbox`, cast.clerk.login, cast.clerk.password);
    const card = clerkPage.getByTestId('seal-request').filter({ hasText: '四方联席工作简报' });
    await card.getByTestId('apply-committee').click();
    await clerkPage.getByTestId('seal-pin').fill(SEAL_PIN);
    await clerkPage.getByRole('button', { name: '确认用章' }).click();
    await clerkPage.getByTestId('closed-requests').getByText('四方联席工作简报').first().waitFor();
    await clerkDesk.close();
    await page.reload();
    await expectText(page.getByTestId('bulletin-row').first().getByTestId('bulletin-status'), '已盖章发布');
  });

  test('the sealed bulletin is on the public page', async () => {
    const visitor = await newContext(browser, PHONE);
    const p = await visitor.newPage();
    await p.goto(`/p/${cast.communityId}`);
    const bulletin = p.getByTestId('public-bulletin').first();
    await bulletin.getByText('四方联席工作简报').waitFor();
    expect(await bulletin.innerText()).toContain('已盖章');
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'phone-40-public-bulletin');
    await visitor.close();
    await desk.close();
  });

  test('an owner rates the property company on a phone', async () => {
    const phone = await newContext(browser, PHONE);
    const p = await phone.newPage();
    await openSignedIn(p, `/c/${cast.communityId}/overview`, owner.login, owner.password);
    await p.getByRole('button', { name: '打开菜单' }).click();
    await p.locator('.ant-drawer').getByText('物业服务评价', { exact: true }).click();
    await p.waitForURL(`**/c/${cast.communityId}/service-rating`);
    const criteria = p.getByTestId('rating-criterion');
    await criteria.first().waitFor();
    expect(await p.getByRole('button', { name: '请为每一项打分' }).isDisabled()).toBe(true);
    const count = await criteria.count();
    for (let i = 0; i < count; i++) {
      // The fourth star of each criterion.
      await criteria.nth(i).locator('.ant-rate-star').nth(3).click();
    }
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'phone-41-service-rating');
    await p.getByRole('button', { name: '提交评价' }).click();
    await p.getByTestId('rating-done').waitFor();
    await screenshot(p, 'phone-42-service-rating-done');
    await phone.close();
  });
});
