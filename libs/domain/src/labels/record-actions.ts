import {
  AUDIT_STAGE_LABELS_ZH,
  DOCUMENT_TYPE_LABELS_ZH,
  LEDGER_KIND_LABELS_ZH,
  OFFICERS_PENDING_ZH,
  OUTCOME_LABELS_ZH,
  ROLE_LABELS_ZH,
  SEAL_KIND_LABELS_ZH,
  STAGE_LABELS_ZH_ALL,
  labelOf,
} from './vocabulary';

/**
 * Every action written to the decision record, as a sentence template. `{name}` is filled from the entry's
 * variables; a part in square brackets is left out when any variable inside it is missing, so an old entry with a
 * smaller payload still reads as a sentence. `{actor}` is the person (role and name) who did it.
 * labels.spec.ts fails when the code writes an action that is not listed here.
 */
export const RECORD_ACTION_TEMPLATES_ZH = {
  'registry.community_created': '{actor}创建小区[「{name}」]',
  'registry.roster_imported': '{actor}导入花名册[：{filename}]',
  'registry.register_facts_imported': '{actor}导入业主核验信息（{rows} 行）',
  'registry.owner_account_linked': '{actor}为业主开通账号',
  'identity.role_granted': '{actor}授予[{userName}]「{role}」角色[，自 {startsOn} 起]',
  'identity.role_requested': '{actor}申请授予[{userName}]「{role}」角色，待居委会确认',
  'identity.role_request_rejected': '{actor}驳回授予[{userName}]「{role}」角色的申请[，理由：{reason}]',
  'identity.role_ended': '{actor}结束[{userName}的]「{role}」角色[，至 {endsOn} 止]',
  'rulebook.revised': '{actor}修订议事规则[，形成第 {version} 版]',
  'agenda.item_submitted': '{actor}提出议题[「{title}」]',
  'agenda.item_resubmitted': '{actor}修改后重新提交议题[「{itemTitle}」][，从{stage}起]',
  'agenda.meeting_recorded': '{actor}记录[{stage}]会议[：议题「{itemTitle}」][，结果：{outcome}]',
  'agenda.stage_skipped': '{actor}跳过[{stage}]环节[：议题「{itemTitle}」][，理由：{reason}]',
  'agenda.progress_reported': '{actor}报告执行进度[：议题「{itemTitle}」][，完成 {progressPercent}%][，发生金额 ¥{amount}]',
  'voting.vote_drafted': '{actor}起草表决[「{title}」][，监票人：{scrutineers}][，计票人：{tellers}]',
  'voting.draft_updated': '{actor}修改表决草稿[「{title}」][，监票人：{scrutineers}][，计票人：{tellers}]',
  'voting.draft_deleted': '{actor}删除表决草稿[「{title}」]',
  'voting.notice_published': '{actor}发布业主大会表决公告[「{voteTitle}」][，监票人：{scrutineers}][，计票人：{tellers}]',
  'voting.notice_rescheduled': '{actor}在公告用章前调整投票时间[「{title}」]',
  'voting.proxy_recorded': '{actor}登记委托书[：表决「{voteTitle}」]',
  'voting.vote_closed': '表决[「{voteTitle}」]结束并计票',
  'voting.preliminary_result_posted': '表决[「{voteTitle}」]初步统计结果公示[：文书 {documentNumber}]，询异期开始',
  'voting.objection_filed': '{actor}对表决[「{voteTitle}」]的初步统计结果提出异议[（{unitNumber}）]',
  'voting.objection_answered': '{actor}答复对表决[「{voteTitle}」]初步统计结果的异议',
  'voting.final_result_issued':
    '{actor}发布表决[「{voteTitle}」]结果公告[：文书 {documentNumber}][，监票人：{scrutineers}][，计票人：{tellers}]',
  'voting.result_final': '表决[「{voteTitle}」]结果公告用章完毕，表决结果确定',
  'voting.ballot_cast': '业主投票[：表决「{voteTitle}」][，回执 {receiptCode}]',
  'voting.paper_ballot_entered': '{actor}录入纸质表决票[：表决「{voteTitle}」][，回执 {receiptCode}]',
  'voting.paper_ballot_confirmed': '{actor}核对纸质表决票并计入[：回执 {receiptCode}]',
  'voting.paper_ballot_rejected': '{actor}核对纸质表决票并退回[：回执 {receiptCode}][，理由：{reason}]',
  'finance.entry_recorded': '{actor}记账[：{kind}][ {category}][ ¥{amount}]',
  'finance.entry_reversed': '{actor}冲正[：{kind}][ {category}][ ¥{amount}]',
  'finance.statement_submitted': '{actor}提交收支报表[：{period}][（第 {version} 版）]',
  'finance.statement_approved': '{actor}[{stage}]审核通过收支报表',
  'finance.statement_returned': '{actor}[{stage}]退回收支报表[，意见：{findings}]',
  'finance.statement_published': '{actor}公示收支报表[：文书 {documentNumber}]',
  'finance.bank_statement_uploaded': '{actor}上传银行对账单[：{filename}]',
  'finance.difference_explained': '{actor}说明对账差异[：{explanation}]',
  'seals.issued': '{actor}制发{sealKind}[（第 {term} 期）]',
  'seals.custodians_changed': '{actor}调整{sealKind}保管人[（第 {term} 期）]',
  'seals.retired': '{actor}停用{sealKind}[（第 {term} 期）][，原因：{reason}]',
  'seals.requested': '{actor}申请用章[：文书 {documentNumber}]',
  'seals.applied': '{actor}加盖{sealKind}[：文书 {documentNumber}]',
  'seals.refused': '{actor}拒绝加盖{sealKind}[：文书 {documentNumber}][，理由：{reason}]',
  'documents.registered': '{actor}登记文书[{documentType}][「{title}」][：{documentNumber}]',
  'documents.finalised': '文书[ {documentNumber}]用章完毕，定稿',
  'documents.draft_revised': '{actor}修订尚未用章的文书[「{title}」][：{documentNumber}]',
  'hearing.created': '{actor}设立听证会[「{title}」]',
  'hearing.panel_replaced': '{actor}调整听证评审组[：「{hearingTitle}」]',
  'hearing.no_conflict_declared': '{actor}声明与投标方无利害关系[：「{hearingTitle}」]',
  'hearing.member_recused': '{actor}声明回避[：「{hearingTitle}」]',
  'hearing.vendor_invited': '{actor}邀请供应商[{vendorName}]参加听证会[「{hearingTitle}」]',
  'hearing.bid_submitted': '[{vendorName}]提交密封投标[（第 {version} 版）][：「{hearingTitle}」]',
  'hearing.re_tender': '听证会[「{hearingTitle}」]投标不足三家，流标并需重新招标',
  'hearing.bids_opened': '{actor}公开开标[：「{hearingTitle}」]',
  'hearing.scores_submitted': '{actor}提交评分[：「{hearingTitle}」]',
  'hearing.objection_filed': '{actor}对听证结果提出异议[：「{hearingTitle}」]',
  'hearing.objection_answered': '{actor}答复听证结果异议[：「{hearingTitle}」]',
  'hearing.result_published': '{actor}公示听证结果[：「{hearingTitle}」]',
  'registry.activation_letters_issued': '{actor}发放业主激活通知书[，共 {count} 份]',
  'registry.activation_letter_revoked': '{actor}作废一份激活码',
  'registry.owner_account_activated': '业主本人用激活码开通账号',
  'registry.activation_unlocked': '{actor}解除激活锁定',
  'rulebook.drafted': '{actor}起草议事规则修订',
  'rulebook.draft_withdrawn': '{actor}撤回议事规则草案',
  'seals.custody_proposed': '{actor}提出业委会章保管人人选',
  'seals.custody_withdrawn': '{actor}撤回保管人提议',
  'seals.key_handed_over': '{actor}向新保管人交接印章密钥',
  'seals.pin_set': '{actor}设置用章密码',
  'seals.pin_changed': '{actor}修改用章密码',
  'seals.pin_reset': '{actor}作废用章密码及密钥副本（忘记密码）',
  'voting.proxy_confirmed': '{actor}核对书面委托，委托生效',
  'voting.proxy_revoked': '委托人撤销书面委托',
  'fundraising.project_created': '{actor}新建集资项目[「{name}」]',
  'fundraising.pledge_recorded': '{actor}登记集资认缴',
  'fundraising.payment_recorded': '{actor}登记集资缴款',
  'fundraising.refund_recorded': '{actor}登记集资退款',
  'fundraising.disclosure_published': '集资情况盖章公示',
  'agenda.minutes_confirmed': '{actor}确认[{stage}]会议纪要[：议题「{itemTitle}」]',
  'agenda.minutes_objected': '{actor}对[{stage}]会议纪要提出意见[：议题「{itemTitle}」][：{reason}]',
  'agenda.minutes_paper_entered': '{actor}登记[{attendeeName}的]纸面签字[：{stage}会议纪要]',
  'agenda.minutes_paper_countersigned': '{actor}核对[{attendeeName}的]纸面签字[：{stage}会议纪要]',
  'agenda.minutes_amended': '{actor}修改[{stage}]会议纪要，全体重新确认[：议题「{itemTitle}」][，说明：{reason}]',
  'agenda.minutes_final': '[{stage}]会议纪要经全体出席人员确认[：议题「{itemTitle}」]',
  'requests.filed': '{actor}提出居民诉求[「{title}」][（{category}）]',
  'requests.entered': '{actor}代居民登记诉求[「{title}」][（{category}）]',
  'requests.dispatched': '{actor}派单[：诉求「{title}」][，交{name}办理]',
  'requests.accepted': '{actor}接单[：诉求「{title}」]',
  'requests.progress_reported': '{actor}报告诉求办理进展[：「{title}」][，{reason}]',
  'requests.closed': '{actor}办结诉求[「{title}」]',
  'requests.rated': '{actor}评价诉求[「{title}」]的办理',
  'requests.reopened': '{actor}重新打开诉求[「{title}」][，理由：{reason}]',
  'requests.cancelled': '{actor}撤销诉求[「{title}」][，理由：{reason}]',
  'requests.escalated': '诉求[「{title}」]超时未办，已上报党支部书记',
  'requests.promoted': '{actor}将诉求[「{title}」]转为议题',
  'requests.written_off': '{actor}为诉求[「{title}」]销号[（{reason}）]',
  'reception.day_scheduled': '{actor}安排接待日[：{name}]',
  'reception.visit_logged': '{actor}登记接待日来访诉求[「{title}」]',
  'documents.finalised_confirmed': '文书[ {documentNumber}]经全体出席人员确认，定稿（无需用章）',
  'rectification.raised': '{actor}提出第 {seq} 号整改事项[「{title}」][（{source}）][，期限 {dueOn}]',
  'rectification.start': '{actor}开始整改[第 {seq} 号整改事项「{title}」]',
  'rectification.progress': '{actor}报告整改进展[：第 {seq} 号「{title}」][，{text}]',
  'rectification.submit': '{actor}提交整改完成[：第 {seq} 号「{title}」]',
  'rectification.accept': '{actor}验收通过[第 {seq} 号整改事项「{title}」]',
  'rectification.reject': '{actor}退回整改[：第 {seq} 号「{title}」][，理由：{text}]',
  'rectification.overdue': '{actor}记录整改事项逾期[：第 {seq} 号「{title}」][，期限 {dueOn}]',
  'ratings.quarter_published': '{actor}公布物业服务季度评价[：{quarter}][，{company}][，{starLevel} 星][，{board}]',
  'bulletins.composed': '{actor}编制四方联席工作简报[：{month}][，文书 {number}]',
} as const satisfies Record<string, string>;

