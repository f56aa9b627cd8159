import { createCommunity, createMember, importRoster, Member, rosterCsv, rosterXlsx, SMALL_ROSTER } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

describe('community registry and roster import', () => {
  let t: TestApp;
  let community: string;
  let clerk: Member;

  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t, '太平洋花园');
    clerk = await createMember(t, community, 'committee_member');
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM units WHERE community_id = $1)::int AS units,
              (SELECT count(*) FROM owners WHERE community_id = $1)::int AS owners,
              (SELECT count(*) FROM unit_owners WHERE community_id = $1)::int AS links`,
      [community],
    );
    return row;
  };

  it('imports a CSV roster and computes totals by the headcount rules', async () => {
    const res = await importRoster(t, community, clerk.token, rosterCsv(SMALL_ROSTER)).expect(201);
    expect(res.body).toMatchObject({ rows: 5, unitsCreated: 5, unitsUpdated: 0, unitsUnchanged: 0, buildingsCreated: 2, ownersCreated: 4 });
    const totals = await t.http.get(`/api/communities/${community}/totals`).set(bearer(clerk.token)).expect(200);
    // 89.50 + 100.25 + 120 + 75.05 + 75.05; heads: 张三 (2 units) + 王五 (designated co-owner) + developer = 3.
    expect(totals.body).toMatchObject({
      totalArea: '459.85',
      totalHeadcount: 3,
      unitCount: 5,
      developerUnitCount: 2,
      multiUnitOwnerCount: 1,
    });
    expect(totals.body.twoThirdsHeadcount).toBe(2);
    expect(totals.body.twoThirdsArea).toBe('306.57');
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await counts();
    const res = await importRoster(t, community, clerk.token, rosterCsv(SMALL_ROSTER)).expect(201);
    expect(res.body).toMatchObject({ unitsCreated: 0, unitsUpdated: 0, unitsUnchanged: 5, ownersCreated: 0, ownershipChanged: 0 });
    expect(await counts()).toEqual(before);
  });

  it('updates matched units in place from an XLSX file', async () => {
    const changed = SMALL_ROSTER.map((l) => (l.房号 === '101' ? { ...l, 面积: '90.5', 业主: '赵六', 手机: '13800000009' } : l));
    const res = await importRoster(t, community, clerk.token, await rosterXlsx(changed), 'roster.xlsx').expect(201);
    expect(res.body).toMatchObject({ unitsCreated: 0, unitsUpdated: 1, unitsUnchanged: 4, ownersCreated: 1, ownershipChanged: 1 });
    const units = await t.http.get(`/api/communities/${community}/units?q=1-1-101`).set(bearer(clerk.token)).expect(200);
    expect(units.body.items).toHaveLength(1);
    expect(units.body.items[0]).toMatchObject({
      area: '90.50',
      areaSource: 'registry',
      owners: [expect.objectContaining({ name: '赵六', mobile: '1380000****' })],
    });
    const totals = await t.http.get(`/api/communities/${community}/totals`).set(bearer(clerk.token)).expect(200);
    // 张三 now holds one unit, 赵六 another: 4 heads.
    expect(totals.body).toMatchObject({ totalArea: '460.85', totalHeadcount: 4, multiUnitOwnerCount: 0 });
  });

  it('rejects a bad file with every bad row and imports nothing', async () => {
    const before = await counts();
    const bad = rosterCsv([
      { 楼栋: '3', 房号: '101', 面积: '88.888', 面积来源: '登记', 业主: '甲' },
      { 楼栋: '3', 房号: '102', 面积: '88', 面积来源: '猜的', 业主: '乙' },
      { 楼栋: '3', 房号: '103', 面积: '88', 面积来源: '登记', 业主: '丙', 手机: '12345' },
      { 楼栋: '3', 房号: '101', 面积: '70', 面积来源: '登记', 业主: '丁' },
      { 楼栋: '3', 房号: '104', 面积: '70', 面积来源: '登记' },
      { 楼栋: '3', 房号: '105', 面积: '70', 面积来源: '登记', 业主: '戊', 共有人: '己', 投票人: '庚' },
      { 楼栋: '3', 房号: '106', 面积: '70', 面积来源: '登记', 业主: '好人' },
    ]);
    const res = await importRoster(t, community, clerk.token, bad).expect(400);
    expect(res.body.code).toBe('roster_invalid');
    const errors: { line: number; reason: string }[] = res.body.details.errors;
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errors[0].reason).toContain('面积格式错误');
    expect(errors[1].reason).toContain('面积来源');
    expect(errors[2].reason).toContain('手机号');
    expect(errors[3].reason).toContain('与第 2 行重复');
    expect(errors[4].reason).toContain('业主姓名');
    expect(errors[5].reason).toContain('投票人');
    expect(await counts()).toEqual(before);
  });

  it('reports missing columns, empty files and non-roster uploads as 400', async () => {
    const noArea = Buffer.from('楼栋,房号,业主\n1,101,张\n');
    const res = await importRoster(t, community, clerk.token, noArea).expect(400);
    expect(res.body.details.errors[0]).toEqual({ line: 1, reason: expect.stringContaining('面积') });
    await importRoster(t, community, clerk.token, Buffer.from('')).expect(400);
    const fakeXlsx = await importRoster(t, community, clerk.token, Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx').expect(400);
    expect(fakeXlsx.body.details.errors[0].reason).toContain('Excel');
    const none = await t.http.post(`/api/communities/${community}/roster-imports`).set(bearer(clerk.token)).expect(400);
    expect(none.body.code).toBe('file_required');
  });

  it('reads a GB18030 CSV saved by Chinese Excel', async () => {
    const other = await createCommunity(t);
    const text = '楼栋,房号,面积,面积来源,业主\n5,501,66.6,登记,钱七\n';
    // Node can decode GB18030 but not encode it, so the file is spelled out in GB18030 bytes.
    const encoded = Buffer.concat([
      Buffer.from([0xc2, 0xa5, 0xb6, 0xb0]),
      Buffer.from(','), // 楼栋
      Buffer.from([0xb7, 0xbf, 0xba, 0xc5]),
      Buffer.from(','), // 房号
      Buffer.from([0xc3, 0xe6, 0xbb, 0xfd]),
      Buffer.from(','), // 面积
      Buffer.from([0xc3, 0xe6, 0xbb, 0xfd, 0xc0, 0xb4, 0xd4, 0xb4]),
      Buffer.from(','), // 面积来源
      Buffer.from([0xd2, 0xb5, 0xd6, 0xf7]),
      Buffer.from('\n5,501,66.6,'), // 业主
      Buffer.from([0xb5, 0xc7, 0xbc, 0xc7]),
      Buffer.from(','), // 登记
      Buffer.from([0xc7, 0xae, 0xc6, 0xdf]),
      Buffer.from('\n'), // 钱七
    ]);
    expect(new TextDecoder('gb18030').decode(encoded)).toBe(text);
    // The platform admin does not write a community's roster: refused, nothing imported.
    const byAdmin = await importRoster(t, other, t.adminToken, encoded).expect(403);
    expect(byAdmin.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM units WHERE community_id = $1', [other])).toEqual([{ n: 0 }]);
    const director = await createMember(t, other, 'committee_director');
    const res = await importRoster(t, other, director.token, encoded).expect(201);
    expect(res.body.unitsCreated).toBe(1);
  });

  it('never returns identity numbers whole and hides names from roles that need not see them', async () => {
    const [owner] = await t.dataSource.query(
      `SELECT id_number_hash, id_number_masked FROM owners WHERE community_id = $1 AND name = '张三'`,
      [community],
    );
    expect(owner.id_number_masked).toBe('330***************');
    expect(owner.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM owners'));
    expect(dump).not.toContain('330106199001011234');
    const property = await createMember(t, community, 'property_company');
    const list = await t.http.get(`/api/communities/${community}/units?q=1-2-201`).set(bearer(property.token)).expect(200);
    expect(list.body.items[0].owners.map((o: { name: string }) => o.name)).toEqual(['王**', '李**']);
  });

  it('searches and pages the units table', async () => {
    const page = await t.http.get(`/api/communities/${community}/units?pageSize=2&page=2`).set(bearer(clerk.token)).expect(200);
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const byOwner = await t.http.get(`/api/communities/${community}/units`).query({ q: '王五' }).set(bearer(clerk.token)).expect(200);
    expect(byOwner.body.items.map((u: { number: string }) => u.number)).toEqual(['1-2-201']);
    const unsold = await t.http.get(`/api/communities/${community}/units?status=unsold`).set(bearer(clerk.token)).expect(200);
    expect(unsold.body.items.map((u: { number: string }) => u.number)).toEqual(['2-301']);
    await t.http.get(`/api/communities/${community}/units?pageSize=100000`).set(bearer(clerk.token)).expect(400);
    const buildings = await t.http.get(`/api/communities/${community}/buildings`).set(bearer(clerk.token)).expect(200);
    expect(buildings.body.map((b: { name: string; unitCount: number }) => [b.name, b.unitCount])).toEqual([
      ['1', 3],
      ['2', 2],
    ]);
  });

  it('records every import in the decision record', async () => {
    const entries = await t.http.get(`/api/communities/${community}/record`).set(bearer(clerk.token)).expect(200);
    const imports = entries.body.filter((e: { action: string }) => e.action === 'registry.roster_imported');
    expect(imports).toHaveLength(3);
    expect(imports[0].payload).toMatchObject({ unitsCreated: 5, fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('lists owners with masked mobiles (the last 4 digits are an activation fact) and no account yet', async () => {
    const owners = await t.http.get(`/api/communities/${community}/owners?q=李四`).set(bearer(clerk.token)).expect(200);
    expect(owners.body.items).toEqual([
      expect.objectContaining({ name: '李四', mobile: '1380000****', hasAccount: false, units: ['1-2-201'] }),
    ]);
    // Owner accounts come only from activation letters (activation.e2e-spec.ts); the committee cannot open one.
    await t.http
      .post(`/api/communities/${community}/owners/${owners.body.items[0].id}/account`)
      .set(bearer(clerk.token))
      .send({})
      .expect(404);
  });
});
