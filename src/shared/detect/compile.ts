import { CATEGORY } from './context';
import {
  BIRTH_LABELS, BSN_LABELS, CARD_LABELS, DOCUMENT_LABELS, OTHER_NUMBER_LABELS, PERSON_LABELS, PHONE_LABELS,
} from './context-words';
import { compilePattern } from './custom';
import { buildLexicon, terms, type Lexicon, type TermGroup } from './lexicon';
import { defaultPolicy, type Policy } from './policy';
import { TEXT_DETECTORS, type TextDetectorId } from './types';
import { FINANCE_TERMS } from './words-finance';
import { HEALTH_TERMS, WEAK_HEALTH_TERMS } from './words-health';

/** A policy turned into what the scanner runs: the enabled detectors, one lexicon, compiled patterns. */
export interface CompiledPolicy {
  policy: Policy;
  enabled: ReadonlySet<TextDetectorId>;
  lexicon: Lexicon;
  patterns: Array<{ name: string; re: RegExp }>;
}

const cache = new WeakMap<Policy, CompiledPolicy>();
let fallback: Policy | undefined;

// The label categories follow one another from CATEGORY.bsn in this order.
const LABELS: TermGroup[] = [
  BSN_LABELS, OTHER_NUMBER_LABELS, CARD_LABELS, PHONE_LABELS, DOCUMENT_LABELS, BIRTH_LABELS, PERSON_LABELS,
].map((list, i) => ({ category: CATEGORY.bsn + i, terms: terms(list) }));

/** Compiles once per policy object; without a policy, the default policy. */
export function compilePolicy(policy?: Policy): CompiledPolicy {
  const p = policy || fallback || (fallback = defaultPolicy());
  const cached = cache.get(p);
  if (cached) return cached;
  const enabled = new Set(TEXT_DETECTORS.filter((id) => p.rules[id].action !== 'off'));
  if (p.keywords.length === 0) enabled.delete('keyword');
  if (p.patterns.length === 0) enabled.delete('pattern');
  const groups: TermGroup[] = [...LABELS];
  if (enabled.has('health')) {
    groups.push({ category: CATEGORY.health, terms: terms(HEALTH_TERMS) });
    groups.push({ category: CATEGORY.health, terms: terms(WEAK_HEALTH_TERMS), weak: true });
  }
  if (enabled.has('finance')) groups.push({ category: CATEGORY.finance, terms: terms(FINANCE_TERMS) });
  if (enabled.has('keyword')) groups.push({ category: CATEGORY.keyword, terms: p.keywords });
  const patterns: CompiledPolicy['patterns'] = [];
  if (enabled.has('pattern')) {
    for (const pattern of p.patterns) {
      const re = compilePattern(pattern);
      if (re) patterns.push({ name: pattern.name, re });
    }
  }
  const compiled: CompiledPolicy = { policy: p, enabled, lexicon: buildLexicon(groups), patterns };
  cache.set(p, compiled);
  return compiled;
}
