// A problem (code + params) as a sentence in the reader's language. Parameters that are words of
// the market (a listing's status, a kind of thing) are translated too; numbers are written the
// reader's way (2.000 in Vietnamese, 2,000 in English).
import type { Problem } from '../domain/problem.js';
import type { Lang, MessageKey, Translate } from './index.js';

/** Whose stages a wrong-stage refusal names. */
const STAGES_OF: Partial<Record<Problem['code'], string>> = { contract_wrong_stage: 'contract', milestone_wrong_stage: 'milestone' };

export function problemText(t: Translate, lang: Lang, problem: Problem): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) {
    if (typeof value === 'number') params[name] = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(value);
    else if (name === 'status') params[name] = t(`status.${value}` as MessageKey);
    else if (name === 'stage') params[name] = t(`${STAGES_OF[problem.code] ?? 'deal'}.stage.${value}` as MessageKey);
    else if (name === 'missing') params[name] = value.split(', ').map((gap) => t(`contract.gap.${gap}` as MessageKey)).join(', ');
    else if (name === 'entity') params[name] = t(`entity.${value}` as MessageKey);
    else params[name] = value;
  }
  return t(`problem.${problem.code}` as MessageKey, params);
}

export function problemsText(t: Translate, lang: Lang, problems: readonly Problem[]): string {
  return problems.map((p) => problemText(t, lang, p)).join('; ');
}
