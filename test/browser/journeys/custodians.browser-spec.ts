import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE } from '../../support/browser-chromium';
import { api } from '../browser-api';
import { chainCast, draftVote, itemAtAssembly, publishedNotice, type ChainCast } from '../vote-fixtures';
import { loginToTodo, step } from './journey-support';

/**
 * The two custodians seal the notice convening the assembly on an Art. 278 item, each from their own 我的待办:
 * 居委会 applies the assembly seal, the director the committee seal; each is asked first and told what applying means.
 * Publishing is the sealing: until both are on, the vote page says 待用章; afterwards the notice is dated that day.
 */

let browser: Browser;
let cast: ChainCast;
let documentNumber: string;
let voteId: string;
const SEAL_PIN = 'custodian-seal-pin';

beforeAll(async () => {
  cast = await chainCast();
  const { communityId, director, clerk, residents } = cast;
  // The default custodians set their own seal PINs first: the new keys are wrapped for them at issue.
  for (const who of [director, residents]) {
    await api('PUT', `/communities/${communityId}/my-seal-pin`, { token: who.token, body: { pin: SEAL_PIN } });
  }
  await api('POST', `/communities/${communityId}/seals`, { token: director.token, body: { term: 1 } });
  const itemId = await itemAtAssembly(cast);
  // The notice convening the assembly is the assembly's own act, so it carries both seals (seal-policy.ts);
  // minutes carry the committee's seal only and would give 居委会 nothing to seal.
  voteId = await draftVote(cast, itemId, 16);
  await api('POST', `/communities/${communityId}/votes/${voteId}/notice`, { token: clerk.token });
  // Publishing registered the notice and asked for both seals itself: the custodians find it in 我的待办.
  documentNumber = (await publishedNotice(communityId, voteId, clerk.token)).documentNumber;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function seal(who: { login: string; password: string }, role: string, kind: 'assembly' | 'committee'): Promise<Page> {
  const page = await (await newContext(browser, PHONE)).newPage();
  await loginToTodo(page, cast.communityId, who.login, who.password, role);
  await page
    .getByRole('region', { name: '待办事项' })
    .getByTestId('todo-item')
    .filter({ hasText: '用章申请' })
    .getByRole('button', { name: '去办理' })
    .click();
  await page.waitForURL(`**/c/${cast.communityId}/seal-inbox`);
  const card = page.getByTestId('seal-request').filter({ hasText: documentNumber });
  await card.getByTestId(`apply-${kind}`).waitFor();
  await step(page, role, '03-seal-inbox');
  await card.getByTestId(`apply-${kind}`).click();
  await page.getByTestId('confirm-consequence').getByText('数字签名', { exact: false }).waitFor();
  await step(page, role, '04-confirm-seal');
  // The same dialog asks for the custodian's own PIN: only it opens the seal key.
  await page.getByTestId('seal-pin').fill(SEAL_PIN);
  await page.getByRole('button', { name: '确认用章' }).click();
  await page.getByTestId('seal-pin').waitFor({ state: 'detached' });
  return page;
}

describe('journey: custodians seal', () => {
  test('居委会 applies the assembly seal from its 我的待办', async () => {
    const page = await seal(cast.residents, 'custodian-assembly', 'assembly');
    await page
      .getByTestId('seal-request')
      .filter({ hasText: documentNumber })
      .getByTestId('seal-state-assembly')
      .getByText('已盖')
      .waitFor();
    await step(page, 'custodian-assembly', '05-sealed');
  });

  test('the director applies the committee seal; the document is final and leaves both lists', async () => {
    const page = await seal(cast.director, 'custodian-committee', 'committee');
    await page.getByTestId('closed-requests').getByText(documentNumber).waitFor();
    await step(page, 'custodian-committee', '05-sealed');
    await page.goto(`/c/${cast.communityId}/todo`);
    await page.getByRole('heading', { name: /我的待办/ }).waitFor();
    expect(await page.getByRole('region', { name: '待办事项' }).getByText(documentNumber).count()).toBe(0);
    // The notice is published now: no longer 待用章, dated the day of its seals.
    await page.goto(`/c/${cast.communityId}/votes/${voteId}`);
    await page.getByText('已公告').first().waitFor();
    expect(await page.getByTestId('notice-sealing').count()).toBe(0);
    expect(await page.getByText('待用章').count()).toBe(0);
    await step(page, 'custodian-committee', '06-notice-sealed');
  });
});
