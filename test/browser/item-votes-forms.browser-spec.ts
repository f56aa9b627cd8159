import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser-chromium';
import { api } from './browser-api';
import { pagesPerPerson, pick } from './browser-ui';
import { closeVoteNow, openVoteFixture, publishFinalResultNow, type VoteFixture } from './vote-fixtures';

/**
 * Issue 14, in the web app:
 * - an item whose vote failed (nobody voted: no quorum) is resubmitted by the director and gets a second vote drafted
 *   from its page, which lists both votes with their status;
 * - the meeting form refuses a meeting dated in the future, in Chinese, without sending a request;
 * - 文书库 narrows its list by type, status and a number/title search.
 */

let browser: Browser;
let fx: VoteFixture;
let minutesNumber: string;
let noticeNumber: string;
const as = pagesPerPerson(() => browser);

beforeAll(async () => {
  fx = await openVoteFixture();
  const c = `/communities/${fx.communityId}`;
  // The vote fails: nobody voted, so at closing it has no quorum; the final result is published after the objections.
  await closeVoteNow(fx.communityId, fx.voteId, fx.clerk.token);
  await publishFinalResultNow(fx.communityId, fx.voteId, fx.clerk.token);
  // 文书库: the published notice (sealed, final) and the joint meeting's minutes (a draft).
  const item = await api<{ transitions: { stage: string | null; meetingId: string | null }[] }>('GET', `${c}/agenda-items/${fx.itemId}`, {
    token: fx.clerk.token,
  });
  const joint = item.transitions.find((t) => t.stage === 'joint_meeting' && t.meetingId)!;
  const minutes = await api<{ number: string }>('POST', `${c}/documents`, {
    token: fx.clerk.token,
    body: { type: 'meeting_minutes', sourceId: joint.meetingId },
  });
  minutesNumber = minutes.number;
  const docs = await api<{ type: string; number: string }[]>('GET', `${c}/documents`, { token: fx.clerk.token });
  noticeNumber = docs.find((d) => d.type === 'assembly_notice')!.number;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const documentNumbers = async (page: Page) => (await page.getByTestId('document-number').allInnerTexts()).map((t) => t.trim()).sort();

/** Waits until the library shows exactly these document numbers. */
async function libraryShows(page: Page, numbers: string[]): Promise<void> {
  const want = [...numbers].sort();
  const deadline = Date.now() + 10_000;
  let got: string[] = [];
  while (Date.now() < deadline) {
    got = await documentNumbers(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`expected documents ${want.join(', ')}, shown ${got.join(', ')}`);
}

/** Clears an allowClear select by its ✕ (shown on hover). */
async function clearSelect(page: Page, name: string): Promise<void> {
  const box = page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name }) });
  await box.hover();
  await box.locator('.ant-select-clear').click();
}

describe('several votes per item', () => {
  test('after the vote failed, the director resubmits the item and drafts a second vote from its page', async () => {
    const itemUrl = `/c/${fx.communityId}/agenda/${fx.itemId}`;
    const page = await as(fx.director, itemUrl);
    const votes = page.getByTestId('item-vote');
    await votes.first().waitFor();
    expect(await votes.count()).toBe(1);
    expect(await votes.first().innerText()).toContain('已结束');
    // The failed vote returned the item: it is resubmitted first, then it waits for a vote again.
    await page.getByTestId('resubmit').click();
    await page.getByTestId('resubmit-note').fill('调整方案后再次提请业主大会表决');
    await page.getByTestId('resubmit-note-submit').click();
    await page.getByTestId('draft-vote').click();
    await page.getByRole('heading', { name: '起草业主大会表决公告' }).waitFor();
    await page.getByTestId('vote-title').fill('2026 年第二次业主大会');
    await page.getByTestId('notice-paper-place').fill('物业服务中心一楼业委会票箱');
    await page.getByTestId('notice-scrutineers').fill('欧阳甲、司马乙');
    await page.getByTestId('notice-tellers').fill('诸葛丙');
    await page.getByTestId('notice-contact-phone').fill('0571-88886666');
    await page.getByTestId('save-vote-draft').click();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    // The vote page shows the 监票人/计票人 the notice names.
    await page.getByTestId('vote-scrutineers').filter({ hasText: '欧阳甲、司马乙' }).waitFor();
    await page.getByTestId('vote-tellers').filter({ hasText: '诸葛丙' }).waitFor();
    const secondId = new URL(page.url()).pathname.split('/').pop();
    expect(secondId).not.toBe(fx.voteId);

    // The item page lists both votes with their status; with the draft in progress no third one is offered.
    await page.goto(itemUrl);
    await page.getByTestId('item-vote').nth(1).waitFor();
    const texts = await page.getByTestId('item-vote').allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('已结束');
    expect(texts[1]).toContain('2026 年第二次业主大会');
    expect(texts[1]).toContain('草稿（未公告）');
    await page.getByRole('button', { name: /查看表决：2026 年第二次业主大会/ }).waitFor();
    expect(await page.getByTestId('draft-vote').count()).toBe(0);
  });
});

