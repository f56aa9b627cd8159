import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEAL_LOG_TYPE, STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleSealLog, sampleStatement } from '@gongyi/pdf/samples';
import { pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, noticeDocument, openVote, ownerTokens } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { issueFinalResult } from '../support/result-fixtures';

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000002' },
  { 楼栋: '1', 单元: '1', 房号: '201', 面积: '80', 面积来源: '登记', 业主: '上官丁', 手机: '13900000004' },
];

/** supertest buffers only text types; PDFs are collected as bytes. */
const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
const flat = (pdf: Buffer) => pdftotext(pdf).replace(/\s+/g, '');
const blocks = (out: string) => out.split(/^Signature #\d+:$/m).slice(1);

describe('documents: rendering, dual seals, storage and verification', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Awaited<ReturnType<typeof ownerTokens>>;
  let itemId: string;
  let voteId: string;
  let otherVoteId: string;
  let communityName: string;
  const docs: Record<string, { id: string; number: string }> = {};
  let resolutionRequestId: string;
  let sealed: Buffer;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const create = (type: string, sourceId: string) => t.http.post(url('/documents')).set(bearer(cast.clerk.token)).send({ type, sourceId });
  const preview = async (id: string) =>
    (await binary(t.http.get(url(`/documents/${id}/preview`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;
  const upload = (pdf: Buffer) => t.http.post('/api/verify').attach('file', pdf, 'document.pdf');

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    [{ name: communityName }] = await t.dataSource.query('SELECT name FROM communities WHERE id = $1', [cast.community]);
    owners = await ownerTokens(t, cast);
    itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    const vote = await openVote(t, cast, itemId, {
      motions: [
        { title: '关于动用维修资金更换 1 幢水泵的议案', fullText: '动用维修资金人民币捌万元更换 1 幢二次供水水泵。', kind: 'yes_no' },
      ],
    });
    voteId = vote.id;
    for (const name of ['欧阳甲', '司马乙', '上官丁']) {
      await t.http
        .post(url(`/votes/${voteId}/ballots`))
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId: vote.motions[0].id, choice: 'yes' }] })
        .expect(201);
    }
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, voteId)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    // A second vote, opened while the first term's seals are current (its notice sealed 17 days before opening).
    const other = await createItem(t, cast, 'art278_5', '另一议题');
    await advanceToAssembly(t, cast, other);
    otherVoteId = (await openVote(t, cast, other)).id;
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 2 });
  });
  afterAll(() => t.close());

  it('renders each template with its Chinese text, the document number and the verification link', async () => {
    // Publishing registered the notice (the first document of the community) and both seals went on it.
    const notice = { body: await noticeDocument(t, cast, voteId) };
    expect(notice.body.number).toMatch(/^GY-[0-9A-F]{8}-\d{4}-000001$/);
    expect(notice.body.status).toBe('final');
    const [meeting] = await t.dataSource.query(`SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = 'joint_meeting'`, [itemId]);
    const minutes = await create('meeting_minutes', meeting.id).expect(201);
    const final = await issueFinalResult(t, cast.community, voteId, cast.clerk);
    const resolution = { body: final.document };
    resolutionRequestId = final.sealRequest.id;
    expect(resolution.body.requiredSeals).toEqual(['assembly', 'committee']);
    const documents = t.app.get(DocumentsService);
    const statement = await documents.renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title: '公共收益收支明细表',
      sourceType: 'test',
      input: sampleStatement(),
    });
    const sealLog = await documents.renderAndRegister(null, cast.community, {
      type: SEAL_LOG_TYPE,
      title: '用章登记',
      sourceType: 'test',
      input: sampleSealLog(),
    });
    Object.assign(docs, { notice: notice.body, minutes: minutes.body, resolution: resolution.body, statement, sealLog });

    const expected: Record<string, string[]> = {
      notice: [
        '2026年第一次业主大会会议公告',
        '关于动用维修资金更换1幢水泵的议案',
        '动用维修资金人民币捌万元更换1幢二次供水水泵。',
        '书面征求意见',
      ],
      minutes: ['联席会议', '动用维修资金更换水泵', '会议讨论了电梯更新方案', '居委会王主任'],
      resolution: ['表决结果公告', '关于动用维修资金更换1幢水泵的议案', '通过'],
      statement: ['公共收益收支明细表', '电梯轿厢广告收入', '¥36,000.00'],
      sealLog: ['用章登记公示', '2026年上半年'],
    };
    for (const [key, phrases] of Object.entries(expected)) {
      const text = flat(await preview(docs[key].id));
      for (const phrase of [...phrases, docs[key].number, '内容摘要', `/verify/${docs[key].number}`])
        expect([key, text.includes(phrase.replace(/\s+/g, ''))]).toEqual([key, true]);
    }
    expect(flat(await preview(docs.notice.id))).toContain(communityName);
    // The same input renders the same bytes: the draft seen before sealing is what gets sealed.
    expect((await preview(docs.statement.id)).equals(await preview(docs.statement.id))).toBe(true);
    const again = await create('assembly_notice', voteId).expect(409);
    expect(again.body).toMatchObject({ code: 'document_exists', details: { documentId: docs.notice.id } });
  });

  it('refuses bad sources with 4xx', async () => {
    expect((await create('statement', voteId)).status).toBe(400);
    expect((await create('meeting_minutes', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // Result announcements come from the close (preliminary) and the final-result route, never from here.
    expect((await create('resolution_announcement', otherVoteId)).body.code).toBe('use_final_result');
    await t.http
      .post(url('/documents'))
      .set(bearer(owners.get('欧阳甲')!.token))
      .send({ type: 'assembly_notice', sourceId: voteId })
      .expect(403);
  });

  it('refuses, in words and with nothing stored, a seal whose certificate is not yet valid at the signing time', async () => {
    const req = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send({ documentId: docs.sealLog.id }).expect(201);
    // A day before the second term's seals were cut, their certificates were not valid yet.
    const [{ notBefore }] = await t.dataSource.query<{ notBefore: Date }[]>(
      `SELECT not_before AS "notBefore" FROM seals WHERE community_id = $1 AND kind = 'committee' AND status = 'active'`,
      [cast.community],
    );
    t.clock.travelTo(new Date(new Date(notBefore).getTime() - 86_400_000));
    try {
      const refused = await t.http
        .post(url(`/seal-requests/${req.body.id}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', pin: TEST_SEAL_PIN });
      expect([refused.status, refused.body.code]).toEqual([409, 'seal_certificate_not_valid']);
      expect(refused.body.message).toMatch(/^印章证书（.+业主委员会章（第二届））的有效期为.+不在其内，本次未盖章$/);
    } finally {
      t.clock.reset();
    }
    const view = await t.http
      .get(url(`/seal-requests/${req.body.id}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect([view.body.status, view.body.appliedSeals, view.body.log]).toEqual(['pending', [], []]);
    const sealLog = await t.http
      .get(url(`/documents/${docs.sealLog.id}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect([sealLog.body.status, sealLog.body.revisions]).toEqual(['draft', []]);
  });

  it('seals the resolution with both seals: pdfsig reports two valid signatures', async () => {
    // The final announcement's seal request was made when it was issued.
    const req = { body: { id: resolutionRequestId } };
    await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.residents.token))
      .send({ kind: 'assembly', pin: TEST_SEAL_PIN })
      .expect(201);
    const res = await binary(t.http.get(url(`/documents/${docs.resolution.id}/file`)).set(bearer(cast.clerk.token))).expect(200);
    sealed = res.body;
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await t.http
      .get(url(`/documents/${docs.resolution.id}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(doc.body).toMatchObject({ status: 'final', fileSha256: res.headers.etag.replace(/"/g, '') });
    expect(doc.body.revisions.map((r: { seals: unknown[]; isFinal: boolean }) => [r.seals.length, r.isFinal])).toEqual([
      [1, false],
      [2, true],
    ]);

    const { stdout } = pdfsig(sealed);
    const [first, second] = blocks(stdout);
    expect(blocks(stdout)).toHaveLength(2);
    expect(first).toContain(`Signer Certificate Common Name: ${communityName}业主委员会章（第二届）`);
    expect(first).toContain('Signature Validation: Signature is Valid.');
    expect(second).toContain(`Signer Certificate Common Name: ${communityName}业主大会章（第二届）`);
    expect(second).toContain('Signature Validation: Signature is Valid.');
    expect(second).toContain('Total document signed');
    // Both red impressions (with the term) are page content, drawn before the first signature; the draft has none.
    expect(flat(sealed).match(/第二届/g)).toHaveLength(2);
    expect(flat(await preview(docs.resolution.id))).not.toContain('第二届');
  });

  it('serves the final file with its hash as ETag and answers If-None-Match with 304', async () => {
    const first = await binary(t.http.get(url(`/documents/${docs.resolution.id}/file`)).set(bearer(owners.get('欧阳甲')!.token))).expect(
      200,
    );
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    await t.http
      .get(url(`/documents/${docs.resolution.id}/file`))
      .set(bearer(cast.clerk.token))
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    // The minutes are an unsealed draft: no final file, and owners do not see it.
    await t.http
      .get(url(`/documents/${docs.minutes.id}/file`))
      .set(bearer(cast.clerk.token))
      .expect(409);
    const list = await t.http
      .get(url('/documents'))
      .set(bearer(owners.get('欧阳甲')!.token))
      .expect(200);
    // Owners see only the sealed finals: the resolution and the two notices sealed at publication.
    const otherNotice = await noticeDocument(t, cast, otherVoteId);
    expect(list.body.map((d: { id: string }) => d.id).sort()).toEqual([docs.resolution.id, docs.notice.id, otherNotice.id].sort());
    await t.http
      .get(url(`/documents/${docs.minutes.id}`))
      .set(bearer(owners.get('欧阳甲')!.token))
      .expect(404);
    await t.http
      .get(url(`/documents/${docs.minutes.id}/preview`))
      .set(bearer(owners.get('欧阳甲')!.token))
      .expect(403);
  });

  it('verifies an uploaded PDF or a document number: each seal, signer, time, and whether the bytes are registered', async () => {
    const report = await upload(sealed).expect(200);
    expect(report.body).toMatchObject({
      verdict: 'genuine',
      signaturesValid: true,
      matchesRegistered: true,
      documentNumber: docs.resolution.number,
      signatureCount: 2,
    });
    expect(
      report.body.signatures.map((s: { sealKind: string; valid: boolean; appliedBy: string }) => [s.sealKind, s.valid, s.appliedBy]),
    ).toEqual([
      ['committee', true, '测试committee_director'],
      ['assembly', true, '测试residents_committee'],
    ]);
    expect(report.body.signatures[0].signingTime).toEqual(expect.any(String));
    const byNumber = await t.http.get(`/api/verify/${docs.resolution.number}`).expect(200);
    expect(byNumber.body).toMatchObject({
      number: docs.resolution.number,
      registeredSha256: report.body.sha256,
      signaturesValid: true,
      communityName,
    });
    await t.http.get(`/api/verify/${docs.minutes.number}`).expect(404);
    await t.http.get('/api/verify/not-a-number').expect(404);
  });

  it('a copy with one byte changed fails our verifier and pdfsig', async () => {
    const tampered = Buffer.from(sealed);
    const at = tampered.indexOf('stream') + 200;
    tampered[at] = tampered[at] ^ 0x01;
    const report = await upload(tampered).expect(200);
    expect(report.body).toMatchObject({
      verdict: 'changed_after_sealing',
      signaturesValid: false,
      matchesRegistered: false,
      documentNumber: docs.resolution.number,
    });
    expect(report.body.signatures.every((s: { valid: boolean }) => !s.valid)).toBe(true);
    const { stdout } = pdfsig(tampered);
    expect(stdout).not.toContain('Signature Validation: Signature is Valid.');
    expect(blocks(stdout).length).toBe(2);
    const notPdf = await upload(Buffer.from('hello')).expect(400);
    expect(notPdf.body.code).toBe('not_pdf');
    const missing = await t.http.post('/api/verify').expect(400);
    expect(missing.body.code).toBe('file_required');
  });

  it('keeps finished documents immutable', async () => {
    await expect(t.ownerQuery(`UPDATE documents SET title = 'x' WHERE id = $1`, [docs.resolution.id])).rejects.toThrow(/immutable/);
    await expect(t.ownerQuery(`DELETE FROM document_files WHERE document_id = $1`, [docs.resolution.id])).rejects.toThrow(/immutable/);
    await expect(t.ownerQuery(`UPDATE document_files SET bytes = 'x' WHERE document_id = $1`, [docs.resolution.id])).rejects.toThrow(
      /immutable/,
    );
    const again = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId: docs.resolution.id })
      .expect(409);
    expect(again.body.code).toBe('document_final');
  });

  it('npm run verify checks a file from the command line against the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongyi-verify-'));
    try {
      const good = join(dir, 'good.pdf');
      const bad = join(dir, 'bad.pdf');
      writeFileSync(good, sealed);
      const tampered = Buffer.from(sealed);
      tampered[tampered.length - 200] ^= 0x01;
      writeFileSync(bad, tampered);
      const run = (file: string) =>
        spawnSync(process.execPath, ['-r', './scripts/register.js', 'scripts/verify-pdf.ts', file], {
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: t.config.databaseUrl },
        });
      // The command line prints the API's own verdict, word for word, and nothing in English.
      const api = async (bytes: Buffer) => (await t.http.post('/api/verify').attach('file', bytes, 'x.pdf').expect(200)).body;
      const ok = run(good);
      const genuine = await api(sealed);
      expect([ok.status, genuine.verdict]).toEqual([0, 'genuine']);
      expect(ok.stdout).toContain(`登记文书：${docs.resolution.number}`);
      expect(ok.stdout).toContain(`结论：${genuine.headline}\n${genuine.detail}`);
      const fail = run(bad);
      const changed = await api(tampered);
      expect([fail.status, changed.verdict]).toEqual([1, 'changed_after_sealing']);
      expect(fail.stdout).toContain(`结论：${changed.headline}\n${changed.detail}`);
      const text = join(dir, 'note.pdf');
      writeFileSync(text, 'hello');
      const notPdf = run(text);
      expect(notPdf.status).toBe(1);
      expect(notPdf.stdout).toContain('不是 PDF 文件');
      for (const out of [ok.stdout, fail.stdout, notPdf.stdout])
        expect(out).not.toMatch(/\b(valid|invalid|registered|NOT VERIFIED|AUTHENTIC)\b/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
