import { advanceToAssembly, type Cast, chainCast, createItem, sealNotice } from './chain-fixtures';
import { createMember, type Member, SMALL_ROSTER } from './fixtures';
import { issueSealsWithPins } from './seal-fixtures';
import { bearer, type TestApp } from './test-app';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const CRITERIA = [
  { key: 'price', label: '价格', weight: 40 },
  { key: 'quality', label: '质量', weight: 30 },
  { key: 'warranty', label: '质保', weight: 20 },
  { key: 'service', label: '服务', weight: 10 },
];

export interface Vendor extends Member {
  name: string;
}

export interface HearingCast extends Cast {
  itemId: string;
  /** Experts hold only the owner role: any role but vendor may sit as an expert. */
  experts: Member[];
  vendors: Vendor[];
  /** Holds the vendor role but is never invited. */
  outsider: Member;
}

/** The chain cast, an item waiting at the assembly vote, five experts, four invited-to-be vendors and one outsider. */
export async function hearingCast(t: TestApp): Promise<HearingCast> {
  const cast = await chainCast(t, SMALL_ROSTER);
  // The community's seals were cut a while ago (as a committee in office would have them): a vote's notice is
  // sealed 17 days before its opening, so the seals' certificates must already be valid then.
  t.clock.travelTo(new Date(Date.now() - 60 * DAY));
  try {
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
  } finally {
    t.clock.reset();
  }
  const itemId = await createItem(t, cast, 'art278_5', '3 幢电梯更新');
  await advanceToAssembly(t, cast, itemId);
  const experts: Member[] = [];
  for (let i = 0; i < 5; i++) experts.push(await createMember(t, cast.community, 'owner'));
  const names = ['甲电梯工程有限公司', '乙机电设备有限公司', '丙电梯安装有限公司', '丁升降机有限公司'];
  const vendors: Vendor[] = [];
  for (const name of names) vendors.push({ ...(await createMember(t, cast.community, 'vendor')), name });
  return { ...cast, itemId, experts, vendors, outsider: await createMember(t, cast.community, 'vendor') };
}

/** Seven seats: one of each kind plus four experts (the fifth expert is the reserve). */
export const sevenSeats = (c: HearingCast) => [
  { userId: c.representative.userId, kind: 'representative' },
  { userId: c.clerk2.userId, kind: 'committee' },
  { userId: c.property.userId, kind: 'property_company' },
  ...c.experts.slice(0, 4).map((e) => ({ userId: e.userId, kind: 'expert' })),
];

export function hearingBody(c: HearingCast, itemId: string, extra: Record<string, unknown> = {}) {
  const deadline = new Date(Date.now() + DAY);
  return {
    agendaItemId: itemId,
    title: '3 幢电梯更新现场竞标听证会',
    description: '更换 3 幢电梯一部，含拆除、安装、验收与质保。',
    place: '社区党群服务中心 2 楼会议室',
    criteria: CRITERIA,
    panel: sevenSeats(c),
    vendors: c.vendors.map((v) => ({ userId: v.userId, vendorName: v.name })),
    bidDeadline: deadline.toISOString(),
    openingAt: new Date(deadline.getTime() + HOUR).toISOString(),
    ...extra,
  };
}

export function createHearing(t: TestApp, c: HearingCast, body: Record<string, unknown>) {
  return t.http.post(`/api/communities/${c.community}/hearings`).set(bearer(c.clerk.token)).send(body);
}

export interface BidInput {
  amountFen: string;
  warrantyMonths: number;
  deliveryDays: number;
  proposal: string;
  attachment?: { bytes: Buffer; name: string };
}

/** Multipart when there is an attachment (as the web form sends it), JSON otherwise. */
export function submitBid(t: TestApp, community: string, hearingId: string, token: string, bid: BidInput) {
  const req = t.http.post(`/api/communities/${community}/hearings/${hearingId}/bids`).set(bearer(token));
  if (!bid.attachment) {
    const { attachment: _none, ...json } = bid;
    return req.send(json);
  }
  return req
    .field('amountFen', bid.amountFen)
    .field('warrantyMonths', String(bid.warrantyMonths))
    .field('deliveryDays', String(bid.deliveryDays))
    .field('proposal', bid.proposal)
    .attach('attachment', bid.attachment.bytes, bid.attachment.name);
}

/** A complete score sheet: values[bidId] lists the scores in CRITERIA order. */
export function sheet(values: Record<string, number[]>) {
  return { scores: Object.entries(values).flatMap(([bidId, v]) => CRITERIA.map((c, i) => ({ bidId, criterion: c.key, score: v[i] }))) };
}

/**
 * Publishes a drafted vote's notice with the clock moved 17 days before its opening (the notice period), and has
 * the two default custodians seal it then (ballots are refused until both seals are on the notice).
 */
export async function publishNotice(t: TestApp, c: Cast, voteId: string, opensAt: Date) {
  t.clock.travelTo(new Date(opensAt.getTime() - 17 * DAY));
  try {
    // The term's seals are cut first if the test has not (publishing asks for both).
    const [{ active }] = await t.dataSource.query<{ active: number }[]>(
      `SELECT count(*)::int AS active FROM seals WHERE community_id = $1 AND status = 'active'`,
      [c.community],
    );
    if (active < 2) await issueSealsWithPins(t, c.community, c.director, [c.director, c.residents]);
    const res = await t.http.post(`/api/communities/${c.community}/votes/${voteId}/notice`).set(bearer(c.clerk.token));
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
    await sealNotice(t, c, voteId);
  } finally {
    t.clock.reset();
  }
}
