import type { Person } from './browser-api';
import type { ChainCast } from './vote-fixtures';

/** The four scoring criteria the browser hearings use (weights sum to 100). */
export const HEARING_CRITERIA = [
  { key: 'price', label: '价格', weight: 40 },
  { key: 'quality', label: '质量', weight: 30 },
  { key: 'warranty', label: '质保', weight: 20 },
  { key: 'service', label: '服务', weight: 10 },
];

/**
 * The body of `POST …/hearings` for the browser specs' 3 幢 elevator hearing: a seven-member panel (representative,
 * committee member, property company, the experts), the invited vendors, bids due at `deadline`, opened an hour later.
 */
export function elevatorHearingBody(
  cast: ChainCast,
  agendaItemId: string,
  experts: Person[],
  vendors: Person[],
  deadline: number,
  title = '3 幢电梯更新现场竞标听证会',
) {
  return {
    agendaItemId,
    title,
    description: '更换 3 幢电梯一部，含拆除、安装、验收与质保。',
    place: '社区党群服务中心 2 楼会议室',
    criteria: HEARING_CRITERIA,
    panel: [
      { userId: cast.representative.userId, kind: 'representative' },
      { userId: cast.clerk2.userId, kind: 'committee' },
      { userId: cast.property.userId, kind: 'property_company' },
      ...experts.map((e) => ({ userId: e.userId, kind: 'expert' })),
    ],
    vendors: vendors.map((v) => ({ userId: v.userId, vendorName: v.name })),
    bidDeadline: new Date(deadline).toISOString(),
    openingAt: new Date(deadline + 3_600_000).toISOString(),
  };
}
