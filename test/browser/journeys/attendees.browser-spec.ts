import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { api, type Person } from '../browser-api';
import { confirmDialog } from '../browser-ui';
import { chainCast, type ChainCast } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/**
 * 与会人员确认纪要: the joint meeting's minutes are final only when every attendee present has confirmed them. The
 * 居委会 objects on a phone, the recorder amends and enters a paper signature, a second member countersigns it,
 * everyone confirms from 我的待办, and the record is final (no seal) with each confirmation printed.
 */

let browser: Browser;
let cast: ChainCast;
let meetingId: string;
const TITLE = '3 幢加装电梯';
const TASK = `请确认会议纪要：联席会议「${TITLE}」`;

async function openTask(person: Person, role: string, task: string): Promise<Page> {
  const page = await (await newContext(browser, PHONE)).newPage();
  await loginToTodo(page, cast.communityId, person.login, person.password, role);
  await page
    .getByRole('region', { name: '待办事项' })
    .getByTestId('todo-item')
    .filter({ hasText: task })
    .getByRole('button', { name: '去办理' })
    .click();
  await page.waitForURL(`**/c/${cast.communityId}/meetings/${meetingId}/minutes`);
  await page.getByRole('heading', { name: `联席会议会议纪要：${TITLE}` }).waitFor();
  return page;
}

async function confirmMine(page: Page) {
  await page.getByTestId('confirm-minutes').click();
  await confirmDialog(page);
  await page
    .getByTestId('my-state')
    .getByText(/您已于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 确认本纪要/)
    .waitFor();
}

beforeAll(async () => {
  cast = await chainCast();
  const c = `/communities/${cast.communityId}`;
  const item = await api<{ id: string }>('POST', `${c}/agenda-items`, {
    token: cast.clerk.token,
    body: { title: TITLE, category: 'art278_7', description: '为 3 幢加装电梯一部，费用由受益业主分摊。', budgetFen: '98000000' },
  });
  const base = { heldAt: new Date(Date.now() - 3_600_000).toISOString(), place: '社区党群服务中心', chair: '郑书记' };
  await api('POST', `${c}/agenda-items/${item.id}/stages/party_prediscussion/meeting`, {
    token: cast.secretary.token,
    body: {
      ...base,
      attendees: [{ name: '郑书记', party: '党支部', present: true }],
      minutes: '支部同意提交联席会议。',
      outcome: 'advance',
    },
  });
  const joint = await api<{ meeting: { id: string } }>('POST', `${c}/agenda-items/${item.id}/stages/joint_meeting/meeting`, {
    token: cast.clerk.token,
    body: {
      ...base,
      attendees: [
        { name: '郑书记', party: '党支部', present: true, userId: cast.secretary.userId },
        { name: '居委会刘主任', party: '居委会', present: true, userId: cast.residents.userId },
        { name: '李委员', party: '业委会', present: true, userId: cast.clerk.userId },
        { name: '物业张师傅', party: '物业', present: true },
        { name: '楼栋长周阿姨', party: '居民代表', present: false },
      ],
      minutes: '会议讨论了 3 幢加装电梯方案，与会各方发表了意见。',
      details: { plan: '加装一部电梯，公开招标', options: ['方案甲', '方案乙'] },
      outcome: 'advance',
    },
  });
  meetingId = joint.meeting.id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: attendees confirm the minutes', () => {
  let residents: Page;
  let recorder: Page;

  test('the 居委会 finds the minutes in 我的待办 and objects', async () => {
    residents = await openTask(cast.residents, 'attendees-residents', TASK);
    await residents.getByTestId('minutes-status').getByText('待确认（还差 4 人）').waitFor();
    await residents.getByTestId('attendee-state-4').getByText('缺席，无需确认').waitFor();
    await step(residents, 'attendees-residents', '03-minutes');
    await residents.getByTestId('object-minutes').click();
    const dialog = residents.getByRole('dialog', { name: '对纪要提出意见' });
    await dialog.getByLabel('哪里与会议情况不符').fill('居委会提出先做采光评估，纪要漏记了');
    await step(residents, 'attendees-residents', '04-objection');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await residents.getByTestId('my-state').getByText('您已提出意见：居委会提出先做采光评估，纪要漏记了').waitFor();
    await step(residents, 'attendees-residents', '05-objected');
  });

  test('the recorder amends the minutes, enters the paper signature and confirms his own', async () => {
    recorder = await openTask(cast.clerk, 'attendees-recorder', `纪要有意见，待修改：联席会议「${TITLE}」`);
    await recorder.getByTestId('attendee-state-1').getByText('意见：居委会提出先做采光评估，纪要漏记了').waitFor();
    await recorder.getByTestId('amend-minutes').click();
    const dialog = recorder.getByRole('dialog', { name: '修改纪要' });
    await dialog.getByLabel('修改后的纪要全文').fill('会议讨论了 3 幢加装电梯方案。居委会提出先做采光评估，与会各方同意。');
    await dialog.getByLabel('修改说明').fill('按居委会刘主任的意见补充');
    await step(recorder, 'attendees-recorder', '03-amend');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await recorder
      .getByTestId('minutes-text')
      .getByText(/先做采光评估/)
      .waitFor();
    await recorder.getByText('第 2 稿').waitFor();
    await recorder.getByTestId('paper-enter-3').click();
    await confirmDialog(recorder);
    await recorder.getByTestId('attendee-state-3').getByText('纸面签字已登记，待另一位委员核对').waitFor();
    // He cannot countersign his own entry: there is no button for it.
    expect(await recorder.getByTestId('paper-countersign-3').count()).toBe(0);
    await confirmMine(recorder);
    await step(recorder, 'attendees-recorder', '04-paper-entered');
  });

  test('a second member countersigns the paper signature from 我的待办', async () => {
    const second = await openTask(cast.clerk2, 'attendees-second', '纸面签字待核对：联席会议');
    await second.getByTestId('paper-countersign-3').click();
    await confirmDialog(second);
    await second.getByTestId('attendee-state-3').getByText('（李委员登记、王委员核对）').waitFor();
    await step(second, 'attendees-second', '03-countersigned');
  });

  test('the party secretary confirms from 我的待办', async () => {
    const secretary = await openTask(cast.secretary, 'attendees-secretary', TASK);
    await confirmMine(secretary);
    await step(secretary, 'attendees-secretary', '03-confirmed');
  });

  test('the 居委会 confirms the amended minutes: they are final, without a seal, and can be downloaded', async () => {
    residents = await openTask(cast.residents, 'attendees-residents', TASK);
    await residents
      .getByTestId('minutes-text')
      .getByText(/先做采光评估/)
      .waitFor();
    await confirmMine(residents);
    await residents.getByTestId('minutes-status').getByText('已全体确认，定稿').waitFor();
    await residents.getByTestId('minutes-download').waitFor();
    await step(residents, 'attendees-residents', '06-final');
    await residents.goto(`/c/${cast.communityId}/todo`);
    await residents.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(await residents.getByRole('region', { name: '待办事项' }).getByText(TASK).count()).toBe(0);
  });
});
