import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { api } from '../browser-api';
import { expectText } from '../browser-ui';
import { chainCast, type ChainCast } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/** 物业: a committee decision waits for execution; the property company is told and reports progress from 我的待办. */

const DAY = 86_400_000;
const TITLE = '更换 2 号楼门禁读卡器';
let browser: Browser;
let page: Page;
let cast: ChainCast;

beforeAll(async () => {
  cast = await chainCast();
  const c = `/communities/${cast.communityId}`;
  const item = await api<{ id: string }>('POST', `${c}/agenda-items`, {
    token: cast.clerk.token,
    body: { title: TITLE, category: 'committee_only', description: '读卡器损坏，拟更换。', budgetFen: '120000' },
  });
  await api('POST', `${c}/agenda-items/${item.id}/skips`, {
    token: cast.director.token,
    body: { stage: 'joint_meeting', reason: '小额维修，无须联席会议' },
  });
  await api('POST', `${c}/agenda-items/${item.id}/stages/committee_resolution/meeting`, {
    token: cast.clerk.token,
    body: {
      heldAt: new Date(Date.now() - DAY).toISOString(),
      place: '业委会办公室',
      chair: '陈主任',
      attendees: [{ name: '陈主任', party: '业委会', present: true }],
      minutes: '业委会会议一致同意更换读卡器。',
      details: {
        memberVotes: [cast.director, cast.clerk, cast.clerk2].map((m) => ({ userId: m.userId, present: true, vote: 'yes', signed: true })),
      },
    },
  });
  browser = await launchChromium();
  page = await (await newContext(browser, PHONE)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: the property company reports progress', () => {
  test('from the badge to the item at 物业执行', async () => {
    await loginToTodo(page, cast.communityId, cast.property.login, cast.property.password, 'property');
    await page
      .getByRole('region', { name: '待办事项' })
      .getByTestId('todo-item')
      .filter({ hasText: `物业执行：${TITLE}` })
      .getByRole('button', { name: '去办理' })
      .click();
    await page.waitForURL(/\/agenda\/[0-9a-f-]{36}$/);
    await page.getByTestId('report-progress').waitFor();
    await step(page, 'property', '03-item');
  });

  test('reports progress; the report is on the timeline and the task shows it', async () => {
    await page.getByTestId('report-progress').click();
    const progress = page.getByRole('dialog', { name: '报告执行进度' });
    await progress.getByLabel('完成进度（%）').fill('60');
    await progress.getByLabel('进展说明').fill('读卡器已到货，周五安装。');
    await progress.getByTestId('progress-amount').fill('12,800.50');
    await step(page, 'property', '04-report-form');
    await progress.getByRole('button', { name: '提交进度' }).click();
    await page.getByTestId('timeline-progress').getByText('读卡器已到货，周五安装。').waitFor();
    // The amount went out in fen (no float on the way) and reads back in yuan for the execution report.
    await expectText(page.getByTestId('timeline-progress').getByTestId('progress-amount-shown'), '本次支出：¥12,800.50');
    await step(page, 'property', '05-reported');
    await page.goto(`/c/${cast.communityId}/todo`);
    await page.getByRole('region', { name: '待办事项' }).getByText('已报告完成 60%', { exact: false }).waitFor();
  });
});
