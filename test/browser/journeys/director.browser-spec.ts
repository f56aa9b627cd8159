import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, DESKTOP } from '../../support/browser-chromium';
import { api } from '../browser-api';
import { confirmDialog } from '../browser-ui';
import { chainCast, itemAtAssembly, type ChainCast } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/**
 * 业委会主任: from the badge to an item waiting for its vote; drafts the notice with what it must state (scrutineers,
 * tellers, contact), edits it, publishes it after a confirmation — and sees it wait for its seals (publishing is the
 * sealing), with the next step and the way to move the window.
 */

let browser: Browser;
let page: Page;
let cast: ChainCast;
let itemId: string;

beforeAll(async () => {
  cast = await chainCast();
  // The seals are cut (their default custodians set PINs first), so publishing can ask for them at once.
  for (const who of [cast.director, cast.residents])
    await api('PUT', `/communities/${cast.communityId}/my-seal-pin`, { token: who.token, body: { pin: 'director-journey-pin' } });
  await api('POST', `/communities/${cast.communityId}/seals`, { token: cast.director.token, body: { term: 1 } });
  itemId = await itemAtAssembly(cast);
  browser = await launchChromium();
  page = await (await newContext(browser, DESKTOP)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: the director drafts, edits and publishes a notice', () => {
  test('from the login page and the badge (the item reached his stages) to the item', async () => {
    await loginToTodo(page, cast.communityId, cast.director.login, cast.director.password, 'director');
    await page.goto(`/c/${cast.communityId}/agenda/${itemId}`);
    await page.getByTestId('draft-vote').waitFor();
    await step(page, 'director', '03-item');
  });

  test('drafts the notice; Enter in a field does not save it', async () => {
    await page.getByTestId('draft-vote').click();
    await page.getByRole('heading', { name: '起草业主大会表决公告' }).waitFor();
    await page.getByTestId('vote-title').fill('2026 年第二次业主大会（草稿）');
    await page.getByTestId('vote-title').press('Enter');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe(`/c/${cast.communityId}/agenda/${itemId}/vote`);
    // What the notice must state: without scrutineers, tellers and a contact phone the draft is not saved.
    await page.getByTestId('save-vote-draft').click();
    await page.getByText('请填写监票人（业主代表等）').waitFor();
    await page.getByText('请填写联系电话').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${cast.communityId}/agenda/${itemId}/vote`);
    await page.getByTestId('notice-paper-place').fill('物业服务中心一楼业委会票箱');
    await page.getByTestId('notice-scrutineers').fill('欧阳甲、司马乙');
    await page.getByTestId('notice-tellers').fill('诸葛丙');
    await page.getByTestId('notice-contact-phone').fill('0571-88886666');
    await step(page, 'director', '04-draft-form');
    await page.getByTestId('save-vote-draft').click();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    await page.getByText('草稿（未公告）').waitFor();
    await step(page, 'director', '05-draft');
  });

  test('edits the draft, then publishes it after the confirmation says what will happen', async () => {
    await page.getByTestId('edit-vote-draft').click();
    await page.getByRole('heading', { name: '修改表决草稿' }).waitFor();
    await page.getByTestId('vote-title').fill('2026 年第二次业主大会');
    // The notice details come back as saved.
    expect(await page.getByTestId('notice-scrutineers').inputValue()).toBe('欧阳甲、司马乙');
    expect(await page.getByTestId('notice-contact-phone').inputValue()).toBe('0571-88886666');
    await step(page, 'director', '06-edit');
    await page.getByTestId('save-vote-draft').click();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /2026 年第二次业主大会$/ }).waitFor();
    await page.getByTestId('publish-notice').click();
    const consequence = page.getByTestId('confirm-consequence');
    await consequence.getByText('不能再修改或删除', { exact: false }).waitFor();
    await step(page, 'director', '07-confirm-publish');
    // Publishing registers the notice PDF and asks for its seals in the same step: allow it the time to render.
    await confirmDialog(page, { timeout: 60_000 });
    // Published, but public only once sealed: the page says so, the seals to come, and the next step.
    await page.getByText('已发布 · 待用章').first().waitFor();
    const sealing = page.getByTestId('notice-sealing');
    await sealing.getByText('公告日期即用章日期', { exact: false }).waitFor();
    await sealing.getByRole('button', { name: '调整投票时间' }).waitFor();
    expect(await page.getByTestId('edit-vote-draft').count()).toBe(0);
    await step(page, 'director', '08-published-awaiting-seals');
  });

  test('publishing asked for both seals itself: the page shows them to come and who applies each, no second step', async () => {
    // The system made the request at publishing, so the director — who keeps the committee seal — may apply it;
    // the assembly seal is the residents' committee's (one person never applies both).
    const state = page.getByTestId('notice-sealing').getByTestId('notice-seal-state');
    await state.getByText('业主大会章：待盖').waitFor();
    await state.getByText('业主委员会章：待盖').waitFor();
    const next = state.getByTestId('notice-seal-next');
    await next.getByText('系统', { exact: false }).waitFor();
    await next.getByText(`业主大会章由${cast.residents.name}用章`, { exact: false }).waitFor();
    await next.getByText(`业主委员会章由${cast.director.name}用章`, { exact: false }).waitFor();
    expect(await page.getByTestId('request-notice-seals').count()).toBe(0);
    await step(page, 'director', '09-seal-request-by-publishing');
  });
});
