import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from '../../support/browser-chromium';
import { api, createPerson, type Person } from '../browser-api';
import { openSignedIn } from '../browser-ui';
import { publishedStatement } from '../finance-fixtures';
import { approvedFundraisingItem } from '../fundraising-fixtures';
import { chainCast, draftVote, itemAtAssembly, openVoteFixture, type ChainCast, type VoteFixture } from '../vote-fixtures';
import { clipped, sidewaysScroll } from './journey-support';
import { elevatorHearingBody } from '../hearing-fixtures';

/**
 * No page scrolls sideways on a 360 px wide phone: every route of apps/web/src/App.tsx, each opened with something
 * on it (a vote open, a draft, a closed vote with its objection period, a statement, a fund-raising project, a
 * request, a reception day, a rectification, a hearing, minutes) by the person who would use it. The route list is
 * read from App.tsx, so a new route without an entry here fails the test instead of going unchecked.
 */

const DAY = 86_400_000;
const NARROW = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/** Every route path App.tsx declares, nested paths joined (`/c/:communityId/votes/:voteId`); index and `*` left out. */
function appRoutes(): string[] {
  const source = readFileSync(join(process.cwd(), 'apps/web/src/App.tsx'), 'utf8');
  const stack: string[] = [];
  const routes: string[] = [];
  // Each level of `stack` holds the full path of an open <Route> (a pathless layout route repeats its parent's).
  const join2 = (path: string) => (path.startsWith('/') ? path : `/${[stack.at(-1) ?? '', path].filter(Boolean).join('/')}`);
  for (const m of source.matchAll(/<Route\b((?:[^>{]|\{[^}]*\})*?)(\/?)>|<\/Route>/g)) {
    if (m[0] === '</Route>') {
      stack.pop();
      continue;
    }
    const path = /\bpath="([^"]*)"/.exec(m[1])?.[1];
    const full = path === undefined ? undefined : join2(path).replace(/^\/+/, '/');
    if (full && path !== '*') routes.push(full);
    if (m[2] !== '/') stack.push(full ? full.replace(/^\//, '') : (stack.at(-1) ?? ''));
  }
  return [...new Set(routes)].sort();
}

let browser: Browser;
let f: VoteFixture;
let cast: ChainCast;
let fund: ChainCast;
let urls: Record<string, { url: string; as: 'director' | 'owner' | 'fundDirector' | 'visitor' }>;

