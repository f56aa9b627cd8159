/**
 * The words people read for the codes the system stores: roles, matter categories, stages, seal kinds, statuses.
 * Self-contained (no imports) so the web app can bundle it without the rules behind it; labels.spec.ts checks it
 * against the lists the rules use (MATTER_LABELS_ZH, STAGE_LABELS_ZH, COMMUNITY_ROLES).
 */

export const ROLE_LABELS_ZH = {
  owner: '业主',
  committee_director: '业委会主任',
  committee_member: '业委会委员',
  party_secretary: '党支部书记',
  residents_committee: '居委会',
  property_company: '物业',
  representative: '居民代表',
  bank_officer: '银行',
  auditor: '审计机构',
  vendor: '供应商',
  tenant: '租户',
  building_leader: '楼栋长',
} as const;
export type RoleCode = keyof typeof ROLE_LABELS_ZH;

/** 民法典第二百七十八条 items, worded as in the statute. */
export const MATTER_LABELS_FULL_ZH = {
  art278_1: '（一）制定和修改业主大会议事规则',
  art278_2: '（二）制定和修改管理规约',
  art278_3: '（三）选举业主委员会或者更换业主委员会成员',
  art278_4: '（四）选聘和解聘物业服务企业或者其他管理人',
  art278_5: '（五）使用建筑物及其附属设施的维修资金',
  art278_6: '（六）筹集建筑物及其附属设施的维修资金',
  art278_7: '（七）改建、重建建筑物及其附属设施',
  art278_8: '（八）改变共有部分的用途或者利用共有部分从事经营活动',
  art278_9: '（九）有关共有和共同管理权利的其他重大事项',
  committee_only: '业主委员会可自行决定的事项（非民法典第二百七十八条所列事项）',
} as const;
export type MatterCode = keyof typeof MATTER_LABELS_FULL_ZH;

/** Short names for boards and tags: the statute item number never stands alone. */
export const MATTER_SHORT_ZH: Record<MatterCode, string> = {
  art278_1: '议事规则（第278条第一项）',
  art278_2: '管理规约（第278条第二项）',
  art278_3: '选举或更换业委会（第278条第三项）',
  art278_4: '选聘解聘物业（第278条第四项）',
  art278_5: '使用维修资金（第278条第五项）',
  art278_6: '筹集维修资金（第278条第六项）',
  art278_7: '改建重建（第278条第七项）',
  art278_8: '改变共有部分用途或经营（第278条第八项）',
  art278_9: '其他重大事项（第278条第九项）',
  committee_only: '业委会自决事项',
};

export const STAGE_LABELS_ZH_ALL = {
  party_prediscussion: '支部先议',
  joint_meeting: '联席会议',
  representatives_meeting: '居民代表会议',
  assembly_vote: '业主大会表决',
  committee_resolution: '业委会决议',
  execution: '物业执行',
} as const;
export type StageCode = keyof typeof STAGE_LABELS_ZH_ALL;

export const SEAL_KIND_LABELS_ZH = { assembly: '业主大会章', committee: '业委会章' } as const;

/** The seals' full names (certificates, PDFs, the verifier) and the bodies printed over them. */
export const SEAL_KIND_FULL_NAMES_ZH = { assembly: '业主大会章', committee: '业主委员会章' } as const;
export const SEAL_ISSUER_LABELS_ZH = { assembly: '业主大会', committee: '业主委员会' } as const;

/** The outcome of an assembly vote's motion, as result announcements print it. */
export const VOTE_OUTCOME_LABELS_ZH = {
  passed: '通过',
  failed: '未通过',
  no_quorum: '表决不成立（参与表决未达法定比例）',
} as const;

export const OUTCOME_LABELS_ZH = { advance: '通过', return: '退回修改', reject: '否决' } as const;

/** The conclusion line of minutes (会议结论) for each outcome, as the PDFs print it. */
export const OUTCOME_CONCLUSION_ZH = { advance: '同意，进入下一环节', return: '退回提议人修改', reject: '不予通过' } as const;

/** Where an attendee stands with the minutes (会议纪要确认). */
export const MINUTES_CONFIRMATION_LABELS_ZH = {
  absent: '缺席，无需确认',
  waiting: '待确认',
  confirmed: '已确认',
  objected: '提出意见',
  paper_entered: '纸面签字已登记，待另一位委员核对',
} as const;

/** How an assembly ballot reaches the count (表决方式), as notices print them. */
export const VOTE_CHANNEL_LABELS_ZH: Record<string, string> = {
  online: '网上投票（业主实名登录本平台）',
  paper: '书面征求意见（纸质表决票）',
  proxy: '书面委托代理人投票',
};

/** What the notice (and the record) says for 监票人/计票人 the committee has not named yet. */
export const OFFICERS_PENDING_ZH = '由业主委员会于计票前公布姓名';

/** A choice on a ballot. */
export const BALLOT_CHOICE_LABELS_ZH = { yes: '赞成', no: '反对', abstain: '弃权' } as const;

