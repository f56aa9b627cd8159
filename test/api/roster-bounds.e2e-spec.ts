import { deflateRawSync } from 'node:zlib';
import { MAX_ROSTER_ROWS } from '../../apps/api/src/registry/roster/roster-file.parser';
import { checkZipLimits, MAX_XLSX_UNCOMPRESSED } from '../../apps/api/src/registry/roster/zip-limits';
import { createCommunity, createMember, importRoster, ROSTER_HEADER, rosterXlsx } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A ZIP (STORE/DEFLATE by hand) whose one entry expands to `expanded` bytes of the same character; `declared` is
 * the size its headers claim (a lying archive when smaller).
 */
function zipBomb(expanded: number, declared = expanded): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(Buffer.alloc(expanded, 0x20), { level: 9 });
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Roster imports: capped decompressed size and row count, streaming parse (issue 11 item 5). */
describe('roster import bounds', () => {
  let t: TestApp;
  let community: string;
  let clerk: string;
  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
    clerk = (await createMember(t, community, 'committee_director')).token;
  });
  afterAll(() => t.close());

  it('refuses an XLSX that would expand to 237 MiB, from its central directory, before inflating it', async () => {
    const bomb = zipBomb(237 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(checkZipLimits(bomb)).toMatchObject({ ok: false });
    const rssBefore = process.memoryUsage().rss;
    const res = await importRoster(t, community, clerk, bomb, 'bomb.xlsx');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('解压后超过');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM units WHERE community_id = $1', [community]);
    expect(count).toBe(0);
  });

  it('refuses an XLSX whose index claims 4 KiB but whose entry inflates to 237 MiB, never inflating past the limit', async () => {
    const liar = zipBomb(237 * 1024 * 1024, 4096);
    expect(checkZipLimits(liar)).toMatchObject({ ok: false });
    // Small enough claims, real data a little bigger than claimed: refused as not matching its index.
    expect(checkZipLimits(zipBomb(8192, 4096))).toMatchObject({ ok: false, reason: expect.stringContaining('与声明不符') });
    const rssBefore = process.memoryUsage().rss;
    const res = await importRoster(t, community, clerk, liar, 'liar.xlsx');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('解压后超过');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(160 * 1024 * 1024);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM units WHERE community_id = $1', [community]);
    expect(count).toBe(0);
  });

  it('accepts an ordinary XLSX below the limit', () => {
    expect(checkZipLimits(zipBomb(MAX_XLSX_UNCOMPRESSED - 1024))).toEqual({ ok: true });
  });

  it('refuses an XLSX with more rows than the limit and imports nothing', async () => {
    const line = { 楼栋: '1', 单元: '1', 房号: '101', 面积: '90', 面积来源: '登记', 业主: '甲', 手机: '13800000009' };
    const lines = Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => ({ ...line, 房号: String(1000 + i) }));
    const file = await rosterXlsx(lines);
    const res = await importRoster(t, community, clerk, file, 'long.xlsx');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(`行数超过上限 ${MAX_ROSTER_ROWS}`);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM units WHERE community_id = $1', [community]);
    expect(count).toBe(0);
  }, 60_000);

  it('refuses a CSV with more rows than the limit', async () => {
    const csv = [
      ROSTER_HEADER.join(','),
      ...Array.from({ length: MAX_ROSTER_ROWS + 5 }, (_, i) => `1,1,${1000 + i},90,登记,已售,个人,甲,13800000009,,,`),
    ].join('\n');
    const res = await importRoster(t, community, clerk, Buffer.from(csv), 'long.csv');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(`行数超过上限 ${MAX_ROSTER_ROWS}`);
  });
});
