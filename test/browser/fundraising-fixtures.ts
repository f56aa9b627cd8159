import { passedItem } from './passed-vote-fixtures';
import type { ChainCast } from './vote-fixtures';

/** An Art. 278 (六) item (1号楼电梯更新集资) the owners approved (passed-vote-fixtures.ts): it can be raised for. */
export function approvedFundraisingItem(cast: ChainCast): Promise<{ itemId: string; voteId: string }> {
  return passedItem(cast, {
    category: 'art278_6',
    title: '1号楼电梯更新集资',
    description: '1号楼电梯老化，业主按面积集资更新。',
    budgetFen: '1000000',
    voteTitle: '2026 年第二次业主大会',
    motion: { title: '关于1号楼电梯更新集资的议案', fullText: '按专有部分面积集资 10,000.00 元更新电梯。' },
  });
}
