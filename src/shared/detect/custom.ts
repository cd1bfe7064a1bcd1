import { maskCustom } from './mask';
import type { Hit, TextContext } from './scan-context';

/**
 * The organisation's own regular expressions. They run in the sender's Outlook, inside the on-send
 * time budget, so a pattern that could backtrack without end is refused rather than run:
 * back-references and a quantified group that itself ends in a quantifier (`(a+)+`) are the
 * classic causes. A refused or invalid pattern is skipped; `describePatternProblem` tells the
 * policy page why.
 */
export interface CustomPattern {
  /** Shown to the sender in reasons, e.g. "Projectcode". */
  name: string;
  /** JavaScript regular-expression source, matched against the normalised text. */
  regex: string;
  caseSensitive?: boolean;
}

const MAX_SOURCE = 200;
const MAX_MATCHES = 500;
const NESTED_QUANTIFIER = /[+*}][)\s]*\)[+*{]|[+*}]\)\?[+*{]/;

export type PatternProblem = 'too-long' | 'back-reference' | 'nested-quantifier' | 'invalid';

export function describePatternProblem(source: string): PatternProblem | null {
  if (source.length > MAX_SOURCE) return 'too-long';
  if (/\\[1-9]|\\k</.test(source)) return 'back-reference';
  if (NESTED_QUANTIFIER.test(source.replace(/\\./g, '_'))) return 'nested-quantifier';
  try {
    new RegExp(source);
  } catch {
    return 'invalid';
  }
  return null;
}

export function compilePattern(pattern: CustomPattern): RegExp | null {
  if (describePatternProblem(pattern.regex)) return null;
  return new RegExp(pattern.regex, pattern.caseSensitive ? 'g' : 'gi');
}

export function detectPattern(re: RegExp, ctx: TextContext, out: Hit[]): void {
  re.lastIndex = 0;
  let count = 0;
  for (let m = re.exec(ctx.text); m && count < MAX_MATCHES; m = re.exec(ctx.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, preview: maskCustom(m[0]), confidence: 'high' });
    count++;
  }
}