export type RecordAction = keyof typeof RECORD_ACTION_TEMPLATES_ZH;

export function isRecordAction(value: string): value is RecordAction {
  return Object.prototype.hasOwnProperty.call(RECORD_ACTION_TEMPLATES_ZH, value);
}

/** Short name of the action (for filters): the template without its variable parts. */
export function recordActionName(action: string): string {
  if (!isRecordAction(action)) return '其他记录';
  return fillTemplate(RECORD_ACTION_TEMPLATES_ZH[action], {}).replace(/^[：，\s]+/, '') || action;
}

/** The kind of record (first part of the action) in words, for the filter by kind. */
export const RECORD_KIND_LABELS_ZH: Record<string, string> = {
  registry: '房屋与业主',
  identity: '角色',
  rulebook: '议事规则',
  agenda: '议题',
  voting: '表决',
  finance: '公共收益',
  seals: '印章',
  documents: '文书',
  hearing: '听证会',
  fundraising: '集资',
  rectification: '整改事项',
  ratings: '服务评价',
  bulletins: '联席简报',
  requests: '居民诉求',
  reception: '接待日',
};

/**
 * Fills `{name}` from `vars`. Bracketed parts whose variables are all present are kept without the brackets;
 * others are dropped. A top-level variable that is missing is dropped too (never "undefined").
 */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | undefined | null>>): string {
  const value = (name: string) => {
    const v = vars[name];
    return v === undefined || v === null || v === '' ? undefined : String(v);
  };
  const optional = template.replace(/\[([^\]]*)\]/g, (_m, part: string) => {
    const names = [...part.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    return names.every((n) => value(n) !== undefined) ? part : '';
  });
  return optional.replace(/\{(\w+)\}/g, (_m, name: string) => value(name) ?? '');
}

