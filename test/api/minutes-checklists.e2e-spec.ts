import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { checkText, type Checklist } from '@gongyi/domain/documents/checklists';
import {
  MINUTES_PARTY_PREDISCUSSION_CHECKLIST,
  MINUTES_REPRESENTATIVES_MEETING_CHECKLIST,
} from '@gongyi/domain/documents/checklists/minutes';
import { pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import { Cast, chainCast, createItem, meetingBody, recordStage } from '../support/chain-fixtures';
import { Member } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Kept as the PDF and page images under test-output/pages, for looking at. */
function pageImages(name: string, pdf: Buffer) {
  const dir = 'test-output/pages';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.pdf`, pdf);
  spawnSync('pdftoppm', ['-png', '-r', '60', `${dir}/${name}.pdf`, `${dir}/${name}`]);
}

interface View {
  final: boolean;
  outstanding: number;
  document: { id: string; number: string; status: string } | null;
  attendees: { name: string; state: string }[];
}

/**
 * 支部先议 and 居民代表会议 minutes (issue 12 item 2), from a real flow: recorded through the API, confirmed by every
 * attendee present (in the app, or on paper entered by the recorder and countersigned by a second committee member),
 * then the final PDF read back with pdftotext — every checklist item there, nothing that contradicts a record that
 * carries confirmations instead of a seal.
 */
describe('minutes of 支部先议 and 居民代表会议: the final PDF meets its checklist', () => {
  let t: TestApp;
  let cast: Cast;
  let itemId: string;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    itemId = await createItem(t, cast, 'art278_7', '3 幢加装电梯');
  });
  afterAll(() => t.close());

  /** Records the stage, has everyone present confirm (paper for `paper`), and returns the final minutes PDF. */
  async function recordAndConfirm(
    stage: string,
    recorder: Member,
    attendees: { name: string; party: string; present: boolean; userId?: string }[],
    body: Record<string, unknown>,
    paper: { index: number; countersigner: Member },
  ) {
    const res = await recordStage(t, cast, itemId, stage, recorder, meetingBody({ outcome: 'advance', attendees, ...body })).expect(201);
    const meetingId = res.body.meeting.id as string;
    const m = (path: string) => url(`/meetings/${meetingId}${path}`);
    const view = async (): Promise<View> => (await t.http.get(m('/confirmations')).set(bearer(cast.clerk.token)).expect(200)).body;
    expect(await view()).toMatchObject({ final: false, document: null });
    const accounts = [cast.secretary, cast.residents, cast.clerk, cast.director, cast.representative];
    for (const a of attendees.filter((x) => x.present && x.userId)) {
      const who = accounts.find((c) => c.userId === a.userId)!;
      await t.http.post(m('/confirmations')).set(bearer(who.token)).send({ decision: 'confirm' }).expect(201);
    }
    await t.http
      .post(m(`/paper-confirmations/${paper.index}`))
      .set(bearer(recorder.token))
      .expect(201);
    expect(await view()).toMatchObject({ final: false, outstanding: 1 });
    await t.http
      .post(m(`/paper-confirmations/${paper.index}/countersignature`))
      .set(bearer(paper.countersigner.token))
      .expect(201);
    // The last confirmation registers the record and makes it final, with no seal asked for.
    const v = await view();
    expect(v).toMatchObject({ final: true, outstanding: 0 });
    expect(v.document?.status).toBe('final');
    // A record that carries confirmations: no seal is required of it, and none can be asked for.
    const registered = await t.http
      .get(url(`/documents/${v.document!.id}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(registered.body.requiredSeals).toEqual([]);
    await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send({ documentId: v.document!.id }).expect(409);
    const pdf = (await binary(t.http.get(url(`/documents/${v.document!.id}/file`)).set(bearer(cast.residents.token))).expect(200))
      .body as Buffer;
    return { pdf, text: pdftotext(pdf), document: v.document! };
  }

  /** Every item of the checklist present, no contradicting text, no seal, and the verifier knows it as registered. */
  async function expectFinalMinutes(list: Checklist, pdf: Buffer, text: string) {
    const result = checkText(list, text);
    expect({ missing: result.missing.map((i) => `${i.id}（${i.label}）`), contradictions: result.contradictions.map((f) => f.id) }).toEqual(
      {
        missing: [],
        contradictions: [],
      },
    );
    // Item by item as well, so a failure names the item.
    const flat = text.replace(/\s+/g, '');
    for (const item of list.items) expect([item.id, item.pattern.test(flat)]).toEqual([item.id, true]);
    for (const phrase of ['业主大会章', '业主委员会章', '（盖章）', '特此公告', '未确认', '待确认'])
      expect([phrase, flat.includes(phrase)]).toEqual([phrase, false]);
    expect(pdfsig(pdf).stdout).not.toMatch(/Signature #1/);
    const checked = (await t.http.post('/api/verify').attach('file', pdf, 'minutes.pdf').expect(200)).body;
    expect(checked).toMatchObject({ verdict: 'genuine', ok: true, matchesRegistered: true, signatureCount: 0 });
  }

  it('支部先议: branch members and invited parties, an absentee, each confirmation printed; no seal', async () => {
    const { pdf, text } = await recordAndConfirm(
      'party_prediscussion',
      cast.secretary,
      [
        { name: '郑书记', party: '党支部', present: true, userId: cast.secretary.userId },
        { name: '居委会王主任', party: '居委会', present: true, userId: cast.residents.userId },
        { name: '陈主任', party: '业委会', present: true, userId: cast.director.userId },
        { name: '党员刘师傅', party: '党员代表', present: true },
        { name: '党员赵阿姨', party: '党员代表', present: false },
      ],
      { minutes: '支部先议：加装电梯符合多数住户意愿，低层住户的采光意见须在联席会议上回应。' },
      { index: 3, countersigner: cast.clerk },
    );
    pageImages('minutes-party-prediscussion-final', pdf);
    await expectFinalMinutes(MINUTES_PARTY_PREDISCUSSION_CHECKLIST, pdf, text);
    const flat = text.replace(/\s+/g, '');
    for (const phrase of ['支部先议', '郑书记', '居委会王主任', '陈主任', '党员刘师傅', '本人在平台确认', '纸面签字', '低层住户的采光意见'])
      expect([phrase, flat.includes(phrase)]).toEqual([phrase, true]);
    expect(flat).toMatch(/应到5人，实到4人/);
    expect(flat).toMatch(/缺席人员：?党员赵阿姨（党员代表）/);
    // Every one present confirmed: four lines 已于…确认.
    expect(flat.match(/已于\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}确认/g)).toHaveLength(4);
  });

  it('居民代表会议: the representatives’ collected opinions (赞成/反对户数), each confirmation printed; no seal', async () => {
    await recordStage(
      t,
      cast,
      itemId,
      'joint_meeting',
      cast.clerk,
      meetingBody({ outcome: 'advance', details: { plan: '加装一部电梯，公开招标', options: ['方案甲', '方案乙'] } }),
    ).expect(201);
    const { pdf, text } = await recordAndConfirm(
      'representatives_meeting',
      cast.representative,
      [
        { name: '张代表', party: '居民代表', present: true, userId: cast.representative.userId },
        { name: '居委会王主任', party: '居委会', present: true, userId: cast.residents.userId },
        { name: '李委员', party: '业委会', present: true, userId: cast.clerk.userId },
        { name: '3幢楼栋长刘某', party: '居民代表', present: true },
        { name: '5幢代表孙某', party: '居民代表', present: false },
      ],
      {
        minutes: '各楼栋代表汇报了入户征求意见的情况。',
        details: {
          opinions: [
            { representative: '3 幢楼栋长', for: 20, against: 3, concerns: '低层住户担心采光' },
            { representative: '3 幢 2 单元代表', for: 8, against: 0, concerns: '' },
          ],
        },
      },
      { index: 3, countersigner: cast.clerk2 },
    );
    pageImages('minutes-representatives-meeting-final', pdf);
    await expectFinalMinutes(MINUTES_REPRESENTATIVES_MEETING_CHECKLIST, pdf, text);
    const flat = text.replace(/\s+/g, '');
    for (const phrase of [
      '居民代表会议',
      '张代表',
      '3幢楼栋长刘某',
      '赞成20户、反对3户',
      '低层住户担心采光',
      '赞成8户、反对0户',
      '纸面签字',
    ])
      expect([phrase, flat.includes(phrase)]).toEqual([phrase, true]);
    expect(flat).toMatch(/应到5人，实到4人/);
    expect(flat).toMatch(/缺席人员：?5幢代表孙某（居民代表）/);
    expect(flat.match(/已于\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}确认/g)).toHaveLength(4);
  });
});
