import { DomainError } from '../errors';
import { Art278Category, MatterCategory, ThresholdKind, assemblyThresholdKind } from './matter';
import { DualTest, ThresholdRule, meetsPassing, meetsQuorum, minimumForRule, passingRule, QUORUM_RULE } from './thresholds';
import { describeTally } from './tally-report';

/**
 * Pure tally of one assembly motion (DOMAIN.md §4).
 *
 * Interpretation of `countNonVotersWithMajority` (指导规则 Art. 26, off by default):
 * - Quorum is ALWAYS judged on raw participation: 民法典 Art. 278 requires owners with ≥ 2/3 of area and heads to
 *   actually take part, and a rulebook cannot waive a statutory line. Raw figures are always reported.
 * - If quorum is met, the owners who did not take part (totals − participants) are added, heads and area, to the
 *   choice that holds the majority of the votes cast: the one choice (yes/no, or an option) with strictly more heads
 *   AND strictly more area than every other choice. Abstentions are not a choice for this purpose. If no choice
 *   leads on both measures, nothing is added.
 * - After adding, everyone counts as having taken part, so the passing test uses the community totals as its base;
 *   the outcome is decided on these adjusted figures, reported separately under `adjusted`.
 */
export type MotionKind = 'yes_no' | 'options';
export type Motion =
  | { readonly category: MatterCategory; readonly kind: 'yes_no' }
  | { readonly category: MatterCategory; readonly kind: 'options'; readonly optionIds: readonly string[] };

export interface TallyBallot {
  /** One owner, or 'developer' for all developer-held units together; units are already merged by the caller. */
  readonly voterKey: string;
  /** Sum of the voter's units' exclusive areas, in hundredths of m². */
  readonly areaHundredths: bigint;
  /** 'yes' | 'no' | 'abstain' for yes_no motions; an option id or 'abstain' for options motions. */
  readonly choice: string;
}

export interface TallyInput {
  readonly totals: { readonly totalAreaHundredths: bigint; readonly totalHeadcount: number };
  readonly motion: Motion;
  readonly ballots: readonly TallyBallot[];
  readonly rulebook?: { readonly countNonVotersWithMajority?: boolean };
}

export interface Count {
  heads: number;
  areaHundredths: bigint;
}

export interface ChoiceCount extends Count {
  /** 'yes' | 'no' or an option id. */
  choice: string;
  /** Whether this choice alone meets the passing threshold against the base in force. */
  passing: DualTest;
}

export interface ThresholdReport {
  kind: ThresholdKind;
  numerator: bigint;
  denominator: bigint;
  comparison: 'gt' | 'gte';
  descriptionZh: string;
  /** 'participants' (raw), or 'participants_and_non_voters' when non-voters were counted with the majority. */
  basis: 'participants' | 'participants_and_non_voters';
  baseHeads: number;
  baseAreaHundredths: bigint;
  /** Least yes-heads / yes-area that meets the threshold on this base; null when the base is empty. */
  requiredHeads: number | null;
  requiredAreaHundredths: bigint | null;
}

export interface AdjustedReport {
  nonVoters: Count;
  /** The choice non-voters were added to, or null when no choice led on both heads and area (or no quorum). */
  majorityChoice: string | null;
  /** Counts after adding the non-voters, in the same order as `choices`. */
  choices: ChoiceCount[];
  base: Count;
}

export type TallyOutcome = 'passed' | 'failed' | 'no_quorum' | 'no_decision';

export interface TallyResult {
  motionKind: MotionKind;
  category: Art278Category;
  totals: Count;
  /** Raw participation (everyone who cast a ballot, abstentions included), always kept apart from adjustments. */
  participation: Count & {
    quorum: DualTest;
    requiredHeads: number;
    requiredAreaHundredths: bigint;
  };
  /** Raw counts: yes, no (yes_no) or each option in motion order (options). */
  choices: ChoiceCount[];
  abstain: Count;
  threshold: ThresholdReport;
  /** Present only when the rulebook counts non-voters with the majority. */
  adjusted: AdjustedReport | null;
  outcome: TallyOutcome;
  /** Options motions: the single option that met the threshold; otherwise null. */
  winningOptionId: string | null;
  reasonZh: string;
}

