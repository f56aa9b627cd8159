import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, newContext } from '../support/browser-chromium';
import { api, HttpError } from './browser-api';
import { confirmDialog, openSignedIn, pick } from './browser-ui';
import { chainCast, itemAtAssembly, type ChainCast } from './vote-fixtures';

/**
 * The small controls, each checked for what it does rather than that it renders: 大字 enlarges the text and is kept
 * over a reload; the decision record's filters and search narrow the list to what the server returns for them; a
 * vote draft is saved once however often its button is clicked, then edited and deleted; the export buttons give
 * real files (XLSX a zip, CSV with the UTF-8 BOM Excel needs).
 */

let browser: Browser;
let page: Page;
let cast: ChainCast;
let itemId: string;
const SECOND_ITEM = '更换 1 号楼单元门禁';

beforeAll(async () => {
  cast = await chainCast();
  await itemAtAssembly(cast);
  itemId = await itemAtAssembly(cast, SECOND_ITEM);
  browser = await launchChromium();
  page = await (await newContext(browser, DESKTOP)).newPage();
  await openSignedIn(page, `/c/${cast.communityId}/owner-accounts`, cast.director.login, cast.director.password);
});

afterAll(async () => {
  await browser?.close();
});

/** The computed font size (px) of the page's body text: an ordinary paragraph of the content. */
async function bodyTextSize(p: Page): Promise<number> {
  const paragraph = p.locator('.gy-content .ant-typography').filter({ hasText: '业主账号只能由业主本人' }).first();
  await paragraph.waitFor();
  return paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Waits until the record list shows exactly `n` entries (or its empty state for 0). */
async function recordShows(p: Page, n: number): Promise<void> {
  if (n === 0) await p.getByTestId('record-table').getByText('没有符合条件的记录').waitFor();
  else await p.waitForFunction((count) => document.querySelectorAll('[data-testid="record-entry"]').length === count, n);
}

async function serverCount(query: Record<string, string>): Promise<number> {
  const qs = new URLSearchParams({ ...query, limit: '50' }).toString();
  const result = await api<{ entries: unknown[] }>('GET', `/communities/${cast.communityId}/record/sentences?${qs}`, {
    token: cast.director.token,
  });
  return result.entries.length;
}

describe('small controls do what they say', () => {
  test('大字 enlarges the body text, is pressed, and stays on after a reload; 标准字 restores it', async () => {
    const normal = await bodyTextSize(page);
    const toggle = page.getByTestId('text-size-switch');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'large');
    const large = await bodyTextSize(page);
    expect(large).toBeGreaterThanOrEqual(normal * 1.2);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await bodyTextSize(page)).toBe(large);
    expect(await page.getByTestId('text-size-switch').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('text-size-switch').click();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'normal');
    expect(await bodyTextSize(page)).toBe(normal);
    await page.reload();
    expect(await bodyTextSize(page)).toBe(normal);
  });

  test('the record filters (kind, item, dates) and the search narrow the list to what the server finds', async () => {
    await page.goto(`/c/${cast.communityId}/record`);
    const all = await serverCount({});
    await recordShows(page, all);
    const entries = page.getByTestId('record-entry');

    const roles = await serverCount({ kind: 'identity' });
    expect(roles).toBeGreaterThan(0);
    expect(roles).toBeLessThan(all);
    await pick(page, page.getByTestId('record-kind'), '角色');
    await recordShows(page, roles);
    await page.getByTestId('record-kind').hover();
    await page.getByTestId('record-kind').locator('.ant-select-clear').click();
    await recordShows(page, all);

    const ofItem = await serverCount({ itemId });
    expect(ofItem).toBeGreaterThan(0);
    expect(ofItem).toBeLessThan(all);
    await pick(page, page.getByRole('combobox', { name: '议题' }), SECOND_ITEM);
    await recordShows(page, ofItem);
    for (const text of await entries.allInnerTexts()) expect(text).toContain(`议题：${SECOND_ITEM}`);

    // Dates: a past year (before the community existed) finds nothing; with the item filter still on, a range that holds
    // today finds its entries again. (The server accepts dates up to 5 years ahead only, so no far-future range.)
    const range = page.locator('.ant-picker-range');
    const setRange = async (from: string, to: string) => {
      await range.locator('input').first().click();
      await range.locator('input').first().fill(from);
      await range.locator('input').first().press('Enter');
      await range.locator('input').last().fill(to);
      await range.locator('input').last().press('Enter');
    };
    await setRange('2021-01-01', '2021-12-31');
    await recordShows(page, 0);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await setRange('2020-01-01', today);
    await recordShows(page, ofItem);

    // Search within the item's entries: only its joint meeting is called 联席会议.
    const words = '联席会议';
    const found = await serverCount({ itemId, from: '2020-01-01', to: today, q: words });
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(ofItem);
    await page.getByTestId('record-search').locator('input').fill(words);
    await page.getByTestId('record-search').locator('input').press('Enter');
    await recordShows(page, found);
  });

  test('a double click on 保存草稿 saves one draft; the draft is edited, then deleted from its page', async () => {
    await page.goto(`/c/${cast.communityId}/agenda/${itemId}`);
    await page.getByTestId('draft-vote').click();
    await page.getByRole('heading', { name: '起草业主大会表决公告' }).waitFor();
    await page.getByTestId('vote-title').fill('2026 年第三次业主大会');
    await page.getByTestId('notice-paper-place').fill('物业服务中心一楼业委会票箱');
    await page.getByTestId('notice-scrutineers').fill('欧阳甲、司马乙');
    await page.getByTestId('notice-tellers').fill('诸葛丙');
    await page.getByTestId('notice-contact-phone').fill('0571-88886666');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/communities/${cast.communityId}/agenda-items/${itemId}/votes`)
        posts.push(r.url());
    });
    await page.getByTestId('save-vote-draft').dblclick();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    await page.getByText('草稿（未公告）').waitFor();
    await page.waitForLoadState('networkidle');
    expect(posts).toHaveLength(1);
    const voteId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByTestId('edit-vote-draft').click();
    await page.getByRole('heading', { name: '修改表决草稿' }).waitFor();
    await page.getByTestId('vote-title').fill('2026 年第三次业主大会（修订）');
    await page.getByTestId('save-vote-draft').click();
    await page.waitForURL(`**/votes/${voteId}`);
    await page.getByRole('heading', { name: /2026 年第三次业主大会（修订）$/ }).waitFor();
    const saved = await api<{ title: string }>('GET', `/communities/${cast.communityId}/votes/${voteId}`, { token: cast.director.token });
    expect(saved.title).toBe('2026 年第三次业主大会（修订）');

    await page.getByTestId('delete-vote-draft').click();
    await page.getByTestId('confirm-consequence').getByText('将被删除', { exact: false }).waitFor();
    await confirmDialog(page);
    await page.waitForURL(`**/c/${cast.communityId}/agenda/${itemId}`);
    await page.getByTestId('draft-vote').waitFor();
    const gone = await api('GET', `/communities/${cast.communityId}/votes/${voteId}`, { token: cast.director.token }).catch(
      (e: unknown) => e,
    );
    expect((gone as HttpError).status).toBe(404);
  });

  test('the export buttons download real files: XLSX is a zip, CSV starts with the UTF-8 BOM', async () => {
    await page.goto(`/c/${cast.communityId}/units`);
    const download = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).first().click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const xlsx = await download('export-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.length).toBeGreaterThan(100);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = await download('export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').trim().split(/\r?\n/);
    // A header and the roster's 7 units.
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(csv.bytes.toString('utf8')).toContain('1号楼');
  });
});
