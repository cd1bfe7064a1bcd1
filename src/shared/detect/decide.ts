import { reasonText, type Locale } from './messages';
import { CONFIDENCES, defaultPolicy, type Action, type Policy } from './policy';
import {
  RECIPIENT_CHECKS, RULE_IDS, TEXT_DETECTORS,
  type Finding, type RecipientFinding, type RuleId, type UnscannedPart,
} from './types';

/**
 * The one place where findings and policy become a decision. Pure: the task pane and the on-send
 * handler call it with the same input and get the same answer.
 */
export type DecisionAction = 'allow' | Exclude<Action, 'off'>;

export interface Reason {
  rule: RuleId;
  action: Exclude<Action, 'off'>;
  /** Counted findings: occurrences for identifiers, distinct terms for word lists, recipients for checks. */
  count: number;
  /** For custom patterns: the pattern's name. */
  label?: string;
  message: string;
}

export interface Decision {
  /** The strongest action among the reasons; `allow` when there are none. */
  action: DecisionAction;
  /** Strongest first. */
  reasons: Reason[];
  /** Whether counted sensitive content was found (what `onlyWithSensitive` rules wait for). */
  sensitive: boolean;
}

export interface DecideInput {
  findings: readonly Finding[];
  recipients?: readonly RecipientFinding[];
  unscanned?: readonly UnscannedPart[];
}

const STRENGTH: Record<DecisionAction, number> = { allow: 0, notify: 1, secure: 2, require: 3 };
const WORD_LISTS = new Set<RuleId>(['health', 'finance', 'keyword']);

export function decide(scan: DecideInput, policy: Policy = defaultPolicy(), options: { locale?: Locale } = {}): Decision {
  const locale = options.locale || 'en';
  const reasons: Reason[] = [];
  const push = (rule: RuleId, count: number, label?: string): void => {
    const { action, minCount } = policy.rules[rule];
    if (action === 'off' || count < minCount || count === 0) return;
    const reason: Reason = { rule, action, count, message: reasonText(rule, count, locale, label) };
    if (label !== undefined) reason.label = label;
    reasons.push(reason);
  };

  // Content: group counted findings per detector (and per pattern name).
  const groups = new Map<string, { rule: RuleId; label?: string; keys: Set<string>; count: number }>();
  for (const f of scan.findings) {
    const rule = policy.rules[f.detector];
    if (CONFIDENCES.indexOf(f.confidence) < CONFIDENCES.indexOf(rule.minConfidence)) continue;
    const key = f.detector === 'pattern' ? `pattern:${f.label || ''}` : f.detector;
    const group = groups.get(key) || { rule: f.detector, label: f.label, keys: new Set<string>(), count: 0 };
    group.keys.add(f.preview);
    group.count++;
    groups.set(key, group);
  }
  for (const id of TEXT_DETECTORS) {
    for (const g of groups.values()) {
      if (g.rule === id) push(id, WORD_LISTS.has(id) ? g.keys.size : g.count, id === 'pattern' ? g.label : undefined);
    }
  }
  const sensitive = reasons.length > 0;

  // Recipients and unreadable attachments: some rules only matter next to sensitive content.
  const applies = (rule: RuleId): boolean => sensitive || (!policy.rules[rule].onlyWithSensitive && rule !== 'webmail');
  for (const check of RECIPIENT_CHECKS) {
    const affected = new Set<number>();
    for (const r of scan.recipients || []) if (r.check === check) r.recipients.forEach((i) => affected.add(i));
    if (affected.size > 0 && applies(check)) push(check, affected.size);
  }
  if ((scan.unscanned || []).length > 0 && applies('unscanned')) {
    push('unscanned', new Set(scan.unscanned!.map((u) => u.attachment)).size);
  }

  const order = (r: Reason): number => STRENGTH[r.action] * 100 - RULE_IDS.indexOf(r.rule);
  reasons.sort((a, b) => order(b) - order(a));
  const action = reasons.reduce<DecisionAction>((best, r) => (STRENGTH[r.action] > STRENGTH[best] ? r.action : best), 'allow');
  return { action, reasons, sensitive };
}
