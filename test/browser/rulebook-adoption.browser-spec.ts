import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, screenshot } from '../support/browser-chromium';
import { api } from './browser-api';
import { expectText, openSignedIn, pick } from './browser-ui';
import { passedItem } from './passed-vote-fixtures';
import { chainCast, type ChainCast } from './vote-fixtures';

/**
 * Changing a rulebook that is already in force (issue 14 §2, DOMAIN §11): the director drafts the change on 议事规则,
 * the owners' assembly passes a vote on a 「制定和修改议事规则」 item whose motion names the draft's number, and the
 * director then makes the draft take effect on that vote — only through the page. A draft no vote names cannot be
 * adopted: the dialog offers no vote for it.
 */
let browser: Browser;
let cast: ChainCast;
let page: Page;
let reference: string;
const formItem = (label: string) => page.locator('.ant-form-item').filter({ hasText: label });

beforeAll(async () => {
  cast = await chainCast();
  // The community's first rulebook, confirmed by the residents' committee (its own duty, tested in duties.browser-spec).
  const first = await api<{ id: string }>('POST', `/communities/${cast.communityId}/rulebook/drafts`, {
    token: cast.director.token,
    body: { change: { objectionDays: 7 }, note: '首版议事规则' },
  });
  await api('POST', `/communities/${cast.communityId}/rulebook/drafts/${first.id}/confirmation`, {
    token: cast.residents.token,
  });
  browser = await launchChromium();
  page = await (await newContext(browser)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('journey: a rulebook change takes effect only on the owners’ vote that names it', () => {
  test('the director drafts a higher proxy cap; the page gives the draft its number and changes nothing yet', async () => {
    await openSignedIn(page, `/c/${cast.communityId}/rulebook`, cast.director.login, cast.director.password);
    await expectText(page.getByTestId('setting-proxyCap'), '3');
    await page.getByLabel('每人受托上限').fill('4');
    await formItem('修订说明').locator('input').fill('每人受托上限提高到 4 户');
    await page.getByTestId('save-draft').click();
    const draft = page.getByTestId('draft').filter({ hasText: '每人受托上限提高到 4 户' });
    await draft.getByText('草案，未生效').waitFor();
    reference = (await draft.getByTestId('draft-reference').innerText()).trim();
    expect(reference).toMatch(/^RB-[0-9A-F]{8}$/);
    await expectText(page.getByTestId('setting-proxyCap'), '3');
    await screenshot(page, 'rulebook-adoption-01-draft');
  });

  test('a draft no vote names cannot be adopted: the dialog says which vote is missing', async () => {
    await page.getByLabel('异议期').fill('10');
    await formItem('修订说明').locator('input').fill('异议期延长到 10 天');
    await page.getByTestId('save-draft').click();
    const other = page.getByTestId('draft').filter({ hasText: '异议期延长到 10 天' });
    await other.getByText('草案，未生效').waitFor();
    await other.getByTestId('adopt-draft').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('还没有可引用的表决').waitFor();
    expect(await dialog.getByRole('button', { name: '生效' }).isDisabled()).toBe(true);
    await screenshot(page, 'rulebook-adoption-02-no-vote');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('after the owners pass the vote naming the draft, the director makes it take effect from the page', async () => {
    await passedItem(cast, {
      category: 'art278_1',
      title: '修改业主大会议事规则（受托上限）',
      description: '高龄业主委托他人投票较多，拟提高每人受托上限。',
      voteTitle: '2026 年第三次业主大会',
      motion: {
        title: `关于通过议事规则修订草案 ${reference} 的议案`,
        fullText: `同意议事规则修订草案 ${reference}：每人受托上限由 3 户提高到 4 户。`,
      },
    });
    await page.reload();
    const draft = page.getByTestId('draft').filter({ hasText: '每人受托上限提高到 4 户' });
    await draft.getByTestId('adopt-draft').click();
    const dialog = page.getByRole('dialog');
    await pick(page, dialog.locator('.ant-select'), '2026 年第三次业主大会');
    await screenshot(page, 'rulebook-adoption-03-cite-vote');
    await dialog.getByRole('button', { name: '生效' }).click();
    await page.locator('.ant-message').getByText('新版议事规则已生效').waitFor();
    await draft.getByText('已生效').waitFor();
    await draft.getByText(/业主大会表决通过（2026 年第三次业主大会）/).waitFor();
    await expectText(page.getByTestId('setting-proxyCap'), '4');
    await page.getByTestId('versions').getByText('业主大会表决通过').waitFor();
    // The other draft still waits: one vote adopts the one draft it names.
    await page.getByTestId('draft').filter({ hasText: '异议期延长到 10 天' }).getByText('草案，未生效').waitFor();
    await screenshot(page, 'rulebook-adoption-04-in-force');
  });
});