const ABSTAIN = 'abstain';
const RESERVED_CHOICES = new Set(['yes', 'no', ABSTAIN]);

function invalid(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('invalid', code, message, details);
}

function choicesOf(motion: Motion): string[] {
  if (motion.kind === 'yes_no') return ['yes', 'no'];
  if (motion.kind !== 'options') {
    throw invalid('invalid_motion', `表决方式无效 invalid motion kind "${String((motion as { kind: unknown }).kind)}"`);
  }
  const ids = [...motion.optionIds];
  if (ids.length < 2) throw invalid('invalid_motion', '多选项表决至少需要两个选项 an options motion needs at least two options');
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || id.length === 0 || RESERVED_CHOICES.has(id) || seen.has(id)) {
      throw invalid('invalid_motion', `选项标识无效或重复 invalid or duplicate option id "${String(id)}"`, { optionId: id });
    }
    seen.add(id);
  }
  return ids;
}

function validateTotals(totals: TallyInput['totals']): void {
  if (typeof totals.totalAreaHundredths !== 'bigint' || totals.totalAreaHundredths <= 0n) {
    throw invalid('invalid_totals', '总面积必须为正 total area must be a positive bigint of hundredths');
  }
  if (!Number.isSafeInteger(totals.totalHeadcount) || totals.totalHeadcount <= 0) {
    throw invalid('invalid_totals', '总人数必须为正整数 total headcount must be a positive integer');
  }
}

function passingOf(kind: ThresholdKind, count: Count, base: Count): DualTest {
  return meetsPassing(kind, {
    yesAreaHundredths: count.areaHundredths,
    yesHeads: count.heads,
    baseAreaHundredths: base.areaHundredths,
    baseHeads: base.heads,
  });
}

function thresholdReport(kind: ThresholdKind, rule: ThresholdRule, base: Count, adjusted: boolean): ThresholdReport {
  return {
    kind,
    numerator: rule.fraction.num,
    denominator: rule.fraction.den,
    comparison: rule.comparison,
    descriptionZh: rule.descriptionZh,
    basis: adjusted ? 'participants_and_non_voters' : 'participants',
    baseHeads: base.heads,
    baseAreaHundredths: base.areaHundredths,
    requiredHeads: base.heads === 0 ? null : Number(minimumForRule(base.heads, rule)),
    requiredAreaHundredths: base.areaHundredths === 0n ? null : minimumForRule(base.areaHundredths, rule),
  };
}

/** The one choice with strictly more heads AND strictly more area than every other choice, if any. */
function majorityChoiceOf(counts: readonly ChoiceCount[]): string | null {
  for (const candidate of counts) {
    if (candidate.heads === 0) continue;
    const leads = counts.every(
      (other) => other === candidate || (candidate.heads > other.heads && candidate.areaHundredths > other.areaHundredths),
    );
    if (leads) return candidate.choice;
  }
  return null;
}

