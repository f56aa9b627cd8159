import { DomainError } from '../errors';
import { DOCUMENT_KIND_LABELS_ZH } from '../labels/vocabulary';

/** Seals this platform keeps per community (the two bodies of 双章). */
export type PolicySeal = 'assembly' | 'committee';

/**
 * What a document is, legally — finer than its template: minutes of the party branch and of the committee
 * share a template, but not an author, so not a seal.
 */
export const DOCUMENT_KINDS = [
  'assembly_notice',
  'assembly_result_preliminary',
  'assembly_result',
  'minutes_party_prediscussion',
  'minutes_joint_meeting',
  'minutes_representatives_meeting',
  'committee_resolution',
  'execution_report',
  'hearing_result',
  'tender_failed',
  'finance_statement',
  'seal_log_report',
  'joint_bulletin',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A seal request cites either a decision (which must exist and have passed) or an article of the rulebook. */
export type BasisKind = 'passed_decision' | 'rulebook_article';

export interface SealPolicy {
  /** Seals the document carries, in print order (assembly first). Empty: the record is confirmed, not sealed. */
  readonly seals: readonly PolicySeal[];
  /** The attendees confirm the record (who, when) — it is their record, not the assembly's act. */
  readonly attendeeConfirmations: boolean;
  /** Bases a seal request may cite, in order of preference. */
  readonly bases: readonly BasisKind[];
  /** The rulebook article cited when the basis is the rulebook (议事规则 / 物业管理条例 wording). */
  readonly rulebookArticle: string;
}

/**
 * The seal policy (issue 12 item 1). The assembly seal goes only on the assembly's own acts: the notice that
 * convenes it, its result announcements, and decisions it took. The committee seal goes on the committee's acts.
 * Records of the party branch, the joint meeting and the residents' representatives are those meetings' own
 * records: they carry no seal at all, only the attendees' confirmations (each attendee confirms in the app; those
 * without an account are marked as confirmed on paper by the recorder and a second committee member). They become
 * final when every attendee present has confirmed (apps/api/src/minutes).
 */
export const SEAL_POLICY: Readonly<Record<DocumentKind, SealPolicy>> = {
  assembly_notice: {
    seals: ['assembly', 'committee'],
    attendeeConfirmations: false,
    bases: ['rulebook_article'],
    rulebookArticle: '《物业管理条例》第十四条及本小区业主大会议事规则关于召开业主大会会议须提前公告的规定',
  },
  assembly_result_preliminary: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于表决结果初步统计公示及询异期的规定',
  },
  assembly_result: {
    seals: ['assembly', 'committee'],
    attendeeConfirmations: false,
    bases: ['rulebook_article'],
    rulebookArticle: '《民法典》第二百七十八条、第二百八十条及本小区业主大会议事规则关于公布表决结果的规定',
  },
  minutes_party_prediscussion: {
    seals: [],
    attendeeConfirmations: true,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于议事环节会议记录的规定',
  },
  minutes_joint_meeting: {
    seals: [],
    attendeeConfirmations: true,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于议事环节会议记录的规定',
  },
  minutes_representatives_meeting: {
    seals: [],
    attendeeConfirmations: true,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于议事环节会议记录的规定',
  },
  committee_resolution: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['passed_decision'],
    rulebookArticle: '本小区业主大会议事规则关于业主委员会会议决定的规定',
  },
  execution_report: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['passed_decision'],
    rulebookArticle: '本小区业主大会议事规则关于决定执行情况报告的规定',
  },
  hearing_result: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于听证会及评审结果公示的规定',
  },
  tender_failed: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于有效投标不足三家应重新招标的规定',
  },
  finance_statement: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['passed_decision', 'rulebook_article'],
    rulebookArticle: '《民法典》第二百八十二条及本小区业主大会议事规则关于公共收益定期公布的规定',
  },
  seal_log_report: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于用章登记每半年公示的规定',
  },
  // 四方联席工作简报 (issue 17): the committee reports the month's joint work; its own act, so its seal only.
  joint_bulletin: {
    seals: ['committee'],
    attendeeConfirmations: false,
    bases: ['rulebook_article'],
    rulebookArticle: '本小区业主大会议事规则关于四方联席会议工作情况每月公开的规定',
  },
};

/**
 * Kinds the rulebook may list as also carrying the assembly seal (议事规则 setting `assemblySealKinds`): results and
 * reports the committee issues on matters the owners decide, which some communities' rulebooks put under both seals.
 * Never the meetings' own records (party branch, joint meeting, representatives): those carry the attendees'
 * confirmations only; nor the committee's own resolutions and registers, which are not acts of the assembly.
 */
