import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { api } from '../browser-api';
import { chainCast, type ChainCast } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/** 党支部书记 on a phone: the badge says an item waits at 支部先议; he records the meeting from 我的待办. */

let browser: Browser;
let page: Page;
let cast: ChainCast;
const TITLE = '小区东门改造';

beforeAll(async () => {
  cast = await chainCast();
  await api('POST', `/communities/${cast.communityId}/agenda-items`, {
    token: cast.clerk.token,
    body: { title: TITLE, category: 'art278_7', description: '东门拓宽并加装门禁，费用由公共收益列支。', budgetFen: '12000000' },
  });
  browser = await launchChromium();
  page = await (await newContext(browser, PHONE)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: the party secretary advances an item', () => {
  test('from the login page and the 我的待办 badge to the item waiting at 支部先议', async () => {
    await loginToTodo(page, cast.communityId, cast.secretary.login, cast.secretary.password, 'secretary');
    const task = page
      .getByRole('region', { name: '待办事项' })
      .getByTestId('todo-item')
      .filter({ hasText: `支部先议：${TITLE}` });
    await task.getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(/\/agenda\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(`号议题：${TITLE}`) }).waitFor();
    await step(page, 'secretary', '03-item');
  });

  test('records the pre-discussion; the task leaves the list', async () => {
    await page.getByTestId('record-party_prediscussion').click();
    const dialog = page.getByRole('dialog', { name: '记录「支部先议」' });
    await dialog.getByTestId('meeting-place').fill('社区党群服务中心');
    await dialog.getByTestId('meeting-chair').fill('郑书记');
    await dialog.getByPlaceholder('姓名').first().fill('郑书记');
    await dialog.getByTestId('meeting-minutes').fill('支部讨论了东门改造方案，同意提交联席会议。');
    await step(page, 'secretary', '04-meeting-form');
    await dialog.getByTestId('meeting-submit').click();
    await page.getByTestId('chain-timeline').getByText('支部先议 · 通过').waitFor();
    await step(page, 'secretary', '05-advanced');
    await page.goto(`/c/${cast.communityId}/todo`);
    await page.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(
      await page
        .getByRole('region', { name: '待办事项' })
        .getByTestId('todo-item')
        .filter({ hasText: `支部先议：${TITLE}` })
        .count(),
    ).toBe(0);
    await step(page, 'secretary', '06-todo-done');
  });
});