export function tally(input: TallyInput): TallyResult {
  validateTotals(input.totals);
  const kind = assemblyThresholdKind(input.motion.category);
  const category = input.motion.category as Art278Category;
  const choiceIds = choicesOf(input.motion);
  const rule = passingRule(kind);

  const raw = new Map<string, Count>(choiceIds.map((c) => [c, { heads: 0, areaHundredths: 0n }]));
  const abstain: Count = { heads: 0, areaHundredths: 0n };
  const voters = new Set<string>();
  for (const ballot of input.ballots) {
    if (typeof ballot.voterKey !== 'string' || ballot.voterKey.length === 0) {
      throw invalid('invalid_ballot', '选票缺少投票人 ballot has no voter key');
    }
    if (voters.has(ballot.voterKey)) {
      throw invalid(
        'duplicate_voter',
        `同一业主只能投一票（多套房屋面积应合并） voter "${ballot.voterKey}" has more than one ballot; merge their units first`,
        { voterKey: ballot.voterKey },
      );
    }
    voters.add(ballot.voterKey);
    if (typeof ballot.areaHundredths !== 'bigint' || ballot.areaHundredths < 0n) {
      throw invalid('invalid_ballot', `选票面积无效 ballot of "${ballot.voterKey}" has an invalid area`, {
        voterKey: ballot.voterKey,
      });
    }
    const target = ballot.choice === ABSTAIN ? abstain : raw.get(ballot.choice);
    if (!target) {
      throw invalid('invalid_choice', `选票选项无效 ballot of "${ballot.voterKey}" has invalid choice "${ballot.choice}"`, {
        voterKey: ballot.voterKey,
        choice: ballot.choice,
      });
    }
    target.heads += 1;
    target.areaHundredths += ballot.areaHundredths;
  }

  const totals: Count = { heads: input.totals.totalHeadcount, areaHundredths: input.totals.totalAreaHundredths };
  const participants: Count = { heads: voters.size, areaHundredths: abstain.areaHundredths };
  for (const count of raw.values()) participants.areaHundredths += count.areaHundredths;
  if (participants.heads > totals.heads || participants.areaHundredths > totals.areaHundredths) {
    throw invalid('ballots_exceed_totals', '参与表决的人数或面积超过小区总数 ballots exceed the community totals', {
      participants,
      totals,
    });
  }

  const quorum = meetsQuorum({
    participatingAreaHundredths: participants.areaHundredths,
    participatingHeads: participants.heads,
    totalAreaHundredths: totals.areaHundredths,
    totalHeadcount: totals.heads,
  });
  const choices: ChoiceCount[] = choiceIds.map((choice) => {
    const count = raw.get(choice)!;
    return { choice, ...count, passing: passingOf(kind, count, participants) };
  });

  let adjusted: AdjustedReport | null = null;
  if (input.rulebook?.countNonVotersWithMajority === true) {
    const nonVoters: Count = {
      heads: totals.heads - participants.heads,
      areaHundredths: totals.areaHundredths - participants.areaHundredths,
    };
    const majorityChoice = quorum.met ? majorityChoiceOf(choices) : null;
    const base = majorityChoice === null ? participants : totals;
    adjusted = {
      nonVoters,
      majorityChoice,
      base: { ...base },
      choices: choices.map((c) => {
        const count: Count =
          c.choice === majorityChoice
            ? { heads: c.heads + nonVoters.heads, areaHundredths: c.areaHundredths + nonVoters.areaHundredths }
            : { heads: c.heads, areaHundredths: c.areaHundredths };
        return { choice: c.choice, ...count, passing: passingOf(kind, count, base) };
      }),
    };
  }

  const decisive = adjusted ? adjusted.choices : choices;
  const base = adjusted ? adjusted.base : participants;
  let outcome: TallyOutcome;
  let winningOptionId: string | null = null;
  if (!quorum.met) {
    outcome = 'no_quorum';
  } else if (input.motion.kind === 'yes_no') {
    outcome = decisive[0].passing.met ? 'passed' : 'failed';
  } else {
    const winners = decisive.filter((c) => c.passing.met);
    if (winners.length === 1) {
      outcome = 'passed';
      winningOptionId = winners[0].choice;
    } else {
      outcome = 'no_decision';
    }
  }

  const result: Omit<TallyResult, 'reasonZh'> = {
    motionKind: input.motion.kind,
    category,
    totals,
    participation: {
      ...participants,
      quorum,
      requiredHeads: Number(minimumForRule(totals.heads, QUORUM_RULE)),
      requiredAreaHundredths: minimumForRule(totals.areaHundredths, QUORUM_RULE),
    },
    choices,
    abstain,
    threshold: thresholdReport(kind, rule, base, adjusted !== null && adjusted.majorityChoice !== null),
    adjusted,
    outcome,
    winningOptionId,
  };
  return { ...result, reasonZh: describeTally(result) };
}