/** What the record page knows of an entry besides its payload. */
export interface RecordEntryContext {
  action: string;
  payload: unknown;
  /** "业委会主任陈主任" or a display name; absent for entries the system writes itself. */
  actor?: string | null;
  /** Title of the agenda item / vote / hearing the entry is about, when the server looked it up. */
  subjectTitle?: string | null;
  /** Display name of a user the payload names (role grants). */
  userName?: string | null;
}

function str(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Integer fen string → "1,234.50" by string arithmetic (no float). */
function yuan(fen: string | undefined): string | undefined {
  if (!fen || !/^-?\d+$/.test(fen)) return undefined;
  const negative = fen.startsWith('-');
  const digits = (negative ? fen.slice(1) : fen).padStart(3, '0');
  const whole = digits
    .slice(0, -2)
    .replace(/^0+(?=\d)/, '')
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${digits.slice(-2)}`;
}

/**
 * 监票人/计票人 as the notice prints them: the names, or — when the committee has named nobody yet — the notice's
 * own wording for that. Absent from the payload (entries written before the names were recorded): nothing.
 */
function officers(v: unknown): string | undefined {
  if (!Array.isArray(v)) return undefined;
  const names = v.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
  return names.length ? names.join('、') : OFFICERS_PENDING_ZH;
}

/** Variables a template may use, taken from the payload and the context, with codes turned into words. */
export function recordVariables(ctx: RecordEntryContext): Record<string, string | undefined> {
  const p = (typeof ctx.payload === 'object' && ctx.payload !== null ? ctx.payload : {}) as Record<string, unknown>;
  const period = p.period as { start?: string; end?: string } | string | undefined;
  const title = ctx.subjectTitle ?? undefined;
  return {
    actor: ctx.actor ?? undefined,
    name: str(p.name),
    filename: str(p.filename),
    userName: ctx.userName ?? undefined,
    role: p.role ? labelOf(ROLE_LABELS_ZH, str(p.role)) : undefined,
    startsOn: str(p.startsOn),
    endsOn: str(p.endsOn),
    version: str(p.version),
    title: str(p.title) ?? title,
    itemTitle: title,
    voteTitle: title,
    hearingTitle: title,
    stage: p.stage ? labelOf({ ...STAGE_LABELS_ZH_ALL, ...AUDIT_STAGE_LABELS_ZH }, str(p.stage)) : undefined,
    outcome: p.outcome ? labelOf(OUTCOME_LABELS_ZH, str(p.outcome)) : undefined,
    reason: str(p.reason),
    progressPercent: str(p.progressPercent),
    receiptCode: str(p.receiptCode),
    kind: p.kind && typeof p.kind === 'string' && p.kind in LEDGER_KIND_LABELS_ZH ? labelOf(LEDGER_KIND_LABELS_ZH, p.kind) : undefined,
    sealKind: p.kind && typeof p.kind === 'string' && p.kind in SEAL_KIND_LABELS_ZH ? labelOf(SEAL_KIND_LABELS_ZH, p.kind) : '印章',
    category: str(p.category),
    amount: yuan(str(p.amountFen)),
    period: typeof period === 'string' ? period : period?.start && period?.end ? `${period.start} 至 ${period.end}` : undefined,
    findings: str(p.findings),
    explanation: str(p.explanation),
    term: str(p.term),
    documentNumber: str(p.documentNumber) ?? str(p.number),
    documentType: p.type ? labelOf(DOCUMENT_TYPE_LABELS_ZH, str(p.type)) : undefined,
    vendorName: str(p.vendorName),
    attendeeName: str(p.attendeeName),
    scrutineers: officers(p.scrutineers),
    tellers: officers(p.tellers),
  };
}

/** The entry as one Chinese sentence (without the time), e.g. "业委会主任陈主任申请用章：文书 GY-2026-000003". */
export function describeRecordEntry(ctx: RecordEntryContext): string {
  if (!isRecordAction(ctx.action)) return `${ctx.actor ?? '系统'}：其他记录`;
  const vars = recordVariables(ctx);
  const sentence = fillTemplate(RECORD_ACTION_TEMPLATES_ZH[ctx.action], { ...vars, actor: vars.actor ?? '' });
  return sentence.trim();
}
