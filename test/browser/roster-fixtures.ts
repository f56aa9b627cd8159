/**
 * A small roster with the cases the counting rules care about (DOMAIN.md §3):
 * 张伟 owns two units (one person), 1号楼-1单元-102 is co-owned with 王芳 voting,
 * and two developer units (未售 + 未交付) count together as one person.
 *
 * Area 89.50 + 120.25 + 95.00 + 95.00 + 110.75 + 88.00 + 1200.00 = 1798.50 m²;
 * headcount 张伟, 李娜/王芳, developer, 赵敏, 刘洋 = 5; two thirds: 1199.00 m² and 4 people.
 */
export const GOOD_ROSTER = [
  '楼栋,单元,房号,面积,面积来源,状态,类型,业主,手机,证件号,共有人,投票人',
  '1号楼,1单元,101,89.50,登记,已售,住宅,张伟,13800000001,,,',
  '1号楼,1单元,102,120.25,实测,已售,住宅,李娜,13800000002,,王芳:13800000003,王芳',
  '1号楼,2单元,201,95.00,合同,未售,住宅,,,,,',
  '1号楼,2单元,202,95.00,登记,未交付,住宅,,,,,',
  '2号楼,1单元,101,110.75,登记,已售,住宅,张伟,13800000001,,,',
  '2号楼,1单元,102,88.00,登记,已售,住宅,赵敏,13800000004,,,',
  '商业楼,,S01,1200.00,登记,已售,商业,刘洋,13800000005,,,',
].join('\r\n');

/**
 * The residents' committee's facts for GOOD_ROSTER's owners (核验信息, from the property register): registered
 * mobiles whose last 4 digits differ from the contact numbers in the committee's roster, so they are kept as the
 * facts owners add to their activation codes (the committee never sees them).
 */
export const REGISTERED_MOBILES: Record<string, string> = {
  张伟: '13712346601',
  李娜: '13712346602',
  王芳: '13712346603',
  赵敏: '13712346604',
  刘洋: '13712346605',
};

export const GOOD_REGISTER_FACTS = [
  '楼栋,单元,房号,业主,手机',
  `1号楼,1单元,101,张伟,${REGISTERED_MOBILES['张伟']}`,
  `1号楼,1单元,102,李娜,${REGISTERED_MOBILES['李娜']}`,
  `1号楼,1单元,102,王芳,${REGISTERED_MOBILES['王芳']}`,
  `2号楼,1单元,102,赵敏,${REGISTERED_MOBILES['赵敏']}`,
  `商业楼,,S01,刘洋,${REGISTERED_MOBILES['刘洋']}`,
].join('\r\n');

export const GOOD_TOTALS = {
  totalArea: '1,798.50',
  totalHeadcount: '5',
  unitCount: '7',
  developerUnitCount: '2',
  multiUnitOwnerCount: '1',
  twoThirdsArea: '1,199.00',
  twoThirdsHeadcount: '4',
};

/** Three bad rows (file lines 2–4), each with a different mistake. */
export const BAD_ROSTER = [
  '楼栋,单元,房号,面积,面积来源,状态,类型,业主,手机,证件号,共有人,投票人',
  '3号楼,1单元,101,八十,登记,已售,住宅,孙丽,13800000006,,,',
  '3号楼,1单元,102,90.00,估算,已售,住宅,周杰,13800000007,,,',
  '3号楼,1单元,103,90.00,登记,已售,住宅,,,,,',
].join('\r\n');

export function utf8WithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
