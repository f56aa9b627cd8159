import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchChromium, newContext, PHONE, screenshot, serverUnderTest } from '../support/browser-chromium';
import { api } from './browser-api';
import { expectText, openSignedIn } from './browser-ui';
import { chainCast, draftVote, itemAtAssembly, publishedNotice, sealsWithClerkAsSecondCustodian, type ChainCast } from './vote-fixtures';

/**
 * 双章: a committee member registers the notice of an assembly vote and requests seals (API, for speed); the
 * 居委会 applies the assembly seal (API). In the browser the requester, who also keeps the committee seal, is refused
 * by the server for their own request; the director applies the committee seal from the inbox; the library then
 * shows the document final with both seals, and the public verification page reports them valid — by number and
 * for the downloaded bytes.
 */

let browser: Browser;
let desk: BrowserContext;
let page: Page;
let cast: ChainCast;
const SEAL_PIN = 'browser-seal-pin';
let documentNumber: string;
let documentId: string;

beforeAll(async () => {
  cast = await chainCast();
  const { communityId, clerk, residents } = cast;
  // Custodians set their own seal PINs before the seals are cut; the clerk keeps the committee seal with the director.
  await sealsWithClerkAsSecondCustodian(cast, SEAL_PIN);
  const itemId = await itemAtAssembly(cast);
  // The notice convening the assembly is the assembly's own act: both seals (minutes carry the committee's only).
  const voteId = await draftVote(cast, itemId, 16);
  await api('POST', `/communities/${communityId}/votes/${voteId}/notice`, { token: clerk.token });
  // Publishing registered the notice and asked for both seals (the system's request). The clerk refuses that
  // request (the notice is to be checked once more) and asks again himself: he is then the requester.
  const notice = await publishedNotice(communityId, voteId, clerk.token);
  documentId = notice.documentId;
  documentNumber = notice.documentNumber;
  await api('POST', `/communities/${communityId}/seal-requests/${notice.requestId}/refusals`, {
    token: clerk.token,
    body: { kind: 'committee', reason: '公告联系电话待核对，核对后重新申请' },
  });
  const request = await api<{ id: string; assemblySealId: string | null }>('POST', `/communities/${communityId}/seal-requests`, {
    token: clerk.token,
    body: { documentId },
  });
  expect(request.assemblySealId).toBeTruthy(); // the assembly's notice: both seals
  await api('POST', `/communities/${communityId}/seal-requests/${request.id}/applications`, {
    token: residents.token,
    body: { kind: 'assembly', pin: SEAL_PIN },
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
    await clerkPage.getByTestId('seal-pin').fill(SEAL_PIN);
    await clerkPage.getByRole('button', { name: '确认用章' }).click();
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
    await page.getByTestId('seal-pin').fill(SEAL_PIN);
    await page.getByRole('button', { name: '确认用章' }).click();
    // The refused system request is already among the closed ones: wait for the sealed one to leave the pending list.
    await page.getByTestId('seal-request').filter({ hasText: documentNumber }).waitFor({ state: 'detached' });
    await page.getByTestId('closed-requests').getByText(documentNumber).first().waitFor();
    expect(await page.getByTestId('seal-request').filter({ hasText: documentNumber }).count()).toBe(0);
    // A closed request tells its history (GET …/seal-requests/{id}): the refused one, with the reason.
    const refused = page.getByTestId('closed-request').filter({ hasText: documentNumber }).filter({ hasText: '已拒绝' });
    await refused.getByTestId('closed-request-log').click();
    await refused.getByText('拒绝加盖业委会章：公告联系电话待核对，核对后重新申请', { exact: false }).waitFor();
  });

  test('the library shows the document final with both seals and downloads the sealed PDF', async () => {
    await page.goto(`/c/${cast.communityId}/documents`);
    const doc = page.getByTestId('document').filter({ hasText: documentNumber });
    await expectText(doc.getByTestId('document-status'), '已用章定稿');
    await doc.getByTestId('document-seals').getByText('业主大会章（已盖）').waitFor();
    await doc.getByTestId('document-seals').getByText('业委会章（已盖）').waitFor();
    // 文件摘要 (GET …/documents/{id}): the file after each sealing, who sealed it, and its SHA-256.
    await doc.getByTestId('document-revisions-open').click();
    const revisions = doc.getByTestId('document-revisions');
    await revisions.getByText('（定稿）', { exact: false }).waitFor();
    await revisions.getByText('陈主任加盖业委会章', { exact: false }).waitFor();
    expect(await revisions.innerText()).toMatch(/SHA-256：[0-9a-f]{64}/);
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
    await report.getByTestId('verdict').getByText('已登记的盖章定稿').waitFor();
    const seals = report.getByTestId('verified-seal');
    expect(await seals.count()).toBe(2);
    // The first seal's signature covers the revision it signed; the last one covers the whole file.
    const validity = await report.getByTestId('seal-validity').allInnerTexts();
    expect(validity).toEqual(['签名完好，但只覆盖盖章时的版本', '签名完好，覆盖整份文件']);
    // Each seal shows the time its RFC 3161 timestamp proves, from the deployment's time-stamp authority.
    const trusted = await report.getByTestId('seal-trusted-time').allInnerTexts();
    expect(trusted).toEqual([
      expect.stringMatching(/^\d{4}年.*（Gongyi 时间戳服务）$/),
      expect.stringMatching(/^\d{4}年.*（Gongyi 时间戳服务）$/),
    ]);
    await report.getByText('陈主任', { exact: true }).waitFor();
    await screenshot(pub, 'phone-23-verify-number');

    const res = await fetch(`${serverUnderTest().baseUrl}/api/communities/${cast.communityId}/documents/${documentId}/file`, {
      headers: { Authorization: `Bearer ${cast.director.token}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    await pub.goto('/verify');
    await pub.locator('input[type=file]:not([disabled])').setInputFiles({ name: 'sealed.pdf', mimeType: 'application/pdf', buffer: bytes });
    await pub.getByTestId('verify-report').getByTestId('verdict').getByText('真实有效：与登记的盖章定稿完全一致').waitFor();
    await screenshot(pub, 'phone-24-verify-upload');
    await phone.close();
  });
});
