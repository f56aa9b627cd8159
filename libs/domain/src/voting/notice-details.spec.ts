import { assertNoticeDetails, assertSealedInTime, noticeDetailsFor, streetOfficeOf } from './notice-details';

const ctx = {
  communityName: '太平洋花园',
  district: '杭州市示范街道',
  closesAt: new Date('2027-01-08T10:00:00Z'), // Friday 18:00 in Shanghai
  channels: ['online', 'paper', 'proxy'],
  proxyCap: 3,
  timeZone: 'Asia/Shanghai',
};

describe('notice details', () => {
  it('fills what the draft left empty from the community and the rulebook', () => {
    const d = noticeDetailsFor({}, ctx);
    expect(d.paperReturnDeadline).toEqual(ctx.closesAt);
    expect(d.proxyProcedure).toContain('最多接受 3 名业主');
    // 09:00 the next day (Saturday 9 Jan, Shanghai) and the result on the next working day, Monday 11 Jan.
    expect(d.countingAt.toISOString()).toBe('2027-01-09T01:00:00.000Z');
    expect(d.resultAnnouncementDate.toISOString()).toBe('2027-01-10T16:00:00.000Z');
    expect(d.copyTo).toEqual(['太平洋花园所在社区居民委员会', '杭州市示范街道办事处']);
    expect(d.supervision).toContain('居民委员会派员全程监督');
    expect(d.scrutineers).toEqual([]);
  });

  it('keeps what the draft says', () => {
    const d = noticeDetailsFor({ scrutineers: [' 张三 ', ''], copyTo: ['示范社区居民委员会'], countingPlace: '会所二楼' }, ctx);
    expect(d.scrutineers).toEqual(['张三']);
    expect(d.copyTo).toEqual(['示范社区居民委员会']);
    expect(d.countingPlace).toBe('会所二楼');
  });

  it('names the street office from a district that is or is not a street', () => {
    expect(streetOfficeOf('测试区')).toBe('测试区街道办事处');
    expect(streetOfficeOf('示范街道')).toBe('示范街道办事处');
  });

  it('refuses a counting time before voting closes and a paper deadline outside the window', () => {
    const opens = new Date('2026-12-20T00:00:00Z');
    expect(() => assertNoticeDetails({ countingAt: '2027-01-01T00:00:00Z' }, opens, ctx.closesAt)).toThrow('计票时间不能早于投票截止时间');
    expect(() => assertNoticeDetails({ paperReturnDeadline: '2027-02-01T00:00:00Z' }, opens, ctx.closesAt)).toThrow('投票期间内');
    expect(() => assertNoticeDetails({ resultAnnouncementDate: '2027-01-08T00:00:00Z' }, opens, ctx.closesAt)).toThrow('结果公布日期');
    expect(() => assertNoticeDetails({}, opens, ctx.closesAt)).not.toThrow();
  });

  it('takes named scrutineers and tellers, and refuses blank or repeated names and a scrutineer who also counts', () => {
    const opens = new Date('2026-12-20T00:00:00Z');
    const check = (scrutineers: string[], tellers: string[]) => () => assertNoticeDetails({ scrutineers, tellers }, opens, ctx.closesAt);
    expect(check(['李卫东（业主代表）', '周敏'], ['王芳'])).not.toThrow();
    expect(check(['李卫东', ' '], ['王芳'])).toThrow('监票人须逐一填写姓名');
    expect(check(['李卫东'], ['王'])).toThrow('计票人须逐一填写姓名');
    expect(check(['李卫东', '李卫东 '], ['王芳'])).toThrow('监票人名单中有重复的姓名');
    expect(check(['李卫东', '王芳'], ['王芳'])).toThrow('监票人不能同时担任计票人：王芳');
  });

  it('refuses sealing later than the notice period before opening, and says how far to move the window', () => {
    const opensAt = new Date('2026-12-20T00:00:00Z'); // 08:00 on 20 Dec in Shanghai
    expect(() => assertSealedInTime(new Date('2026-12-04T03:00:00Z'), opensAt, 'regular', { noticeDays: 15 })).not.toThrow();
    expect(() => assertSealedInTime(new Date('2026-12-10T03:00:00Z'), opensAt, 'regular', { noticeDays: 15 })).toThrow(
      /须在投票开始前15日用章.*2026年12月20日开始.*2026年12月26日或之后/,
    );
  });
});