export const AUDIT_STAGE_LABELS_ZH = {
  residents_committee: '居委会审核',
  bank: '银行对账',
  audit_firm: '审计机构审计',
} as const;

export const LEDGER_KIND_LABELS_ZH = { income: '收入', cost: '支出', transfer: '转入维修资金' } as const;

export const DOCUMENT_TYPE_LABELS_ZH: Record<string, string> = {
  assembly_notice: '业主大会会议公告',
  meeting_minutes: '会议纪要',
  resolution_announcement: '业主大会决议公告',
  statement: '报表',
  seal_log: '用章登记公示',
  hearing_result: '听证结果公告',
  joint_bulletin: '四方联席工作简报',
};

/** 文书种类: what a document is legally (seal policy rows, libs/domain/src/documents/seal-policy.ts). */
export const DOCUMENT_KIND_LABELS_ZH: Record<string, string> = {
  assembly_notice: '业主大会会议公告',
  assembly_result_preliminary: '表决结果初步统计公示',
  assembly_result: '表决结果公告',
  minutes_party_prediscussion: '党支部先议会议纪要',
  minutes_joint_meeting: '联席会议纪要',
  minutes_representatives_meeting: '业主代表会议纪要',
  committee_resolution: '业委会决议',
  execution_report: '决定执行情况报告',
  hearing_result: '评审结果公示',
  tender_failed: '流标公告',
  finance_statement: '公共收益收支公示',
  seal_log_report: '用章登记公示',
  joint_bulletin: '四方联席工作简报',
};

/** 整改事项 (issue 17): status, actions, where it was raised. */
export const RECTIFICATION_STATUS_LABELS_ZH = {
  assigned: '已交办',
  in_progress: '整改中',
  submitted: '待验收',
  accepted: '已验收',
} as const;
export const RECTIFICATION_ACTION_LABELS_ZH = {
  start: '开始整改',
  progress: '报告进展',
  submit: '提交完成',
  accept: '验收通过',
  reject: '退回整改',
} as const;
export const RECTIFICATION_SOURCE_LABELS_ZH = { joint_meeting: '四方联席会议', inspection: '检查' } as const;

/** 红黑榜 (issue 17). */
export const BOARD_LABELS_ZH = { red: '红榜', black: '黑榜', none: '未上榜' } as const;

/** Common time zones by the name people use; anything else is shown as "UTC+8" style by the formatter. */
export const TIME_ZONE_LABELS_ZH: Record<string, string> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Chongqing': '北京时间',
  'Asia/Urumqi': '乌鲁木齐时间',
  'Asia/Hong_Kong': '香港时间',
  'Asia/Macau': '澳门时间',
  'Asia/Taipei': '台北时间',
  UTC: '协调世界时',
};

/** A label for `code` from `table`, or the code itself when the table has none (never blank). */
export function labelOf(table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return table[code] ?? code;
}

/** 居民诉求 (issue 17): states, steps, assignees, places, reception hosts. */
export const REQUEST_STATE_LABELS_ZH = {
  filed: '待派单',
  dispatched: '待接单',
  accepted: '已接单',
  in_progress: '办理中',
  closed: '已办结待评价',
  rated: '已评价',
  reopened: '已重新打开',
  cancelled: '已撤销',
} as const;
export const REQUEST_ACTION_LABELS_ZH = {
  dispatch: '派单',
  accept: '接单',
  progress: '报告进展',
  close: '办结',
  rate: '评价',
  reopen: '重新打开',
  cancel: '撤销',
} as const;
export const REQUEST_EVENT_LABELS_ZH = {
  filed: '居民点单',
  entered: '代为登记',
  dispatched: '派单',
  accepted: '接单',
  progress: '报告进展',
  closed: '办结',
  rated: '评价',
  reopened: '重新打开',
  cancelled: '撤销',
  escalated: '超时上报党支部书记',
  promoted: '转为议题',
  written_off: '销号',
} as const;
export const ASSIGNEE_KIND_LABELS_ZH = { building_leader: '楼栋长', property_company: '物业', department: '职能部门' } as const;
export const PLACE_KIND_LABELS_ZH = { unit: '房屋', building: '楼栋', common: '公共区域' } as const;
export const RECEPTION_HOST_LABELS_ZH = { party_secretary: '书记接待日', property_manager: '物业经理接待日' } as const;
export const WRITE_OFF_KIND_LABELS_ZH = { resident: '居民本人确认', return_visit: '回访确认' } as const;

/** Seats of a hearing panel (听证评审组, hearings/panel.ts PANEL_KINDS). */
export const PANEL_KIND_LABELS_ZH = {
  representative: '居民代表',
  committee: '业委会委员',
  property_company: '物业',
  expert: '技术专家',
} as const;

/** A unit's sale status in the register (房屋状态), as the roster, the units page and the exports print it. */
export const UNIT_STATUS_LABELS_ZH = { sold: '已售', unsold: '未售', undelivered: '未交付' } as const;