beforeAll(async () => {
  f = await openVoteFixture();
  cast = f.cast;
  const { admin, communityId } = cast;
  const c = `/communities/${communityId}`;
  // A second item with a vote still in draft (its edit page), and a third one put to a hearing.
  const draftItemId = await itemAtAssembly(cast, '更换 1 号楼单元门禁');
  const draftId = await draftVote(cast, draftItemId, 16);
  const hearingItemId = await itemAtAssembly(cast, '3 幢电梯更新');
  const experts: Person[] = [];
  for (let i = 0; i < 4; i++) experts.push(await createPerson(admin, communityId, `专家${i + 1}`, ['owner']));
  const vendors: Person[] = [];
  for (const name of ['甲电梯工程有限公司', '乙机电设备有限公司', '丙电梯安装有限公司'])
    vendors.push(await createPerson(admin, communityId, name, ['vendor']));
  const deadline = Date.now() + DAY;
  const hearing = await api<{ id: string }>('POST', `${c}/hearings`, {
    token: cast.clerk.token,
    body: elevatorHearingBody(cast, hearingItemId, experts, vendors, deadline),
  });
  // A published statement of 2026 Q2 (its page and its reconciliation).
  const statementId = await publishedStatement({
    communityId,
    communityName: cast.communityName,
    clerk: cast.clerk,
    property: cast.property,
    residents: cast.residents,
    bank: await createPerson(admin, communityId, '银行赵经理', ['bank_officer']),
    auditor: await createPerson(admin, communityId, '审计所钱会计', ['auditor']),
  });
  // An owner's request, a reception day, a rectification, the minutes of the item's joint meeting, a sealed document.
  const request = await api<{ id: string }>('POST', `${c}/requests`, {
    token: f.owner.token,
    body: { category: 'repair', title: '东门路灯不亮，晚上回家看不清路', placeKind: 'common', placeText: '东门岗亭旁' },
  });
  const day = await api<{ id: string }>('POST', `${c}/reception-days`, {
    token: cast.secretary.token,
    body: {
      hostKind: 'party_secretary',
      hostName: '郑书记',
      day: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
      startTime: '09:00',
      endTime: '11:30',
      place: '社区党群服务中心一楼',
    },
  });
  const rectification = await api<{ id: string }>('POST', `${c}/rectifications`, {
    token: f.director.token,
    body: {
      title: '东门路灯不亮',
      source: 'inspection',
      sourceNote: '业委会夜间巡查',
      dueOn: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
      location: '东门',
    },
  });
  const item = await api<{ meetings: { id: string; stage: string }[] }>('GET', `${c}/agenda-items/${f.itemId}`, {
    token: f.director.token,
  });
  const meetingId = (item.meetings.find((m) => m.stage === 'joint_meeting') ?? item.meetings[0]).id;
  const documents = await api<{ number: string; status: string }[]>('GET', `${c}/documents`, { token: f.director.token });
  const documentNumber = (documents.find((doc) => doc.status === 'sealed') ?? documents[0]).number;
  // Another community for what needs a vote the owners carried: its closed vote (objections, public results) and the
  // fund-raising project raised on it.
  fund = await chainCast();
  const carried = await approvedFundraisingItem(fund);
  const buildings = await api<{ id: string; name: string }[]>('GET', `/communities/${fund.communityId}/buildings`, {
    token: fund.director.token,
  });
  const project = await api<{ id: string }>('POST', `/communities/${fund.communityId}/fundraising-projects`, {
    token: fund.director.token,
    body: {
      title: '1号楼电梯更新集资',
      agendaItemId: carried.itemId,
      shareBasis: 'area',
      scope: 'building',
      targets: [{ buildingId: buildings.find((b) => b.name === '1号楼')!.id, targetFen: '1000000' }],
    },
  });

  const a = `/c/${communityId}`;
  const b = `/c/${fund.communityId}`;
  const d = (url: string) => ({ url, as: 'director' as const });
  const o = (url: string) => ({ url, as: 'owner' as const });
  const fd = (url: string) => ({ url, as: 'fundDirector' as const });
  const v = (url: string) => ({ url, as: 'visitor' as const });
  urls = {
    '/login': v('/login'),
    '/register': v('/register'),
    '/activate': v('/activate'),
    '/p': v('/p'),
    '/p/:communityId': v(`/p/${communityId}`),
    '/p/:communityId/notices/:voteId': v(`/p/${communityId}/notices/${f.voteId}`),
    '/p/:communityId/votes/:voteId': v(`/p/${fund.communityId}/votes/${carried.voteId}`),
    '/p/:communityId/fundraising/:projectId': v(`/p/${fund.communityId}/fundraising/${project.id}`),
    '/verify': v('/verify'),
    '/verify/:documentNumber': v(`/verify/${encodeURIComponent(documentNumber)}`),
    '/password': d('/password'),
    '/communities': d('/communities'),
    '/notification-settings': d('/notification-settings'),
    '/c/:communityId': d(a),
    '/c/:communityId/overview': d(`${a}/overview`),
    '/c/:communityId/units': d(`${a}/units`),
    '/c/:communityId/roster': d(`${a}/roster`),
    '/c/:communityId/roles': d(`${a}/roles`),
    '/c/:communityId/record': d(`${a}/record`),
    '/c/:communityId/agenda': d(`${a}/agenda`),
    '/c/:communityId/agenda/:itemId': d(`${a}/agenda/${f.itemId}`),
    '/c/:communityId/agenda/:itemId/vote': d(`${a}/agenda/${hearingItemId}/vote`),
    '/c/:communityId/meetings/:meetingId/minutes': d(`${a}/meetings/${meetingId}/minutes`),
    '/c/:communityId/votes/:voteId': d(`${a}/votes/${f.voteId}`),
    '/c/:communityId/votes/:voteId/edit': d(`${a}/votes/${draftId}/edit`),
    '/c/:communityId/votes/:voteId/results': fd(`${b}/votes/${carried.voteId}/results`),
    '/c/:communityId/votes/:voteId/objections': fd(`${b}/votes/${carried.voteId}/objections`),
    '/c/:communityId/my-votes': o(`${a}/my-votes`),
    '/c/:communityId/my-votes/:voteId': o(`${a}/my-votes/${f.voteId}`),
    '/c/:communityId/letters': o(`${a}/letters`),
    '/c/:communityId/notifications': d(`${a}/notifications`),
    '/c/:communityId/ledger': d(`${a}/ledger`),
    '/c/:communityId/statements': d(`${a}/statements`),
    '/c/:communityId/statements/:statementId': d(`${a}/statements/${statementId}`),
    '/c/:communityId/statements/:statementId/reconciliation': d(`${a}/statements/${statementId}/reconciliation`),
    '/c/:communityId/audit': d(`${a}/audit`),
    '/c/:communityId/fundraising': fd(`${b}/fundraising`),
    '/c/:communityId/fundraising/:projectId': fd(`${b}/fundraising/${project.id}`),
    '/c/:communityId/documents': d(`${a}/documents`),
    '/c/:communityId/seal-inbox': d(`${a}/seal-inbox`),
    '/c/:communityId/seals': d(`${a}/seals`),
    '/c/:communityId/hearings': d(`${a}/hearings`),
    '/c/:communityId/hearings/new': d(`${a}/hearings/new`),
    '/c/:communityId/hearings/:hearingId': d(`${a}/hearings/${hearing.id}`),
    '/c/:communityId/rulebook': d(`${a}/rulebook`),
    '/c/:communityId/owner-accounts': d(`${a}/owner-accounts`),
    '/c/:communityId/todo': d(`${a}/todo`),
    '/c/:communityId/requests': o(`${a}/requests`),
    '/c/:communityId/requests/new': o(`${a}/requests/new`),
    '/c/:communityId/requests/:requestId': o(`${a}/requests/${request.id}`),
    '/c/:communityId/reception': d(`${a}/reception`),
    '/c/:communityId/reception/:dayId': d(`${a}/reception/${day.id}`),
    '/c/:communityId/seal-log': d(`${a}/seal-log`),
    '/c/:communityId/rectifications': d(`${a}/rectifications`),
    '/c/:communityId/rectifications/:id': d(`${a}/rectifications/${rectification.id}`),
    '/c/:communityId/service-rating': d(`${a}/service-rating`),
    '/c/:communityId/bulletins': d(`${a}/bulletins`),
  };
  browser = await launchChromium();
}, 600_000);

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