describe('dates in forms', () => {
  test('the meeting form refuses a meeting dated in the future, in Chinese, and sends nothing', async () => {
    const item = await api<{ id: string }>('POST', `/communities/${fx.communityId}/agenda-items`, {
      token: fx.clerk.token,
      body: { title: '更换小区北门门禁', category: 'art278_7', description: '北门门禁老化，拟更换。' },
    });
    const page = await as(fx.cast.secretary, `/c/${fx.communityId}/agenda/${item.id}`);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes(`/agenda-items/${item.id}/stages/`)) posts.push(r.url());
    });
    await page.getByTestId('record-party_prediscussion').click();
    const dialog = page.getByRole('dialog', { name: '记录「支部先议」' });
    await dialog.getByTestId('meeting-place').fill('社区党群服务中心');
    await dialog.getByPlaceholder('姓名').first().fill('郑书记');
    await dialog.getByTestId('meeting-minutes').fill('支部先议：同意提交联席会议讨论更换门禁方案。');

    // Later days are not offered in the calendar.
    const input = dialog.locator('.ant-picker input').first();
    await input.click();
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const tomorrowCell = page.locator(`.ant-picker-dropdown td[title="${tomorrow}"]`).first();
    if (await tomorrowCell.count()) expect(await tomorrowCell.getAttribute('class')).toContain('ant-picker-cell-disabled');

    // Today, late in the evening (ahead of now except in the day's last minute): typed in, then refused on saving.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await input.fill(`${today} 23:59`);
    await input.press('Enter');
    await dialog.getByTestId('meeting-submit').click();
    await dialog.getByText('会议时间不能晚于现在').waitFor();
    await page.waitForTimeout(500);
    expect(posts).toEqual([]);

    // An hour ago is accepted: the rest of the form was valid, only the date stopped it.
    const past = new Date(Date.now() - 3_600_000);
    const pastText = `${past.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} ${past.toLocaleTimeString('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
    })}`;
    await input.click();
    await input.fill(pastText);
    await input.press('Enter');
    await dialog.getByTestId('meeting-submit').click();
    await page.getByTestId('chain-timeline').getByText('支部先议 · 通过').waitFor();
    expect(posts).toHaveLength(1);
  });
});

describe('文书库 filters', () => {
  test('type, status and the number/title search narrow the list', async () => {
    // What the library holds by now (the notice, the minutes, and what the earlier steps registered).
    const all = await api<{ type: string; status: string; number: string; title: string }[]>(
      'GET',
      `/communities/${fx.communityId}/documents`,
      {
        token: fx.director.token,
      },
    );
    const numbers = (keep: (d: (typeof all)[number]) => boolean) => all.filter(keep).map((d) => d.number);
    expect(numbers((d) => d.type === 'meeting_minutes')).toContain(minutesNumber);
    expect(all.length).toBeGreaterThan(numbers((d) => d.type === 'meeting_minutes').length);

    const page = await as(fx.director, `/c/${fx.communityId}/documents`);
    await libraryShows(
      page,
      numbers(() => true),
    );
    await pick(page, page.getByRole('combobox', { name: '文书类型' }), '会议纪要');
    await libraryShows(
      page,
      numbers((d) => d.type === 'meeting_minutes'),
    );
    await pick(page, page.getByRole('combobox', { name: '文书类型' }), '业主大会会议公告');
    await libraryShows(page, [noticeNumber]);
    // The notice is sealed: it is no draft.
    await pick(page, page.getByRole('combobox', { name: '文书状态' }), '草稿（待用章）');
    await libraryShows(page, []);
    await page.getByText('没有符合条件的文书').waitFor();
    await clearSelect(page, '文书类型');
    await libraryShows(
      page,
      numbers((d) => d.status === 'draft'),
    );
    await clearSelect(page, '文书状态');
    await libraryShows(
      page,
      numbers(() => true),
    );
    // The search matches the number or the title, over what the selects let through.
    const search = page.getByTestId('document-search').locator('input').first();
    await search.fill(minutesNumber.slice(-6));
    await libraryShows(page, [minutesNumber]);
    await search.fill('会议公告');
    await libraryShows(
      page,
      numbers((d) => d.title.includes('会议公告')),
    );
    await search.fill('');
    await libraryShows(
      page,
      numbers(() => true),
    );
  });
});
