import type { Browser } from 'playwright-core';
import { DESKTOP, launchChromium, newContext, PHONE, screenshot, serverUnderTest } from '../support/browser-chromium';
import { api, createPerson, withDatabase, type Person } from './browser-api';
import { confirmDialog, horizontalOverflow, openSignedIn } from './browser-ui';
import { chainCast, itemAtAssembly, type ChainCast } from './vote-fixtures';
import { elevatorHearingBody, HEARING_CRITERIA } from './hearing-fixtures';

/**
 * 听证结果异议期: the hearing is bid, opened, scored and its result published through the API. An owner follows 我的待办
 * ("听证结果公示中，可提出异议") to the hearing page on a phone and files an objection there; the committee sees it
 * listed and downloads a bid's attachment and the result's draft PDF from the same page.
 */

const DAY = 86_400_000;
const TITLE = '3 幢电梯更新现场竞标听证会';
let browser: Browser;
let cast: ChainCast;
let owner: Person;
let hearingId: string;

beforeAll(async () => {
  cast = await chainCast();
  const { admin, communityId } = cast;
  const itemId = await itemAtAssembly(cast, '3 幢电梯更新');
  owner = await createPerson(admin, communityId, '业主张伟', ['owner']);
  const experts: Person[] = [];
  for (let i = 0; i < 4; i++) experts.push(await createPerson(admin, communityId, `专家${i + 1}`, ['owner']));
  const vendors: Person[] = [];
  for (const name of ['甲电梯工程有限公司', '乙机电设备有限公司', '丙电梯安装有限公司'])
    vendors.push(await createPerson(admin, communityId, name, ['vendor']));
  const panel = [cast.representative, cast.clerk2, cast.property, ...experts];
  const deadline = Date.now() + DAY;
  const hearing = await api<{ id: string }>('POST', `/communities/${communityId}/hearings`, {
    token: cast.clerk.token,
    body: elevatorHearingBody(cast, itemId, experts, vendors, deadline, TITLE),
  });
  hearingId = hearing.id;
  const url = `/communities/${communityId}/hearings/${hearingId}`;
  // The first bid carries an attachment (multipart, as the web bid form sends it).
  const form = new FormData();
  form.append('amountFen', '4200050');
  form.append('warrantyMonths', '60');
  form.append('deliveryDays', '40');
  form.append('proposal', '拆除旧梯，安装新梯，含五年维保。');
  form.append('attachment', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n% 方案书\n'))], { type: 'application/pdf' }), 'fangan.pdf');
  const res = await fetch(`${serverUnderTest().baseUrl}/api${url}/bids`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${vendors[0].token}` },
    body: form,
  });
  if (!res.ok) throw new Error(`bid with attachment: ${res.status} ${await res.text()}`);
  for (const [v, amountFen] of [
    [vendors[1], '4580000'],
    [vendors[2], '4390050'],
  ] as const)
    await api('POST', `${url}/bids`, {
      token: v.token,
      body: { amountFen, warrantyMonths: 24, deliveryDays: 45, proposal: `${v.name}的方案` },
    });
  // Only moves time: the deadline and opening (a day ahead) are set to now, after all three bids were sealed.
  await withDatabase((db) => db.query('UPDATE hearings SET bid_deadline = now(), opening_at = now() WHERE id = $1', [hearingId]));
  await api('POST', `${url}/opening`, { token: cast.clerk.token });
  const opened = await api<{ bids: { id: string }[] }>('GET', url, { token: cast.clerk.token });
  for (const [i, m] of panel.entries()) {
    await api('POST', `${url}/declarations`, { token: m.token, body: {} });
    const scores = opened.bids.flatMap((b, j) =>
      HEARING_CRITERIA.map((c) => ({ bidId: b.id, criterion: c.key, score: 90 - 10 * j + (i % 2) })),
    );
    await api('POST', `${url}/scores`, { token: m.token, body: { scores } });
  }
  await api('POST', `${url}/result`, {
    token: cast.clerk.token,
    body: { heldAt: new Date().toISOString(), minutes: '评审组七人出席；当场开标唱标，独立评分。', shortlistSize: 2 },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('objections to a hearing result', () => {
  test('an owner follows 我的待办 to the hearing and files an objection there', async () => {
    const phone = await newContext(browser, PHONE);
    const page = await phone.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/todo`, owner.login, owner.password);
    const task = page.getByTestId('todo-item').filter({ hasText: `听证结果公示中，可提出异议：${TITLE}` });
    await task.getByRole('button', { name: '去办理' }).click();
    await page.waitForURL(`**/c/${cast.communityId}/hearings/${hearingId}`);
    const card = page.getByTestId('hearing-objections');
    await card.getByText('异议期至').waitFor();
    await card.getByText('尚无异议').waitFor();
    const submit = page.getByTestId('hearing-objection-submit');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('hearing-objection-text').fill('乙机电设备有限公司的质保年限评分与其投标不符，请复核。');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-hearing-objection-form');
    await submit.click();
    await confirmDialog(page);
    await card.getByTestId('hearing-objection').filter({ hasText: '质保年限评分与其投标不符' }).waitFor();
    await card.getByText('已提出的异议（1 件）').waitFor();
    expect(await page.getByTestId('hearing-objection-text').inputValue()).toBe('');
    // The objection is in the decision record with its text.
    const rows = await withDatabase((db) =>
      db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM record_entries WHERE community_id = $1 AND action = 'hearing.objection_filed' AND actor_id = $2`,
        [cast.communityId, owner.userId],
      ),
    );
    expect(rows.rows[0].n).toBe(1);
    await screenshot(page, 'phone-hearing-objection-filed');
    await phone.close();
  });

  test('the committee sees the objection and downloads the bid attachment and the result PDF from the hearing page', async () => {
    const desk = await newContext(browser, DESKTOP);
    const page = await desk.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/hearings/${hearingId}`, cast.clerk.login, cast.clerk.password);
    await page.getByTestId('hearing-objection').filter({ hasText: '质保年限评分与其投标不符' }).waitFor();
    const [attachment] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bid-attachment').click()]);
    expect(attachment.suggestedFilename()).toBe('fangan.pdf');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('result-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    // Once published the panel is closed: no editor for it, and no late invitations.
    expect(await page.getByTestId('panel-editor').count()).toBe(0);
    expect(await page.getByTestId('invite-vendor').count()).toBe(0);
    await desk.close();
  });

  test('the committee answers the objection on the hearing page; the owner reads the answer there and is notified', async () => {
    const desk = await newContext(browser, DESKTOP);
    const page = await desk.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/hearings/${hearingId}`, cast.clerk.login, cast.clerk.password);
    const objection = page.getByTestId('hearing-objection').filter({ hasText: '质保年限评分与其投标不符' });
    const submit = objection.getByTestId('hearing-answer-submit');
    // An answer must be written in Chinese: English alone leaves the button disabled.
    await objection.getByTestId('hearing-answer-text').fill('Checked.');
    expect(await submit.isDisabled()).toBe(true);
    await objection.getByTestId('hearing-answer-text').fill('经复核，乙公司质保 24 个月的评分与投标一致，维持评审结果。');
    await screenshot(page, 'hearing-objection-answer-form');
    await submit.click();
    await confirmDialog(page);
    await objection.getByTestId('hearing-objection-answer').getByText('维持评审结果', { exact: false }).waitFor();
    expect(await objection.getByTestId('hearing-answer-form').count()).toBe(0);
    await desk.close();

    const phone = await newContext(browser, PHONE);
    const mine = await phone.newPage();
    await openSignedIn(mine, `/c/${cast.communityId}/hearings/${hearingId}`, owner.login, owner.password);
    const answered = mine.getByTestId('hearing-objection').filter({ hasText: '质保年限评分与其投标不符' });
    await answered.getByTestId('hearing-objection-answer').getByText('业主委员会答复：', { exact: false }).waitFor();
    expect(await answered.getByTestId('hearing-answer-form').count()).toBe(0);
    await screenshot(mine, 'phone-hearing-objection-answered');
    await mine.goto(`/c/${cast.communityId}/notifications`);
    await mine.getByText(`您对听证结果的异议已答复：${TITLE}`).first().waitFor();
    await phone.close();
  });
});
