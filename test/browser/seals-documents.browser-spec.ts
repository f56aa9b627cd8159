import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchChromium, newContext, PHONE, screenshot, serverUnderTest } from '../support/browser-chromium';
import { api } from './browser-api';
import { expectText, openSignedIn } from './browser-ui';
import { chainCast, itemAtAssembly, type ChainCast } from './vote-fixtures';

/**
 * 双章: a committee member registers meeting minutes of an Art. 278 item and requests seals (API, for speed); the
 * 居委会 applies the assembly seal (API). In the browser the requester, who also keeps the committee seal, is refused
 * by the server for their own request; the director applies the committee seal from the inbox; the library then
 * shows the document final with both seals, and the public verification page reports them valid — by number and
 * for the downloaded bytes.
 */

let browser: Browser;
let desk: BrowserContext;
let page: Page;
let cast: ChainCast;
let documentNumber: string;
let documentId: string;

beforeAll(async () => {
  cast = await chainCast();
  const { communityId, director, clerk, residents } = cast;
  await api('POST', `/communities/${communityId}/seals`, { token: director.token, body: { term: 1 } });
  const seals = await api<{ id: string; kind: string; status: string }[]>('GET', `/communities/${communityId}/seals`, {
    token: director.token,
  });
  const committeeSeal = seals.find((s) => s.kind === 'committee' && s.status === 'active')!;
  // The clerk keeps the committee seal with the director, so the server must stop them sealing their own request.
  await api('PUT', `/communities/${communityId}/seals/${committeeSeal.id}/custodians`, {
    token: director.token,
    body: { userIds: [director.userId, clerk.userId] },
  });
  const itemId = await itemAtAssembly(cast);
  const item = await api<{ meetings: { id: string }[] }>('GET', `/communities/${communityId}/agenda-items/${itemId}`, {
    token: clerk.token,
  });
  const doc = await api<{ id: string; number: string }>('POST', `/communities/${communityId}/documents`, {
    token: clerk.token,
    body: { type: 'meeting_minutes', sourceId: item.meetings[0].id },
  });
  documentId = doc.id;
  documentNumber = doc.number;
  const request = await api<{ id: string; assemblySealId: string | null }>('POST', `/communities/${communityId}/seal-requests`, {
    token: clerk.token,
    body: { documentId },
  });
  expect(request.assemblySealId).toBeTruthy(); // an Art. 278 item: both seals
  await api('POST', `/communities/${communityId}/seal-requests/${request.id}/applications`, {
    token: residents.token,
    body: { kind: 'assembly' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('seal inbox, document library and verification', () => {
  test('the requester cannot seal their own request: the server says why', async () => {
    const context = await newContext(browser, DESKTOP);
    const clerkPage = await context.newPage();
    await openSignedIn(clerkPage, `/c/${cast.communityId}/seal-inbox`, cast.clerk.login, cast.clerk.password);
    const card = clerkPage.getByTestId('seal-request').filter({ hasText: documentNumber });
    await expectText(card.getByTestId('seal-state-assembly'), '业主大会章：已盖');
    await card.getByTestId('apply-committee').click();
    await clerkPage.locator('.ant-message').getByText('不能为自己提出的申请用章').waitFor();
    await context.close();
  });

  test('the director previews the draft and applies the committee seal in the inbox', async () => {
    desk = await newContext(browser, DESKTOP);
    page = await desk.newPage();
    await openSignedIn(page, `/c/${cast.communityId}/seal-inbox`, cast.director.login, cast.director.password);
    const card = page.getByTestId('seal-request').filter({ hasText: documentNumber });
    await expectText(card.getByTestId('seal-state-committee'), '业委会章：待盖');
    await card.getByTestId('preview-draft').click();
    const frame = await (await page.getByTestId('pdf-frame').elementHandle())!.contentFrame();
    await frame!.waitForLoadState('load');
    await screenshot(page, 'desktop-20-seal-inbox-preview', { networkIdle: false });
    await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('pdf-frame').waitFor({ state: 'detached' });
    // Once Chromium's PDF viewer has run, the page never reports "networkidle" again (see screenshot()).
    await screenshot(page, 'desktop-21-seal-inbox', { networkIdle: false });
    await card.getByTestId('apply-committee').click();
    await page.getByTestId('closed-requests').getByText(documentNumber).waitFor();
    expect(await page.getByTestId('seal-request').filter({ hasText: documentNumber }).count()).toBe(0);
  });

  test('the library shows the document final with both seals and downloads the sealed PDF', async () => {
    await page.goto(`/c/${cast.communityId}/documents`);
    const doc = page.getByTestId('document').filter({ hasText: documentNumber });
    await expectText(doc.getByTestId('document-status'), '已用章定稿');
    await doc.getByTestId('document-seals').getByText('业主大会章（已盖）').waitFor();
    await doc.getByTestId('document-seals').getByText('业委会章（已盖）').waitFor();
    await screenshot(page, 'desktop-22-documents');
    const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('download-final').click()]);
    expect(download.suggestedFilename()).toContain(documentNumber);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  test('the public verification page, without login, reports both seals valid by number and for the file', async () => {
    const phone = await newContext(browser, PHONE);
    const pub = await phone.newPage();
    await pub.goto(`/verify/${documentNumber}`);
    expect(new URL(pub.url()).pathname).toBe(`/verify/${documentNumber}`); // not sent to /login
    const report = pub.getByTestId('verify-report');
    await report.getByText('登记的定稿完好，印章均有效').waitFor();
    const seals = report.getByTestId('verified-seal');
    expect(await seals.count()).toBe(2);
    for (const validity of await report.getByTestId('seal-validity').all()) await expectText(validity, '有效');
    await report.getByText('陈主任').waitFor();
    await screenshot(pub, 'phone-23-verify-number');

    const res = await fetch(`${serverUnderTest().baseUrl}/api/communities/${cast.communityId}/documents/${documentId}/file`, {
      headers: { Authorization: `Bearer ${cast.director.token}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    await pub.goto('/verify');
    await pub.locator('input[type=file]').setInputFiles({ name: 'sealed.pdf', mimeType: 'application/pdf', buffer: bytes });
    await pub.getByTestId('verify-report').getByText('印章有效，文件与登记的定稿完全一致').waitFor();
    await pub.getByTestId('matches-registered').getByText('逐字节一致').waitFor();
    await screenshot(pub, 'phone-24-verify-upload');
    await phone.close();
  });
});
