import type { AssemblyNoticeInput } from './templates/assembly-notice';
import type { MeetingMinutesInput } from './templates/minutes';
import type { ResolutionAnnouncementInput } from './templates/resolution';
import type { SealLogReportInput } from './templates/seal-log';
import type { StatementInput } from './templates/statement';

/**
 * Realistic sample inputs (the seed-003 elevator case) for tests, the benchmark and demos.
 * All values are fixed, so renders are reproducible.
 */
export const SAMPLE_COMMUNITY = '幸福里小区';

const at = (iso: string) => new Date(iso);

const OPINION_TEXTS = [
  '老旧电梯已运行二十余年，近一年困人故障十一次，更新改造刻不容缓，建议尽快启动。',
  '低楼层业主使用电梯较少，希望分摊方案兼顾楼层差异，并公开测算依据。',
  '维修资金余额能否覆盖全部费用，需要物业提供近三年的收支明细并由三方审核。',
  '施工期间的临时出行安排要提前公示，特别是对老年人和行动不便的住户。',
  '三家供应商的报价差距较大，建议在听证会上请技术专家逐项说明质量与保修条款。',
];

/** Minutes of a joint meeting; `opinions` controls the length (≈ 26 opinions per page). */
export function sampleMinutes(opinions = 240): MeetingMinutesInput {
  const roles = ['党支部书记', '居委会主任', '业委会主任', '物业项目经理', '居民代表（3号楼）', '居民代表（7号楼）', '技术顾问'];
  const names = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊'];
  return {
    communityName: SAMPLE_COMMUNITY,
    stage: 'joint_meeting',
    meetingTitle: '幸福里小区老旧电梯更新改造四方联席会议',
    agendaItemTitle: '关于使用维修资金更新改造9部老旧电梯的议题',
    startedAt: at('2026-03-12T06:30:00Z'),
    endedAt: at('2026-03-12T09:00:00Z'),
    place: '幸福里小区党群服务中心二楼会议室',
    chair: '王建国',
    recorder: '陈静',
    attendees: names.map((name, i) => ({
      name,
      role: roles[i],
      organisation: i < 4 ? roles[i].slice(0, 3) : '幸福里小区',
      present: i !== 6,
    })),
    agenda: ['通报9部老旧电梯的检测结果', '讨论更新改造方案与维修资金使用', '确定听证会安排及供应商邀请范围'],
    discussion: '会议由党支部书记王建国主持。物业通报了特种设备检测机构出具的检测报告，9部电梯均存在不同程度的安全隐患。',
    opinions: Array.from({ length: opinions }, (_, i) => ({
      speaker: names[i % names.length],
      role: roles[i % roles.length],
      stance: i % 3 === 0 ? '赞成' : i % 3 === 1 ? '关注' : '建议',
      content: `（第${i + 1}条）${OPINION_TEXTS[i % OPINION_TEXTS.length]}`,
    })),
    outcome: {
      decision: 'advance',
      text: '与会各方一致同意更新改造方案进入居民代表会议征求意见环节，并于两周内组织听证会。',
      votes: { for: 6, against: 0, abstain: 0 },
    },
    signatures: names.slice(0, 6).map((name, i) => ({ name, role: roles[i], confirmedAt: i < 4 ? at('2026-03-12T10:00:00Z') : undefined })),
    issuedAt: at('2026-03-13T01:00:00Z'),
  };
}

export function sampleNotice(): AssemblyNoticeInput {
  return {
    communityName: SAMPLE_COMMUNITY,
    meetingTitle: '幸福里小区2026年第一次业主大会',
    votingOpensAt: at('2026-05-01T01:00:00Z'),
    votingClosesAt: at('2026-05-20T10:00:00Z'),
    place: '小区会所一楼多功能厅（设纸质表决票投票箱）',
    methods: [
      '线上投票（业主实名认证后在“共议”平台投票）',
      '书面征求意见（纸质表决票，由两名业委会工作人员录入与复核）',
      '书面委托代理人投票（每名代理人最多受托3户）',
    ],
    motions: [
      {
        title: '关于使用专项维修资金更新改造9部老旧电梯的议案',
        thresholdText: '民法典第二百七十八条第一款第（五）项，须参与表决专有部分面积过半数且人数过半数同意',
        fullText: '拟使用本小区专项维修资金，对1至9号楼的9部老旧电梯进行整体更新改造，预算总额不超过人民币叁佰陆拾万元整。',
        options: ['甲电梯公司方案（报价¥3,420,000.00）', '乙电梯公司方案（报价¥3,380,000.00）', '丙电梯公司方案（报价¥3,560,000.00）'],
      },
      {
        title: '关于修订《业主大会议事规则》第十二条的议案',
        thresholdText: '民法典第二百七十八条第一款第（一）项，须参与表决专有部分面积过半数且人数过半数同意',
        fullText: '将议事规则第十二条“业主委员会会议应当有过半数委员出席”修改为“业主委员会会议应当有三分之二以上委员出席”。',
      },
    ],
    noticeDate: at('2026-04-10T02:00:00Z'),
    contact: { name: '张伟（业委会主任）', phone: '0571-88880000', address: '幸福里小区会所二楼业委会办公室' },
    notes: ['本公告已同步告知幸福里社区居民委员会。'],
  };
}

