import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from '../../support/browser-chromium';
import { openSignedIn } from '../browser-ui';
import { openVoteFixture, type VoteFixture } from '../vote-fixtures';
import { sidewaysScroll } from './journey-support';

/** No page scrolls sideways on a 360 px wide phone (signed-in pages as the director, and the public pages). */

const NARROW = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

let browser: Browser;
let page: Page;
let f: VoteFixture;

beforeAll(async () => {
  f = await openVoteFixture();
  browser = await launchChromium();
  page = await (await newContext(browser, NARROW)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function settle(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p
    .locator('.ant-spin-spinning, .ant-skeleton')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

test('no page scrolls horizontally at 360 px', async () => {
  const c = `/c/${f.communityId}`;
  const pages = [
    `${c}/overview`,
    `${c}/todo`,
    `${c}/agenda`,
    `${c}/agenda/${f.itemId}`,
    `${c}/votes/${f.voteId}`,
    `${c}/votes/${f.voteId}/results`,
    `${c}/units`,
    `${c}/roles`,
    `${c}/ledger`,
    `${c}/statements`,
    `${c}/documents`,
    `${c}/seal-inbox`,
    `${c}/seals`,
    `${c}/seal-log`,
    `${c}/record`,
    `${c}/hearings`,
    `${c}/notifications`,
    '/communities',
  ];
  await openSignedIn(page, pages[0], f.director.login, f.director.password);
  const wide: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await settle(page);
    const extra = await sidewaysScroll(page);
    if (extra > 0) wide.push(`${path}: ${extra}px`);
  }
  const anonymous = await (await newContext(browser, NARROW)).newPage();
  for (const path of ['/login', '/p', `/p/${f.communityId}`, `/p/${f.communityId}/notices/${f.voteId}`, '/verify']) {
    await anonymous.goto(path);
    await settle(anonymous);
    const extra = await sidewaysScroll(anonymous);
    if (extra > 0) wide.push(`${path}: ${extra}px`);
  }
  expect(wide).toEqual([]);
});
