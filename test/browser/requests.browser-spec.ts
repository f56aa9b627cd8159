import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { adminToken, api, createCommunity, createPerson, unique, withDatabase, type Person } from './browser-api';
import { confirmDialog, horizontalOverflow, openSignedIn, pick } from './browser-ui';

/** A real PNG (the server checks the file's signature). */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1f1b80000000049454e44ae426082',
  'hex',
);

/**
 * 点单 → 派单 → 接单 → 评单 on phones: a resident files a request with a photo, the party secretary dispatches it to
 * a 楼栋长 who accepts and closes it, the resident rates it; and a request whose accept time passed is escalated by
 * the pg-boss timer and shows on the party secretary's 我的待办.
 */
let browser: Browser;
let community: string;
let resident: Person;
let secretary: Person;
let leader: Person;
const pages = new Map<string, Page>();

/** Opens the to-do with this exact title by its 去办理 button. */
async function openTodo(page: Page, title: string): Promise<void> {
  await page
    .getByTestId('todo-item')
    .filter({ has: page.getByText(title, { exact: true }) })
    .getByRole('button', { name: '去办理' })
    .click();
}

async function as(person: Person, path: string): Promise<Page> {
  let page = pages.get(person.login);
  if (!page) {
    page = await (await newContext(browser, PHONE)).newPage();
    pages.set(person.login, page);
    await openSignedIn(page, path, person.login, person.password);
  } else {
    await page.goto(path);
  }
  return page;
}

beforeAll(async () => {
  const admin = await adminToken();
  community = await createCommunity(admin, unique('诉求小区'));
  resident = await createPerson(admin, community, '王阿姨', ['owner']);
  secretary = await createPerson(admin, community, '郑书记', ['party_secretary']);
  leader = await createPerson(admin, community, '李楼长', ['building_leader']);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('居民诉求 on a phone', () => {
  test('a resident files with a photo, a 楼栋长 accepts and closes it, the resident rates it', async () => {
    const r = await as(resident, `/c/${community}/requests`);
    await r.getByRole('heading', { name: '居民诉求' }).waitFor();
    await r.getByRole('button', { name: '我要反映问题' }).click();
    await r.getByRole('heading', { name: '我要反映问题' }).waitFor();
    await pick(r, r.getByTestId('request-category'), '小修小补');
    await r.getByTestId('request-title').fill('东门路灯不亮');
    await r.getByTestId('request-place').fill('东门岗亭旁');
    await r.getByTestId('request-photo').setInputFiles({ name: 'deng.png', mimeType: 'image/png', buffer: PNG });
    await r.getByText('已选 1 张').waitFor();
    expect(await horizontalOverflow(r)).toBeLessThanOrEqual(0);
    await r.getByTestId('request-submit').click();
    await r.getByTestId('request-status').getByText('待派单').waitFor();
    await r.getByTestId('request-photos').getByRole('img').waitFor();
    const requestId = new URL(r.url()).pathname.split('/').pop()!;
    await screenshot(r, 'phone-requests-filed');

    const s = await as(secretary, `/c/${community}/todo`);
    await openTodo(s, '诉求待派单：东门路灯不亮');
    await s.getByTestId('dispatch-panel').waitFor();
    await pick(s, s.getByTestId('dispatch-assignee'), '李楼长');
    await s.getByTestId('dispatch-submit').click();
    await s.getByTestId('request-status').getByText('待接单').waitFor();

    const l = await as(leader, `/c/${community}/todo`);
    await openTodo(l, '请接单：东门路灯不亮');
    await l.getByTestId('request-accept').click();
    await l.getByTestId('request-status').getByText('已接单').waitFor();
    await l.getByTestId('request-note').fill('已更换灯泡');
    await l.getByTestId('request-close').click();
    await confirmDialog(l);
    await l.getByTestId('request-status').getByText('已办结待评价').waitFor();
    expect(await horizontalOverflow(l)).toBeLessThanOrEqual(0);

    await as(resident, `/c/${community}/todo`);
    await openTodo(r, '诉求已办结，请评价：东门路灯不亮');
    await r.getByTestId('rate-panel').locator('.ant-rate-star').nth(4).click();
    await r.getByTestId('rate-comment').fill('很及时');
    await r.getByTestId('rate-submit').click();
    await r.getByTestId('request-status').getByText('已评价').waitFor();
    expect(await horizontalOverflow(r)).toBeLessThanOrEqual(0);
    await screenshot(r, 'phone-requests-rated');
    const detail = await api<{ rating: number; writtenOff: boolean }>('GET', `/communities/${community}/requests/${requestId}`, {
      token: resident.token,
    });
    expect(detail).toMatchObject({ rating: 5, writtenOff: true });
  });

  test('the party secretary sees an overdue request on 我的待办', async () => {
    const filed = await api<{ id: string }>('POST', `/communities/${community}/requests`, {
      token: resident.token,
      body: { category: 'repair', title: '单元门禁失灵', placeKind: 'common', placeText: '3幢单元门' },
    });
    await api('POST', `/communities/${community}/requests/${filed.id}/dispatch`, {
      token: secretary.token,
      body: { assigneeKind: 'building_leader', assigneeUserId: leader.userId },
    });
    // The 5 minutes to accept cannot pass during a test: the due time and its pg-boss job are moved to now; the
    // server's own timer then escalates the request.
    await withDatabase(async (db) => {
      await db.query(`UPDATE service_requests SET accept_due_at = now() - interval '1 minute' WHERE id = $1`, [filed.id]);
      await db.query(
        `UPDATE pgboss.job SET start_after = now() WHERE name = 'service-request-due' AND data->>'requestId' = $1 AND state = 'created'`,
        [filed.id],
      );
    });
    const s = await as(secretary, `/c/${community}/todo`);
    for (let i = 0; i < 30 && !(await s.getByText('诉求超时，请督办：单元门禁失灵', { exact: true }).isVisible()); i++) {
      await s.waitForTimeout(1000);
      await s.reload();
    }
    await openTodo(s, '诉求超时，请督办：单元门禁失灵');
    await s.getByText('超时上报党支部书记').waitFor();
    expect(await horizontalOverflow(s)).toBeLessThanOrEqual(0);
    await screenshot(s, 'phone-requests-overdue');
  });

  test('the dispatch board shows the month’s figures per category', async () => {
    // After the two tests above: one request rated in time, one escalated for want of an acceptance.
    const s = await as(secretary, `/c/${community}/requests?scope=all`);
    const stats = s.getByTestId('request-stats');
    const total = stats.locator('tr', { hasText: '合计' });
    await total.waitFor();
    const cells = (await total.locator('td').allInnerTexts()).map((c) => c.trim());
    // 类别, 受理, 办结, 办理中, 按时办结, 超时, 按时办结率
    expect(cells).toEqual(['合计', '2', '1', '1', '1', '1', '100%']);
    expect(await horizontalOverflow(s)).toBeLessThanOrEqual(0);
    await screenshot(s, 'phone-requests-stats');
    // A resident has no board, so no figures.
    const r = await as(resident, `/c/${community}/requests`);
    await r.getByRole('heading', { name: '居民诉求' }).waitFor();
    await r.getByTestId('request-card').first().waitFor();
    expect(await r.getByTestId('request-stats').count()).toBe(0);
  });
});