export function sampleResolution(): ResolutionAnnouncementInput {
  return {
    communityName: SAMPLE_COMMUNITY,
    meetingTitle: '幸福里小区2026年第一次业主大会',
    votingOpenedAt: at('2026-05-01T01:00:00Z'),
    votingClosedAt: at('2026-05-20T10:00:00Z'),
    totals: { heads: 306, areaHundredths: 3060000n },
    participation: { heads: 210, areaHundredths: 2100000n },
    quorumRequired: { heads: 204, areaHundredths: 2040000n },
    motions: [
      {
        title: '关于使用专项维修资金更新改造9部老旧电梯的议案',
        thresholdText: '参与表决专有部分面积过半数且参与表决人数过半数同意（民法典第二百七十八条第一款第（五）项）',
        required: { heads: 106, areaHundredths: 1050001n },
        choices: [
          { label: '同意', heads: 168, areaHundredths: 1702050n },
          { label: '反对', heads: 30, areaHundredths: 280000n },
        ],
        abstain: { heads: 12, areaHundredths: 117950n },
        outcome: 'passed',
        resolutionText: '同意使用专项维修资金更新改造9部老旧电梯，预算总额不超过人民币叁佰陆拾万元整。',
      },
    ],
    publishedAt: at('2026-05-21T02:00:00Z'),
  };
}

export function sampleStatement(): StatementInput {
  return {
    communityName: SAMPLE_COMMUNITY,
    title: '公共收益收支明细表',
    periodLabel: '2026年第一季度',
    periodFrom: at('2025-12-31T16:00:00Z'),
    periodTo: at('2026-03-31T15:59:59Z'),
    columns: [
      { key: 'date', header: '日期', type: 'date', weight: 1 },
      { key: 'item', header: '摘要', weight: 2.6 },
      { key: 'income', header: '收入', type: 'money', weight: 1.3 },
      { key: 'cost', header: '支出', type: 'money', weight: 1.3 },
      { key: 'balance', header: '余额', type: 'money', weight: 1.4 },
    ],
    rows: [
      { date: at('2026-01-01T02:00:00Z'), item: '期初余额', balance: 12345678n },
      { date: at('2026-01-15T02:00:00Z'), item: '电梯轿厢广告收入（1—3月）', income: 3600000n, balance: 15945678n },
      { date: at('2026-02-01T02:00:00Z'), item: '地面停车位占用费', income: 1234556n, balance: 17180234n },
      { date: at('2026-02-20T02:00:00Z'), item: '广告收入代收服务费（物业）', cost: 360000n, balance: 16820234n },
      { date: at('2026-03-31T02:00:00Z'), item: '转入专项维修资金', cost: 5000000n, balance: 11820234n },
    ],
    totals: [
      { item: '本期合计', income: 4834556n, cost: 5360000n },
      { item: '期末余额', balance: 11820234n },
    ],
    notes: ['每笔收支均附凭证，可在平台查阅。'],
    preparedBy: '刘洋（物业财务）',
    audits: [{ party: '居委会', name: '李秀英', result: '审核无误', at: at('2026-04-03T02:00:00Z') }],
    publishedAt: at('2026-04-08T02:00:00Z'),
  };
}

export function sampleSealLog(): SealLogReportInput {
  return {
    communityName: SAMPLE_COMMUNITY,
    periodLabel: '2026年上半年',
    periodFrom: at('2025-12-31T16:00:00Z'),
    periodTo: at('2026-06-30T15:59:59Z'),
    entries: [
      {
        usedAt: at('2026-04-10T03:00:00Z'),
        sealKind: 'committee',
        documentNumber: 'GY-2026-000123',
        documentTitle: '2026年第一次业主大会会议公告',
        authorisation: '业委会第12次会议决议',
        requestedBy: '张伟',
        custodian: '陈静',
      },
      {
        usedAt: at('2026-05-21T03:00:00Z'),
        sealKind: 'assembly',
        documentNumber: 'GY-2026-000130',
        documentTitle: '2026年第一次业主大会决议公告',
        authorisation: '2026年第一次业主大会决议',
        requestedBy: '张伟',
        custodian: '李秀英（居委会）',
      },
    ],
    publishedAt: at('2026-07-02T02:00:00Z'),
  };
}
