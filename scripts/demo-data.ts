/** One roster row keyed by its Chinese column header. */
export type RosterLine = Partial<Record<string, string>>;

/**
 * A community modelled on seed 003's 太平洋花园: 11 buildings, 306 households,
 * about 55,000 m². Deterministic, so every demo shows the same figures.
 */
export const DEMO_COMMUNITY = { name: '太平洋花园', district: '杭州市示范街道', address: '示范路 88 号' };

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红玉兰云飞鹏辉斌宇浩凯健俊帆';

function name(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? GIVEN[(i * 13) % GIVEN.length] : '');
}

export function demoRoster(): RosterLine[] {
  const lines: RosterLine[] = [];
  // 11 buildings: 28 households each, 8 more in building 11 → 306.
  let n = 0;
  for (let building = 1; building <= 11; building++) {
    const households = building === 11 ? 26 : 28;
    for (let h = 0; h < households; h++) {
      n++;
      const stairwell = String((h % 2) + 1);
      const floor = Math.floor(h / 2) + 1;
      const room = `${floor}0${(h % 2) + 1}`;
      // 150.00–210.00 m², averaging about 180 m² (≈ 55,000 m² in all).
      const hundredths = 15000 + ((n * 7919) % 6001);
      const area = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
      const line: RosterLine = { 楼栋: `${building}幢`, 单元: stairwell, 房号: room, 面积: area, 面积来源: n % 10 === 0 ? '实测' : '登记' };
      if (building === 11 && h >= 22) {
        line.状态 = h % 2 ? '未交付' : '未售';
      } else if (n % 50 === 7) {
        // A few owners hold a second unit: reuse an earlier owner's name and mobile.
        const earlier = n - 5;
        Object.assign(line, { 业主: name(earlier), 手机: mobile(earlier) });
      } else {
        Object.assign(line, { 业主: name(n), 手机: mobile(n) });
        if (n % 17 === 0)
          Object.assign(line, { 共有人: `${name(n + 1000)}:${mobile(n + 1000)}`, 投票人: n % 34 === 0 ? name(n + 1000) : '' });
      }
      lines.push(line);
    }
  }
  return lines;
}

function mobile(i: number): string {
  return `139${String(10000000 + i * 37).slice(-8)}`;
}

/** One demo account per role (DOMAIN.md §2); the password is printed at start. */
export const DEMO_ACCOUNTS = [
  { loginName: 'demo.director', displayName: '陈主任（业委会主任）', role: 'committee_director' },
  { loginName: 'demo.member', displayName: '林委员（业委会委员）', role: 'committee_member' },
  { loginName: 'demo.clerk2', displayName: '吴委员（第二录入员）', role: 'committee_member' },
  { loginName: 'demo.secretary', displayName: '郑书记（党支部书记）', role: 'party_secretary' },
  { loginName: 'demo.residents', displayName: '社区居委会', role: 'residents_committee' },
  { loginName: 'demo.property', displayName: '物业公司', role: 'property_company' },
  { loginName: 'demo.rep', displayName: '楼栋长（居民代表）', role: 'representative' },
  { loginName: 'demo.bank', displayName: '银行经办', role: 'bank_officer' },
  { loginName: 'demo.auditor', displayName: '审计事务所', role: 'auditor' },
  { loginName: 'demo.vendor', displayName: '电梯供应商', role: 'vendor' },
] as const;

/**
 * The mobile the property register holds for a demo owner (what the residents' committee imports as 核验信息):
 * the contact number with each of its last 4 digits shifted by 5, so the fact always differs from the number in
 * the committee's roster (a fact the committee holds is not kept).
 */
export function registeredMobile(contact: string): string {
  return contact.slice(0, -4) + [...contact.slice(-4)].map((d) => String((Number(d) + 5) % 10)).join('');
}

/** The residents' committee's facts file for the demo roster: unit, owner (and co-owner), registered mobile. */
export function demoRegisterFacts(lines: RosterLine[]): Buffer {
  const rows = ['楼栋,单元,房号,业主,手机'];
  for (const l of lines) {
    if (!l.业主 || !l.手机) continue;
    rows.push([l.楼栋, l.单元, l.房号, l.业主, registeredMobile(l.手机)].join(','));
    const [coName, coMobile] = (l.共有人 ?? '').split(':');
    if (coName && coMobile) rows.push([l.楼栋, l.单元, l.房号, coName, registeredMobile(coMobile)].join(','));
  }
  return Buffer.from(rows.join('\n'));
}
