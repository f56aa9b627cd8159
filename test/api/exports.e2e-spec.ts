import ExcelJS from 'exceljs';
import { advanceToAssembly, Cast, chainCast, createItem, openVote } from '../support/chain-fixtures';
import { createMember, RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/** supertest buffers only text; spreadsheets are collected as bytes. */
const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

// 1001 and 201 in the same stairwell: text order would put 1001 first.
const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '1001', 面积: '90.00', 面积来源: '登记', 业主: '赵一', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '201', 面积: '88.50', 面积来源: '登记', 业主: '钱二', 手机: '13900000002', 证件号: '330106199001011234' },
  { 楼栋: '1', 单元: '1', 房号: '301', 面积: '88.50', 面积来源: '登记', 业主: '孙三', 手机: '13900000003' },
];

describe('exports of units, owners, ledger and the canvassing list (XLSX and CSV)', () => {
  let t: TestApp;
  let cast: Cast;
  const c = (path: string) => `/api/communities/${cast.community}${path}`;
  const csv = async (path: string, token: string) => {
    const res = await binary(t.http.get(c(path)).query({ format: 'csv' }).set(bearer(token))).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return body.subarray(3).toString('utf8').trim().split('\r\n');
  };

  /** The first sheet's rows as text (row 1 is the header), from the default XLSX download. */
  const xlsx = async (path: string, token: string) => {
    const res = await binary(t.http.get(c(path)).set(bearer(token))).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    return rows;
  };
  const lastNumber = (unit: string) => unit.replace(/\D+/g, '-').split('-').filter(Boolean).pop();

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
  });
  afterAll(() => t.close());

  it('units as CSV in natural unit order (201 before 1001), owner names masked', async () => {
    const lines = await csv('/exports/units', cast.property.token);
    expect(lines[0]).toBe('房号,楼栋,类型,专有面积（平方米）,面积来源,状态,业主');
    const numbers = lines.slice(1).map((l) => l.split(',')[0]);
    expect(numbers.map((n) => n.replace(/\D+/g, '-').split('-').filter(Boolean).pop())).toEqual(['201', '301', '1001']);
    expect(lines.join('\n')).not.toContain('钱二');
    expect(lines.join('\n')).toContain('钱**');
  });

  it('units as XLSX: the same header, natural order and masked owner names', async () => {
    const rows = await xlsx('/exports/units', cast.property.token);
    expect(rows[0].join(',')).toBe('房号,楼栋,类型,专有面积（平方米）,面积来源,状态,业主');
    expect(rows.slice(1).map((r) => lastNumber(r[0]))).toEqual(['201', '301', '1001']);
    const text = rows.map((r) => r.join(',')).join('\n');
    expect(text).not.toContain('钱二');
    expect(text).toContain('钱**');
    // Areas stay exact text, not floats.
    expect(rows.slice(1).map((r) => r[3])).toEqual(['88.50', '88.50', '90.00']);
  });

  it('owners as XLSX: mobile and identity numbers masked as in the CSV', async () => {
    const rows = await xlsx('/exports/owners', cast.director.token);
    const text = rows.map((r) => r.join(',')).join('\n');
    expect(rows[1][0]).toBe('钱二');
    expect(text).toContain('1390000****');
    expect(text).not.toMatch(/1390000000\d/);
    expect(text).not.toContain('330106199001011234');
    expect(text).not.toContain('199001011234');
  });

  it('owners with masked mobile and identity numbers; only the committee may export them', async () => {
    const lines = await csv('/exports/owners', cast.director.token);
    const text = lines.join('\n');
    expect(text).toContain('钱二');
    // The last 4 digits are the activation check fact, so the export hides them (not the middle).
    expect(text).toContain('1390000****');
    expect(text).not.toMatch(/1390000000\d/);
    expect(text).not.toContain('330106199001011234');
    expect(lines[1].startsWith('钱二')).toBe(true);
    const owner = await createMember(t, cast.community, 'owner');
    await t.http.get(c('/exports/owners')).set(bearer(owner.token)).expect(403);
    await t.http.get(c('/exports/units')).query({ format: 'pdf' }).set(bearer(cast.director.token)).expect(400);
  });

  it('the ledger as XLSX keeps amounts as exact text', async () => {
    await t.http
      .post(c('/ledger-entries'))
      .set(bearer(cast.property.token))
      .send({
        kind: 'income',
        category: '广告费',
        amountFen: '1200050',
        entryDate: '2026-04-03',
        counterparty: '某广告公司',
        counterpartyKind: 'organisation',
        evidenceRef: 'AD-04',
      })
      .expect(201);
    const res = await binary(t.http.get(c('/exports/ledger')).set(bearer(cast.property.token))).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    // exceljs types its input as a Node Buffer of ArrayBuffer; supertest hands over Buffer<ArrayBufferLike>.
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(5).value).toBe('金额（元）');
    expect(sheet.getRow(2).getCell(5).value).toBe('12000.50');
    expect(sheet.getRow(2).getCell(3).value).toBe('收入');

    // The same ledger as CSV (UTF-8 with a BOM, checked by csv()): same header and the exact amount.
    const lines = await csv('/exports/ledger', cast.property.token);
    expect(lines[0].split(',')[4]).toBe('金额（元）');
    expect(lines).toHaveLength(2);
    expect(lines[1].split(',')[4]).toBe('12000.50');
    expect(lines[1].split(',')[2]).toBe('收入');
    expect(lines[1]).toContain('某广告公司');
  });

  it('the canvassing list in natural unit order', async () => {
    const item = await createItem(t, cast, 'art278_7', '东门改造');
    await advanceToAssembly(t, cast, item);
    const v = await openVote(t, cast, item);
    const lines = await csv(`/votes/${v.id}/canvassing/export`, cast.clerk.token);
    expect(lines[0]).toBe('楼栋,房号,业主,面积（平方米）,已投议案数');
    const rooms = lines.slice(1).map((l) => l.split(',')[1].split('-').pop());
    expect(rooms).toEqual(['201', '301', '1001']);

    // The XLSX download (the default) holds the same list in the same natural order.
    const rows = await xlsx(`/votes/${v.id}/canvassing/export`, cast.clerk.token);
    expect(rows[0].join(',')).toBe('楼栋,房号,业主,面积（平方米）,已投议案数');
    expect(rows.slice(1).map((r) => r[1].split('-').pop())).toEqual(['201', '301', '1001']);
    expect(rows.slice(1).map((r) => r.join(','))).toEqual(lines.slice(1));
  });
});
