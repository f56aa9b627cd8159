import type { Count, TallyResult } from './tally';

/** 30600.00 m² in hundredths → "30,600.00" (display only; storage stays bigint hundredths). */
export function formatAreaGrouped(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const sqm = (hundredths: bigint) => `${formatAreaGrouped(hundredths)}平方米`;
const people = (count: Count) => `${count.heads}人、${sqm(count.areaHundredths)}`;

function choiceLabel(choice: string, motionKind: TallyResult['motionKind']): string {
  if (motionKind === 'options') return `选项「${choice}」`;
  return choice === 'yes' ? '同意' : '反对';
}

/** A human-readable Chinese account of the tally, derived only from the computed figures. */
export function describeTally(result: Omit<TallyResult, 'reasonZh'>): string {
  const { participation: p, totals, threshold: t } = result;
  if (result.outcome === 'no_quorum') {
    const failures: string[] = [];
    if (!p.quorum.heads) failures.push(`人数未达到总人数${totals.heads}人的三分之二（至少${p.requiredHeads}人）`);
    if (!p.quorum.area) {
      failures.push(`面积未达到总面积${sqm(totals.areaHundredths)}的三分之二（至少${sqm(p.requiredAreaHundredths)}）`);
    }
    return `参与表决的业主${people(p)}，${failures.join('，')}；须专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，本次表决不成立。`;
  }

  const parts: string[] = [`参与表决的业主${people(p)}，达到总人数和总面积的三分之二以上`];
  const fraction = t.kind === 'special' ? '四分之三以上' : '过半数';
  const adjusted = result.adjusted;
  if (adjusted) {
    if (adjusted.majorityChoice !== null) {
      parts.push(
        `按议事规则，未参与表决的业主${people(adjusted.nonVoters)}计入多数意见（${choiceLabel(adjusted.majorityChoice, result.motionKind)}），以全体业主为基数计算`,
      );
    } else {
      parts.push('按议事规则未参与表决的业主计入多数票，但没有意见在人数和面积上同时领先，未予计入');
    }
  }
  const decisive = adjusted ? adjusted.choices : result.choices;
  const baseLabel = t.basis === 'participants' ? '参与表决' : '全体业主';
  const need = `${baseLabel}人数${fraction}（至少${t.requiredHeads ?? '-'}人）且面积${fraction}（至少${
    t.requiredAreaHundredths === null ? '-' : sqm(t.requiredAreaHundredths)
  }）`;

  if (result.motionKind === 'yes_no') {
    const yes = decisive[0];
    const no = decisive[1];
    const abstainText = `弃权${people(result.abstain)}`;
    parts.push(`同意${people(yes)}，反对${people(no)}，${abstainText}`);
    if (result.outcome === 'passed') {
      parts.push(`同意票达到${need}，表决通过`);
    } else {
      const missing: string[] = [];
      if (!yes.passing.heads) missing.push('人数');
      if (!yes.passing.area) missing.push('面积');
      parts.push(`同意票${missing.join('和')}未达到${need}，表决未通过`);
    }
    return `${parts.join('；')}。`;
  }

  parts.push(decisive.map((c) => `${choiceLabel(c.choice, 'options')}${people(c)}`).join('，') + `，弃权${people(result.abstain)}`);
  if (result.outcome === 'passed' && result.winningOptionId !== null) {
    parts.push(`${choiceLabel(result.winningOptionId, 'options')}单独达到${need}，该选项通过`);
  } else {
    parts.push(`没有任何选项单独达到${need}，不形成决定`);
  }
  return `${parts.join('；')}。`;
}

/** bigint → decimal string, recursively; everything else unchanged. */
export type Serialized<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

export function serializeBigInts<T>(value: T): Serialized<T> {
  if (typeof value === 'bigint') return value.toString() as Serialized<T>;
  if (Array.isArray(value)) return value.map((v) => serializeBigInts(v)) as Serialized<T>;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = serializeBigInts(v);
    return out as Serialized<T>;
  }
  return value as Serialized<T>;
}

/** JSON-safe copy of a tally: every bigint becomes its decimal string (areas stay in hundredths of m²). */
export function serializeTally(result: TallyResult): Serialized<TallyResult> {
  return serializeBigInts(result);
}
