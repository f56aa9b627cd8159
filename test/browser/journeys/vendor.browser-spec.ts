import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { api, createPerson, type Person } from '../browser-api';
import { expectText } from '../browser-ui';
import { chainCast, itemAtAssembly, type ChainCast } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/** 供应商 on a phone: told of the invitation and its deadline, finds it in 我的待办 and submits a sealed bid. */

const DAY = 86_400_000;
let browser: Browser;
let page: Page;
let cast: ChainCast;
let vendor: Person;
let hearingId: string;

beforeAll(async () => {
  cast = await chainCast();
  const { admin, communityId } = cast;
  const itemId = await itemAtAssembly(cast, '3 幢电梯更新');
  const experts: Person[] = [];
  for (let i = 0; i < 4; i++) experts.push(await createPerson(admin, communityId, `专家${i + 1}`, ['owner']));
  vendor = await createPerson(admin, communityId, '甲电梯工程有限公司', ['vendor']);
  const others = [await createPerson(admin, communityId, '乙机电设备有限公司', ['vendor'])];
  const deadline = Date.now() + DAY;
  const hearing = await api<{ id: string }>('POST', `/communities/${communityId}/hearings`, {
    token: cast.clerk.token,
    body: {
      agendaItemId: itemId,
      title: '3 幢电梯更新现场竞标听证会',
      description: '更换 3 幢电梯一部，含拆除、安装、验收与质保。',
      place: '社区党群服务中心 2 楼会议室',
      criteria: [
        { key: 'price', label: '价格', weight: 60 },
        { key: 'quality', label: '质量', weight: 40 },
      ],
      panel: [
        { userId: cast.representative.userId, kind: 'representative' },
        { userId: cast.clerk2.userId, kind: 'committee' },
        { userId: cast.property.userId, kind: 'property_company' },
        ...experts.map((e) => ({ userId: e.userId, kind: 'expert' })),
      ],
      vendors: [vendor, ...others].map((v) => ({ userId: v.userId, vendorName: v.name })),
      bidDeadline: new Date(deadline).toISOString(),
      openingAt: new Date(deadline + 3_600_000).toISOString(),
    },
  });
  hearingId = hearing.id;
  browser = await launchChromium();
  page = await (await newContext(browser, PHONE)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: a vendor bids', () => {
  test('from the badge to the invitation, with its deadline', async () => {
    await loginToTodo(page, cast.communityId, vendor.login, vendor.password, 'vendor', 'hearings');
    const task = page.getByRole('region', { name: '待办事项' }).getByTestId('todo-item').filter({ hasText: '请投标' });
    await task.getByText('截止', { exact: false }).waitFor();
    await task.getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(`**/c/${cast.communityId}/hearings/${hearingId}`);
    await page.getByTestId('bid-amount').waitFor();
    await step(page, 'vendor', '03-hearing');
  });

  test('submits a bid and sees only its own', async () => {
    await page.getByTestId('bid-amount').fill('42,000.5');
    await page.getByTestId('bid-proposal').fill('拆除旧梯，安装新梯，含五年维保。');
    await page.getByTestId('submit-bid').click();
    await expectText(page.getByTestId('my-bid-amount'), '¥42,000.50');
    expect(await page.getByText('乙机电设备有限公司').count()).toBe(0);
    await step(page, 'vendor', '04-bid');
    await page.goto(`/c/${cast.communityId}/todo`);
    await page.getByRole('region', { name: '待办事项' }).getByText('已投标，截止前可修改', { exact: false }).waitFor();
  });
});
