import { describePatternProblem, type CustomPattern } from './custom';
import { RULE_IDS, type Confidence, type RuleId } from './types';

/**
 * The organisation's detection policy. It lives in the service; the add-in reads it at sign-in and
 * falls back to {@link defaultPolicy} when it cannot. Treat a policy as immutable once scanned
 * with: compiled forms are cached per object.
 */

/**
 * What a rule does when it applies: `notify` tells the sender (who may send anyway), `secure`
 * turns secure sending on (the sender may turn it off again), `require` allows the message to
 * leave only through secure sending.
 */
export type Action = 'off' | 'notify' | 'secure' | 'require';
export const ACTIONS: readonly Action[] = ['off', 'notify', 'secure', 'require'];
export const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

export interface Rule {
  action: Action;
  /** Findings below this confidence do not count. */
  minConfidence: Confidence;
  /** How many counted findings it takes (distinct terms for word lists, recipients for recipient checks). */
  minCount: number;
  /** Apply only when the message also has counted sensitive content (always so for `webmail`). */
  onlyWithSensitive: boolean;
}

/** When the recipient checks speak up. */
export interface RecipientLimits {
  /** Distinct external domains in one message from which `many-domains` applies. */
  manyDomains: number;
  /** Visible (To and Cc) external recipients from which `long-list` suggests Bcc. */
  longList: number;
  /** To and Cc recipients from which a reply to all is flagged. */
  replyAll: number;
  /** Largest edit distance at which a domain counts as a lookalike of a known one (short names use 1). */
  lookalikeDistance: number;
}

export interface Policy {
  version: 1;
  rules: Record<RuleId, Rule>;
  /** Whole-word, accent- and case-insensitive; `*` at the end lets the last word run on. */
  keywords: string[];
  patterns: CustomPattern[];
  /** The organisation's own mail domains; the sender's domain is always added. */
  ownDomains: string[];
  /** Personal mail domains on top of the built-in list. */
  webmailDomains: string[];
  limits: RecipientLimits;
}

function rule(action: Action, minConfidence: Confidence = 'high', minCount = 1, onlyWithSensitive = false): Rule {
  return { action, minConfidence, minCount, onlyWithSensitive };
}

/** Safe defaults: identifiers turn secure sending on, other content and recipient risks notify. */
export function defaultPolicy(): Policy {
  return {
    version: 1,
    rules: {
      bsn: rule('secure', 'medium'),
      iban: rule('notify'),
      card: rule('secure', 'medium'),
      phone: rule('off', 'medium'),
      passport: rule('secure'),
      dob: rule('notify', 'medium'),
      health: rule('notify'),
      finance: rule('notify'),
      keyword: rule('notify'),
      pattern: rule('notify'),
      external: rule('off'),
      'first-time': rule('notify', 'high', 1, true),
      lookalike: rule('notify'),
      'many-domains': rule('notify'),
      'long-list': rule('notify'),
      'reply-all': rule('notify'),
      webmail: rule('notify', 'high', 1, true),
      unscanned: rule('off'),
    },
    keywords: [],
    patterns: [],
    ownDomains: [],
    webmailDomains: [],
    limits: { manyDomains: 3, longList: 8, replyAll: 10, lookalikeDistance: 2 },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const strings = (v: unknown, max: number, maxLength: number): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim().length > 0 && s.length <= maxLength).slice(0, max) : [];

/**
 * Any JSON (a stored policy, a partial one, or garbage from an old client) to a complete policy:
 * known, valid fields override the defaults, everything else is ignored. Never throws.
 */
export function resolvePolicy(input: unknown): Policy {
  const policy = defaultPolicy();
  if (!isObject(input)) return policy;
  const rules = isObject(input.rules) ? input.rules : {};
  for (const id of RULE_IDS) {
    const given = rules[id];
    if (!isObject(given)) continue;
    const r = policy.rules[id];
    if (ACTIONS.includes(given.action as Action)) r.action = given.action as Action;
    if (CONFIDENCES.includes(given.minConfidence as Confidence)) r.minConfidence = given.minConfidence as Confidence;
    if (isInt(given.minCount, 1, 1000)) r.minCount = given.minCount;
    if (typeof given.onlyWithSensitive === 'boolean') r.onlyWithSensitive = given.onlyWithSensitive;
  }
  policy.keywords = strings(input.keywords, 500, 100);
  if (Array.isArray(input.patterns)) {
    policy.patterns = input.patterns
      .filter((p): p is CustomPattern => isObject(p) && typeof p.name === 'string' && typeof p.regex === 'string')
      .filter((p) => describePatternProblem(p.regex) === null)
      .slice(0, 50)
      .map((p) => ({ name: p.name.slice(0, 60), regex: p.regex, caseSensitive: p.caseSensitive === true }));
  }
  policy.ownDomains = strings(input.ownDomains, 200, 253).map((d) => d.trim().toLowerCase());
  policy.webmailDomains = strings(input.webmailDomains, 500, 253).map((d) => d.trim().toLowerCase());
  if (isObject(input.limits)) {
    const l = input.limits;
    if (isInt(l.manyDomains, 2, 100)) policy.limits.manyDomains = l.manyDomains;
    if (isInt(l.longList, 2, 500)) policy.limits.longList = l.longList;
    if (isInt(l.replyAll, 2, 500)) policy.limits.replyAll = l.replyAll;
    if (isInt(l.lookalikeDistance, 0, 3)) policy.limits.lookalikeDistance = l.lookalikeDistance;
  }
  return policy;
}
