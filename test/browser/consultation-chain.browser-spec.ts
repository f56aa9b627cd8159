import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../support/browser-chromium';
import { api } from './browser-api';
import { expectText, pagesPerPerson, pick, confirmDialog } from './browser-ui';
import { chainCast, draftVote, itemAtAssembly, type ChainCast } from './vote-fixtures';

/**
 * The consultation chain in the browser: a clerk proposes an item, the party secretary records the pre-discussion,
 * the clerk records the four-party joint meeting (the server refuses it while a party is absent), the director skips
 * the representatives' meeting with a reason, and the clerk drafts and publishes the assembly notice, which reaches
 * the residents' committee's inbox. A notice that comes too late is refused with the earliest lawful opening date.
 * A matter the committee decides itself goes through the committee's resolution (each member present, voting and
 * signing), the property company's progress report and the committee's acceptance.
 */

let browser: Browser;
let cast: ChainCast;
let itemUrl: string;
const as = pagesPerPerson(() => browser);

const timeline = (page: Page) => page.getByTestId('chain-timeline');

beforeAll(async () => {
  cast = await chainCast();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('consultation chain', () => {
  test('a committee member proposes an item with its Civil Code category', async () => {
    const page = await as(cast.clerk, `/c/${cast.communityId}/agenda`);
    await page.getByText('还没有议题').waitFor();
    await page.getByTestId('propose-item').click();
    const dialog = page.getByRole('dialog', { name: '提出议题' });
    await dialog.getByTestId('item-title').fill('3 幢加装电梯');
    await pick(page, dialog.getByTestId('item-category'), '（七）改建、重建建筑物及其附属设施');
    await dialog.getByTestId('item-description').fill('为 3 幢加装电梯一部，费用由受益业主分摊。');
    await dialog.getByTestId('item-budget').fill('980,000');
    await screenshot(page, '21-agenda-propose', { fullPage: false });
    await dialog.getByTestId('create-item-submit').click();
    await page.waitForURL(/\/agenda\/[0-9a-f-]{36}$/);
    itemUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: '第 1 号议题：3 幢加装电梯' }).waitFor();
    await page.getByText('¥980,000.00').waitFor();
    await page.getByText('须四分之三以上').waitFor();
    await page.getByTestId('stage-actions').getByText('等待党支部书记办理').waitFor();

    await page.getByText('返回议题看板').click();
    await page.getByTestId('agenda-column-party_prediscussion').getByTestId('agenda-card').getByText('3 幢加装电梯').waitFor();
    await screenshot(page, '22-agenda-board');
  });

  test('the party secretary records the pre-discussion', async () => {
    const page = await as(cast.secretary, itemUrl);
    await page.getByTestId('record-party_prediscussion').click();
    const dialog = page.getByRole('dialog', { name: '记录「支部先议」' });
    await dialog.getByTestId('meeting-place').fill('社区党群服务中心');
    await dialog.getByTestId('meeting-chair').fill('郑书记');
    await dialog.getByPlaceholder('姓名').first().fill('郑书记');
    await dialog.getByTestId('meeting-minutes').fill('支部先议：同意提交联席会议讨论加装电梯方案。');
    await screenshot(page, '23-meeting-form', { fullPage: false });
    await dialog.getByTestId('meeting-submit').click();
    await timeline(page).getByText('支部先议 · 通过').waitFor();
    await timeline(page).getByText('社区党群服务中心').waitFor();
  });

  test('the joint meeting needs all four parties; the clerk records it once 物业 attends', async () => {
    const page = await as(cast.clerk, itemUrl);
    await page.getByTestId('record-joint_meeting').click();
    const dialog = page.getByRole('dialog', { name: '记录「联席会议」' });
    await dialog.getByTestId('meeting-place').fill('小区会议室');
    for (const [i, name] of ['郑书记', '刘主任', '陈主任', '孙经理'].entries()) await dialog.getByTestId(`joint-party-${i}`).fill(name);
    // The 出席 box of the fourth party row (物业); Form.List names it parties_3_present.
    const propertyPresent = dialog.locator('#parties_3_present');
    await propertyPresent.uncheck();
    await dialog.getByTestId('joint-plan').fill('加装一部电梯，公开招标，费用按楼层分摊。');
    await dialog.getByTestId('meeting-minutes').fill('四方联席会议讨论了加装电梯方案。');
    await dialog.getByTestId('meeting-submit').click();
    await page.locator('.ant-message').getByText('联席会议缺少：物业').waitFor();

    await propertyPresent.check();
    await dialog.getByTestId('meeting-submit').click();
    await timeline(page).getByText('联席会议 · 通过').waitFor();
    await timeline(page).getByText('加装一部电梯，公开招标，费用按楼层分摊。').waitFor();
  });

  test('the director skips the representatives’ meeting with a recorded reason', async () => {
    const page = await as(cast.director, itemUrl);
    await page.getByTestId('skip-representatives_meeting').click();
    await page.getByTestId('skip-reason').fill('已在联席会议上听取各楼栋长意见');
    await page.getByTestId('skip-reason-submit').click();
    await timeline(page).getByText('居民代表会议 · 跳过').waitFor();
    await timeline(page).getByText('跳过理由：已在联席会议上听取各楼栋长意见').waitFor();
    await screenshot(page, '24-agenda-item-timeline');
  });

  test('the clerk drafts the assembly notice and publishes it; the residents’ committee is told', async () => {
    const page = await as(cast.clerk, itemUrl);
    await page.getByTestId('draft-vote').click();
    await page.getByRole('heading', { name: '起草业主大会表决公告' }).waitFor();
    await page.getByText('公告须在投票开始前至少 15 日发布', { exact: false }).waitFor();
    await screenshot(page, '25-vote-draft');
    await page.getByTestId('notice-scrutineers').fill('业主代表甲、业主代表乙');
    await page.getByTestId('notice-tellers').fill('业委会委员丙');
    await page.getByTestId('notice-contact-phone').fill('0571-88886666');
    await page.getByTestId('save-vote-draft').click();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    await page.getByText('草稿（未公告）').waitFor();
    await page.getByTestId('publish-notice').click();
    await confirmDialog(page);
    // Publishing is the sealing: published, and waiting for its seals before it is public.
    await page.getByText('已发布 · 待用章').first().waitFor();
    await page.getByTestId('participation').waitFor();
    await screenshot(page, '26-vote-published');

    const inbox = await as(cast.residents, `/c/${cast.communityId}/notifications`);
    const note = inbox.getByTestId('notification').filter({ hasText: '业主大会公告：关于「3 幢加装电梯」的业主大会表决' });
    await note.waitFor();
    await screenshot(inbox, '27-notifications');
    await note.getByRole('button', { name: '查看详情' }).click();
    await inbox.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
  });

  test('a notice published too late is refused with the earliest lawful opening date', async () => {
    const other = await itemAtAssembly(cast, '更换 1 号楼门禁');
    const voteId = await draftVote(cast, other, 10);
    const page = await as(cast.clerk, `/c/${cast.communityId}/votes/${voteId}`);
    await page.getByTestId('publish-notice').click();
    await confirmDialog(page);
    const error = page.getByTestId('publish-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/公告期不足.*须提前15日公告，投票最早可于\d{4}年\d{1,2}月\d{1,2}日开始/);
    await expectText(page.locator('.ant-tag').filter({ hasText: '草稿' }), '草稿（未公告）');
    await screenshot(page, '28-publish-refused');
  });

  test('a committee matter: resolution by every member, progress by the property company, acceptance', async () => {
    const item = await api<{ id: string }>('POST', `/communities/${cast.communityId}/agenda-items`, {
      token: cast.clerk.token,
      body: { title: '更换 2 号楼门禁读卡器', category: 'committee_only', description: '读卡器损坏，拟更换。', budgetFen: '120000' },
    });
    await api('POST', `/communities/${cast.communityId}/agenda-items/${item.id}/skips`, {
      token: cast.director.token,
      body: { stage: 'joint_meeting', reason: '小额维修，无须联席会议' },
    });
    const url = `/c/${cast.communityId}/agenda/${item.id}`;

    const clerk = await as(cast.clerk, url);
    await clerk.getByTestId('record-committee_resolution').click();
    const dialog = clerk.getByRole('dialog', { name: '记录「业委会决议」' });
    await dialog.getByTestId('meeting-place').fill('业委会办公室');
    const members = dialog.getByTestId('member-vote');
    expect(await members.count()).toBe(3); // 陈主任, 李委员, 王委员
    for (let i = 0; i < 3; i++) {
      await members.nth(i).getByText('赞成').click();
      await members.nth(i).getByText('已签字').click();
    }
    await dialog.getByTestId('meeting-minutes').fill('业委会会议一致同意更换读卡器。');
    await screenshot(clerk, '34-committee-resolution', { fullPage: false });
    await dialog.getByTestId('meeting-submit').click();
    await timeline(clerk).getByText('业委会决议 · 通过').waitFor();
    await timeline(clerk).getByText('陈主任：赞成，已签字').waitFor();

    const property = await as(cast.property, url);
    await property.getByTestId('report-progress').click();
    const progress = property.getByRole('dialog', { name: '报告执行进度' });
    await progress.getByLabel('完成进度（%）').fill('100');
    await progress.getByLabel('进展说明').fill('读卡器已更换并调试完毕。');
    await progress.getByRole('button', { name: '提交进度' }).click();
    await property.getByTestId('timeline-progress').getByText('读卡器已更换并调试完毕。').waitFor();

    await clerk.reload();
    await clerk.getByTestId('accept-execution').click();
    const accept = clerk.getByRole('dialog', { name: '业委会验收' });
    await accept.getByTestId('meeting-place').fill('2 号楼门厅');
    await accept.getByPlaceholder('姓名').nth(0).fill('陈主任');
    await accept.getByPlaceholder('姓名').nth(1).fill('孙经理');
    await accept.getByTestId('meeting-minutes').fill('现场验收，读卡器工作正常。');
    await accept.getByTestId('meeting-submit').click();
    await timeline(clerk).getByText('议题办结').waitFor();
    await clerk.getByTestId('stage-actions').getByText('议题已办结。').waitFor();
    await screenshot(clerk, '35-agenda-item-done');
  });
});