export const ASSEMBLY_SEAL_OPTIONAL_KINDS = ['hearing_result', 'tender_failed', 'finance_statement', 'execution_report'] as const;
export type AssemblySealOptionalKind = (typeof ASSEMBLY_SEAL_OPTIONAL_KINDS)[number];

export const isAssemblySealOptional = (kind: string): kind is AssemblySealOptionalKind =>
  (ASSEMBLY_SEAL_OPTIONAL_KINDS as readonly string[]).includes(kind);

/**
 * The row of `kind`, with the assembly seal added when the community's rulebook lists the kind in
 * `assemblySealKinds` and the kind may carry it at all (a listed meeting record is ignored: the rulebook check
 * refuses such a list, and this is the second line).
 */
export function sealPolicy(kind: DocumentKind, assemblySealKinds: readonly string[] = []): SealPolicy {
  const policy = SEAL_POLICY[kind];
  if (!policy) throw new DomainError('invalid', 'invalid_document_kind', `文书种类无效「${String(kind)}」`, { kind });
  if (isAssemblySealOptional(kind) && assemblySealKinds.includes(kind) && !policy.seals.includes('assembly'))
    return { ...policy, seals: ['assembly', ...policy.seals] };
  return policy;
}

/** The 议事规则 check of `assemblySealKinds`: distinct kinds, each one a rulebook may list. */
export function checkAssemblySealKinds(value: unknown): string | null {
  const allowed = ASSEMBLY_SEAL_OPTIONAL_KINDS.map((k) => `${k}（${DOCUMENT_KIND_LABELS_ZH[k]}）`).join('、');
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return `应为文书种类的列表，可选：${allowed}`;
  if (new Set(value).size !== value.length) return '文书种类不能重复';
  const refused = (value as string[]).filter((v) => !isAssemblySealOptional(v)).map((v) => DOCUMENT_KIND_LABELS_ZH[v] ?? v);
  if (refused.length)
    return `「${refused.join('、')}」不能加盖业主大会章（业主大会章只用于业主大会自己的文书；会议记录由与会人员确认），可选：${allowed}`;
  return null;
}

/** Which kind a registered document is, from its template type, what it was made from, and (minutes) the stage. */
export function documentKindOf(doc: { type: string; sourceType: string; stage?: string | null }): DocumentKind {
  switch (doc.type) {
    case 'assembly_notice':
      return 'assembly_notice';
    case 'resolution_announcement':
      return doc.sourceType === 'assembly_vote_preliminary' ? 'assembly_result_preliminary' : 'assembly_result';
    case 'statement':
      return 'finance_statement';
    case 'seal_log':
      return 'seal_log_report';
    case 'tender_failed':
      return 'tender_failed';
    case 'hearing_result':
      return 'hearing_result';
    case 'joint_bulletin':
      return 'joint_bulletin';
    case 'meeting_minutes':
      if (doc.sourceType === 'hearing') return 'hearing_result';
      if (doc.sourceType === 'hearing_failed') return 'tender_failed';
      switch (doc.stage) {
        case 'party_prediscussion':
          return 'minutes_party_prediscussion';
        case 'joint_meeting':
          return 'minutes_joint_meeting';
        case 'representatives_meeting':
          return 'minutes_representatives_meeting';
        case 'committee_resolution':
          return 'committee_resolution';
        case 'execution':
          return 'execution_report';
      }
  }
  throw new DomainError('invalid', 'invalid_document_kind', `无法确定文书种类（${doc.type}/${doc.sourceType}/${doc.stage ?? '—'}）`, doc);
}

/** A decision a seal request may cite: it exists, and we know whether it has passed. */
export interface DecisionFact {
  readonly text: string;
  readonly status: 'passed' | 'pending' | 'failed';
}

export interface SealBasis {
  readonly kind: BasisKind;
  readonly text: string;
}

/**
 * The basis a seal request cites: the decision when the policy allows one and it has passed, else the rulebook
 * article when the policy allows that; a pending or failed decision is never cited.
 */
export function sealBasis(kind: DocumentKind, decision: DecisionFact | null): SealBasis {
  const policy = sealPolicy(kind);
  for (const basis of policy.bases) {
    if (basis === 'passed_decision' && decision?.status === 'passed') return { kind: basis, text: decision.text };
    if (basis === 'rulebook_article') return { kind: basis, text: policy.rulebookArticle };
  }
  if (!decision) throw new DomainError('conflict', 'basis_decision_missing', '用章依据须是已经作出并通过的决定，本文书尚无可援引的决定');
  throw new DomainError(
    'conflict',
    'basis_decision_not_passed',
    `用章依据的决定「${decision.text}」${decision.status === 'pending' ? '尚未作出（仍在议事中）' : '未获通过'}，不能据此用章`,
    { status: decision.status },
  );
}
