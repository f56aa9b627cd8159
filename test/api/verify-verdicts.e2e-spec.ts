import PDFDocument from 'pdfkit';
import { signPdf, verifyPdf } from '@gongyi/pdf';
import { pdfsig } from '@gongyi/pdf/testing/poppler';
import { sealFixture } from '@gongyi/pdf/testing/pki-fixture';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, noticeDocument, openVote, ownerTokens } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { addPage, changeMetadata, corruptLastSignature, flipContentByte } from '../support/pdf-tamper';
import { issueFinalResult } from '../support/result-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000002' },
];

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

const unrelatedPdf = () =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Quarterly newsletter');
    doc.end();
  });

/** An English word in a message meant for residents (document numbers and "PDF" aside). */
const ENGLISH = /(?<![A-Z0-9-])(?!PDF\b)[A-Za-z]{3,}/;

describe('verifier: one correct Chinese verdict per case', () => {
  let t: TestApp;
  let cast: Cast;
  let resolution: { id: string; number: string };
  let notice: { id: string; number: string };
  let draft: { id: string; number: string };
  let sealed: Buffer;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const upload = (pdf: Buffer) => t.http.post('/api/verify').attach('file', pdf, 'document.pdf');
  const preview = async (id: string) =>
    (await binary(t.http.get(url(`/documents/${id}/preview`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    const owners = await ownerTokens(t, cast);
    const itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    const vote = await openVote(t, cast, itemId, {
      motions: [{ title: '关于更换水泵的议案', fullText: '动用维修资金更换 1 幢水泵。', kind: 'yes_no' }],
    });
    for (const name of ['欧阳甲', '司马乙'])
      await t.http
        .post(url(`/votes/${vote.id}/ballots`))
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId: vote.motions[0].id, choice: 'yes' }] })
        .expect(201);
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 2 });
    // Publishing registered the notice and it was sealed before voting opened: the final notice is that one.
    notice = await noticeDocument(t, cast, vote.id);
    // An unsealed draft from the real flow: the joint meeting's minutes, registered and never sealed.
    const [meeting] = await t.dataSource.query(`SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = 'joint_meeting'`, [itemId]);
    draft = (
      await t.http.post(url('/documents')).set(bearer(cast.clerk.token)).send({ type: 'meeting_minutes', sourceId: meeting.id }).expect(201)
    ).body;
    const final = await issueFinalResult(t, cast.community, vote.id, cast.clerk);
    resolution = final.document;
    const req = { body: { id: final.sealRequest.id } };
    for (const [who, kind] of [
      [cast.director, 'committee'],
      [cast.residents, 'assembly'],
    ] as const)
      await t.http
        .post(url(`/seal-requests/${req.body.id}/applications`))
        .set(bearer(who.token))
        .send({ kind, pin: TEST_SEAL_PIN })
        .expect(201);
    sealed = (await binary(t.http.get(url(`/documents/${resolution.id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body;
  });
  afterAll(() => t.close());

  const verdicts: Record<string, { verdict: string; headline: string; detail: string }> = {};
  const expectVerdict = async (name: string, pdf: Buffer, verdict: string, extra: Record<string, unknown> = {}) => {
    const res = await upload(pdf).expect(200);
    expect(res.body).toMatchObject({ verdict, ...extra });
    expect(res.body.headline).not.toMatch(ENGLISH);
    expect(res.body.detail).not.toMatch(ENGLISH);
    for (const s of res.body.signatures as { problems: string[] }[]) for (const p of s.problems) expect(p).not.toMatch(/^[A-Za-z]/);
    verdicts[name] = res.body;
    return res.body;
  };

  it('genuine: the registered final file', async () => {
    const body = await expectVerdict('genuine', sealed, 'genuine', {
      ok: true,
      matchesRegistered: true,
      documentNumber: resolution.number,
    });
    expect(body.headline).toContain('真实有效');
    expect(pdfsig(sealed).stdout.match(/Signature is Valid/g)).toHaveLength(2);
  });

  it('byte flip: changed after sealing, from the first seal on', async () => {
    const body = await expectVerdict('byteFlip', flipContentByte(sealed), 'changed_after_sealing', {
      ok: false,
      change: 'content_changed',
      revision: { n: 1, of: 2 },
      documentNumber: resolution.number,
    });
    expect(body.headline).toBe('文件在盖章后被改动过');
  });

  it('incremental page added after the last seal: says a page was added', async () => {
    const tampered = addPage(sealed);
    expect(verifyPdf(tampered, (await t.http.get('/api/ca.pem')).text).signatures.every((s) => s.integrity)).toBe(true);
    const body = await expectVerdict('pageAdded', tampered, 'changed_after_sealing', { change: 'pages_added', revision: { n: 3, of: 2 } });
    expect(body.detail).toContain('增加了页面');
  });

  it('metadata-only update: says only the metadata changed', async () => {
    const body = await expectVerdict('metadata', changeMetadata(sealed), 'changed_after_sealing', { change: 'metadata_only' });
    expect(body.detail).toContain('只改动了文档属性');
  });

  it('second seal stripped: revision 1 of 2, the assembly seal missing', async () => {
    const first = verifyPdf(sealed, (await t.http.get('/api/ca.pem')).text).signatures[0];
    const stripped = sealed.subarray(0, first.signedLength);
    const body = await expectVerdict('stripped', stripped, 'seal_missing', {
      revision: { n: 1, of: 2 },
      documentNumber: resolution.number,
    });
    expect(body.headline).toContain('第 1 版（共 2 版）');
    expect(body.headline).toContain('业主大会章');
  });

  it('corrupted signature: says the signature is damaged, not that it is foreign', async () => {
    const body = await expectVerdict('corrupted', corruptLastSignature(sealed), 'signature_corrupted', { revision: { n: 2, of: 2 } });
    expect(body.headline).toContain('损坏');
    expect(body.detail).not.toContain('不是本平台签发');
  });

  it('foreign CA: a signature by a certificate of another root', async () => {
    const fx = sealFixture();
    const rendered = await preview(draft.id);
    const forged = await signPdf(rendered, {
      keyPem: fx.foreign.keyPem,
      certPem: fx.foreign.certPem,
      chainPems: [fx.foreignRoot.certPem],
      reason: `依据伪造的决定用章（${draft.number}）`,
      name: '伪造的业主委员会章',
      location: '某地',
      signingTime: new Date(),
    });
    const body = await expectVerdict('foreign', forged, 'foreign_certificate');
    expect(body.headline).toContain('不是本平台签发');
  });

  it('unrelated PDF: not one of our documents (not "changed")', async () => {
    const body = await expectVerdict('unrelated', await unrelatedPdf(), 'not_ours', { documentNumber: null });
    expect(body.headline).toBe('这不是本平台盖章的文书');
  });

  it('re-rendered copy of a final document: an unsealed copy, not the registered file', async () => {
    const copy = await preview(resolution.id);
    await expectVerdict('rerendered', copy, 'unsealed_copy', { documentNumber: resolution.number });
  });

  it('unsealed draft: says it is a draft', async () => {
    await expectVerdict('draft', await preview(draft.id), 'draft', { documentNumber: draft.number });
  });

  it('every case above got its own verdict and headline', () => {
    const all = Object.values(verdicts);
    expect(all).toHaveLength(10);
    expect(new Set(all.map((v) => `${v.verdict}|${v.headline}|${v.detail}`)).size).toBe(10);
  });

  it('non-PDF and unknown number: 4xx with a Chinese message', async () => {
    const notPdf = await upload(Buffer.from('hello, this is text')).expect(400);
    expect(notPdf.body).toMatchObject({ code: 'not_pdf' });
    expect(notPdf.body.message).toContain('不是 PDF 文件');
    const unknown = await t.http.get('/api/verify/GY-00000000-2026-000999').expect(404);
    expect(unknown.body.code).toBe('document_not_found');
    expect(unknown.body.message).toMatch(/[\u4e00-\u9fff]/);
    // A draft is not public: by number it is unknown to the verifier.
    await t.http.get(`/api/verify/${draft.number}`).expect(404);
  });

  it('by number: registered title, date and seals, and the registered file to download', async () => {
    const res = await t.http.get(`/api/verify/${resolution.number}`).expect(200);
    expect(res.body).toMatchObject({ verdict: 'genuine', number: resolution.number, downloadUrl: `/api/verify/${resolution.number}/file` });
    expect(res.body.title).toContain('表决结果公告');
    expect(res.body.finalisedAt).toEqual(expect.any(String));
    expect(res.body.seals.map((s: { kind: string }) => s.kind)).toEqual(['committee', 'assembly']);
    const file = await binary(t.http.get(res.body.downloadUrl)).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((file.body as Buffer).equals(sealed)).toBe(true);
    await t.http.get('/api/verify/GY-00000000-2026-000999/file').expect(404);
    // The notice publishing registered is public by number once both seals are on it.
    const byNumber = await t.http.get(`/api/verify/${notice.number}`).expect(200);
    expect(byNumber.body).toMatchObject({ verdict: 'genuine', number: notice.number });
    expect(byNumber.body.title).toContain('会议公告');
  });
});