test('every route of App.tsx has a page to open here', () => {
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(50);
  expect(routes.filter((r) => !(r in urls))).toEqual([]);
  expect(Object.keys(urls).filter((r) => !routes.includes(r))).toEqual([]);
});

test('no page scrolls horizontally at 360 px', async () => {
  const people: Record<string, Person | null> = { director: f.director, owner: f.owner, fundDirector: fund.director, visitor: null };
  const pages = new Map<string, Page>();
  const wide: string[] = [];
  const broken: string[] = [];
  for (const [route, { url, as }] of Object.entries(urls)) {
    let page = pages.get(as);
    const person = people[as];
    if (!page) {
      page = await (await newContext(browser, NARROW)).newPage();
      pages.set(as, page);
      if (person) await openSignedIn(page, url, person.login, person.password);
    }
    await page.goto(url);
    await settle(page);
    // Signed-in pages must not have bounced to the login page (the route was really shown).
    if (person) expect(new URL(page.url()).pathname).not.toBe('/login');
    const seen = await page.evaluate(() => ({
      heading: document.querySelector('h1, h2, h3')?.textContent?.trim() ?? '',
      errors: [
        ...document.querySelectorAll('.ant-alert-error, .ant-result-error, .ant-result-404, .ant-result-403, .ant-message-error'),
      ].map((e) => e.textContent?.trim()),
      text: document.body.innerText.trim().length,
    }));
    // The page was really shown: a heading or text, and no error in its place.
    if (seen.errors.length > 0 || seen.text < 20) broken.push(`${route} (${url}): ${JSON.stringify(seen)}`);
    const extra = await sidewaysScroll(page);
    const strict = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
    if (extra > 0 || strict > 0) wide.push(`${route} (${url}): ${Math.max(extra, strict)}px`);
    const cut = await clipped(page);
    if (cut.length > 0) wide.push(`${route} (${url}): cut off: ${cut.join('; ')}`);
  }
  expect(broken).toEqual([]);
  expect(wide).toEqual([]);
});
