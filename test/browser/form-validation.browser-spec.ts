import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser-chromium';
import { api, createPerson, FIXTURE_ADMIN, FIXTURE_ADMIN_PASSWORD, type Person } from './browser-api';
import { pagesPerPerson } from './browser-ui';
import { elevatorHearingBody } from './hearing-fixtures';
import { chainCast, itemAtAssembly, type ChainCast } from './vote-fixtures';

/**
 * Each dialog asked with a required field left empty: pressing OK shows antd's error under the field, sends
 * nothing, and leaves no script error behind (the OK handlers awaited `validateFields()` bare, so every such press
 * was an unhandled promise rejection in the console).
 */

const DAY = 86_400_000;
let browser: Browser;
let as: ReturnType<typeof pagesPerPerson>;
let cast: ChainCast;
let freshItemId: string;
let executionItemId: string;
let hearingId: string;
const problems = new Map<Page, string[]>();

/** The page of `person` at `path`, recording every page error and console error it shows from now on. */
async function watched(person: { login: string; password: string }, path: string): Promise<Page> {
  const page = await as(person, path);
  problems.get(page)?.splice(0);
  if (!problems.has(page)) {
    const seen: string[] = [];
    problems.set(page, seen);
    page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') seen.push(`console: ${m.text()}`);
    });
  }
  return page;
}

/** Presses the dialog's OK with the form empty; the field error shows, the dialog stays, no error was thrown. */
async function okEmpty(page: Page, dialogName: string | RegExp, ok: string, fieldError: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.locator('.ant-form-item-explain-error').filter({ hasText: fieldError }).first().waitFor();
  // One round trip to the page, so a rejection raised by the click has been delivered to the listeners.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  expect(await dialog.isVisible()).toBe(true);
  expect(problems.get(page)).toEqual([]);
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  cast = await chainCast();
  const c = `/communities/${cast.communityId}`;
  const committeeOnly = async (title: string) =>
    (
      await api<{ id: string }>('POST', `${c}/agenda-items`, {
        token: cast.clerk.token,
        body: { title, category: 'committee_only', description: '门禁读卡器损坏，拟更换。', budgetFen: '120000' },
      })
    ).id;
  freshItemId = await committeeOnly('更换 3 号楼门禁读卡器');
  executionItemId = await committeeOnly('更换 2 号楼门禁读卡器');
  await api('POST', `${c}/agenda-items/${executionItemId}/skips`, {
    token: cast.director.token,
    body: { stage: 'joint_meeting', reason: '小额维修，无须联席会议' },
  });
  await api('POST', `${c}/agenda-items/${executionItemId}/stages/committee_resolution/meeting`, {
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
  const hearingItem = await itemAtAssembly(cast, '3 幢电梯更新');
  const experts: Person[] = [];
  for (let i = 0; i < 4; i++) experts.push(await createPerson(cast.admin, cast.communityId, `专家${i + 1}`, ['owner']));
  const vendors: Person[] = [];
  for (const name of ['甲电梯工程有限公司', '乙机电设备有限公司', '丙电梯安装有限公司'])
    vendors.push(await createPerson(cast.admin, cast.communityId, name, ['vendor']));
  hearingId = (
    await api<{ id: string }>('POST', `${c}/hearings`, {
      token: cast.clerk.token,
      body: elevatorHearingBody(cast, hearingItem, experts, vendors, Date.now() + DAY),
    })
  ).id;
  browser = await launchChromium();
  as = pagesPerPerson(() => browser);
});

afterAll(async () => {
  await browser?.close();
});

describe('a dialog pressed OK with a required field empty shows the error and throws nothing', () => {
  test('提出议题 (CreateItemModal)', async () => {
    const page = await watched(cast.director, `/c/${cast.communityId}/agenda`);
    await page.getByTestId('propose-item').click();
    await okEmpty(page, '提出议题', '提交', '请输入议题名称');
  });

  test('跳过环节 (TextModal of ItemActionModals)', async () => {
    const page = await watched(cast.director, `/c/${cast.communityId}/agenda/${freshItemId}`);
    await page.getByTestId('skip-joint_meeting').click();
    await okEmpty(page, /^跳过「/, '确认跳过', /请填写，至少/);
  });

  test('报告执行进度 (ProgressModal of ItemActionModals)', async () => {
    const page = await watched(cast.property, `/c/${cast.communityId}/agenda/${executionItemId}`);
    await page.getByTestId('report-progress').click();
    await okEmpty(page, '报告执行进度', '提交进度', '请写明进展');
  });

  test('记一笔公共收益台账 (LedgerEntryModal)', async () => {
    const page = await watched(cast.director, `/c/${cast.communityId}/ledger`);
    await page.getByTestId('add-entry').click();
    await okEmpty(page, '记一笔公共收益台账', '保存', '请填写类别');
  });

  test('授予角色 (GrantRoleModal) and 新建小区 (CommunitiesPage) for the platform admin', async () => {
    const admin = { login: FIXTURE_ADMIN, password: FIXTURE_ADMIN_PASSWORD };
    const page = await watched(admin, `/c/${cast.communityId}/roles`);
    await page.getByTestId('grant-role-button').click();
    await okEmpty(page, '授予角色', '提交居委会确认', '请选择账号');
    await page.goto('/communities');
    await page.getByTestId('create-community-button').click();
    await okEmpty(page, '新建小区', '创建', '请输入小区名称');
  });

  test('调整评审组 (HearingCommitteeTools): an added empty row is refused before any confirmation is asked', async () => {
    const page = await watched(cast.director, `/c/${cast.communityId}/hearings/${hearingId}`);
    const editor = page.getByTestId('panel-editor');
    await editor.getByRole('button', { name: '添加评审' }).click();
    await editor.getByTestId('panel-save').click();
    await editor.locator('.ant-form-item-explain-error').filter({ hasText: '请选择' }).first().waitFor();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(problems.get(page)).toEqual([]);
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    // Nothing was sent: the panel is still the seven members it was created with.
    const hearing = await api<{ panel: unknown[] }>('GET', `/communities/${cast.communityId}/hearings/${hearingId}`, {
      token: cast.director.token,
    });
    expect(hearing.panel).toHaveLength(7);
  });
});
