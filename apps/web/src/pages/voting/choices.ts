import type { Motion } from '../../api';
import { CHOICE_LABELS } from '../../labels';

/** The choices a ballot offers on a motion: 赞成/反对/弃权, or each option and 弃权. */
export function choiceOptions(motion: Pick<Motion, 'kind' | 'options'>): { value: string; label: string }[] {
  if (motion.kind === 'yes_no') return ['yes', 'no', 'abstain'].map((value) => ({ value, label: CHOICE_LABELS[value] }));
  return [...motion.options.map((o) => ({ value: o.id, label: o.label })), { value: 'abstain', label: CHOICE_LABELS.abstain }];
}

export function choiceLabel(motion: Pick<Motion, 'kind' | 'options'> | undefined, choice: string): string {
  if (!motion || motion.kind === 'yes_no') return CHOICE_LABELS[choice] ?? choice;
  return motion.options.find((o) => o.id === choice)?.label ?? CHOICE_LABELS[choice] ?? choice;
}

/** Option ids A, B, C, … for a multi-option motion. */
export function optionId(index: number): string {
  return String.fromCharCode(65 + index);
}
