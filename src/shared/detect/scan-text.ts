import { detectBsn } from './bsn';
import { detectCards } from './card';
import { compilePolicy, type CompiledPolicy } from './compile';
import { detectPattern } from './custom';
import { detectBirthDates } from './dob';
import { detectDocuments } from './document';
import { detectIbans } from './iban';
import { htmlToText } from './html-to-text';
import { normaliseNotingAccents, type Normalised } from './normalise';
import { scanNumbers } from './numbers';
import { detectPhones } from './phone';
import type { Policy } from './policy';
import type { Hit, TextContext } from './scan-context';
import type { Finding, PartKind, TextDetectorId } from './types';
import { scanWords } from './words';

export interface Where {
  part: PartKind;
  attachment?: number;
}

type Detector = (ctx: TextContext, out: Hit[]) => void;

// Identifier detectors in order of precedence when two claim overlapping text of the same length.
const IDENTIFIERS: Array<[TextDetectorId, Detector]> = [
  ['iban', detectIbans],
  ['card', detectCards],
  ['bsn', detectBsn],
  ['passport', detectDocuments],
  ['phone', detectPhones],
  ['dob', detectBirthDates],
];
const RANK = new Map(IDENTIFIERS.map(([id], i) => [id, i]));
const WORD_DETECTORS: TextDetectorId[] = ['health', 'finance', 'keyword'];

/** Where two findings overlap, keeps the longer one (or the one of the stronger detector). */
function resolveOverlaps(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const f of findings) {
    const last = kept[kept.length - 1];
    const sameKind = last && (RANK.has(last.detector) ? RANK.has(f.detector) : last.detector === f.detector);
    if (!last || !sameKind || f.start >= last.end) {
      kept.push(f);
      continue;
    }
    const longer = f.end - f.start - (last.end - last.start);
    if (longer > 0 || (longer === 0 && RANK.get(f.detector)! < RANK.get(last.detector)!)) kept[kept.length - 1] = f;
  }
  return kept;
}

/**
 * Runs the enabled detectors over text that is already normalised. `accents` lists where Latin
 * letters with accents are (see normaliseNotingAccents); without it the word pass finds them.
 */
export function scanNormalised(n: Normalised, policy: Policy | CompiledPolicy | undefined, where: Where, accents?: number[]): Finding[] {
  const c = policy && 'lexicon' in policy ? policy : compilePolicy(policy);
  const words = scanWords(n.text, c.lexicon, accents);
  const ctx: TextContext = { text: n.text, labels: words.labels, ...scanNumbers(n.text) };
  const identifiers: Finding[] = [];
  const add = (into: Finding[], detector: TextDetectorId, start: number, end: number, preview: string,
    confidence: Finding['confidence'], label?: string): void => {
    const f: Finding = { detector, start, end, preview, confidence, part: where.part };
    if (where.attachment !== undefined) f.attachment = where.attachment;
    if (label !== undefined) f.label = label;
    into.push(f);
  };
  for (const [id, detect] of IDENTIFIERS) {
    if (!c.enabled.has(id)) continue;
    const hits: Hit[] = [];
    detect(ctx, hits);
    for (const h of hits) add(identifiers, id, h.start, h.end, h.preview, h.confidence);
  }
  const others: Finding[] = [];
  let strong = 0;
  for (const hit of words.hits) if (!hit.entry.weak) strong |= 1 << hit.entry.category;
  for (const hit of words.hits) {
    const { category, weak, term } = hit.entry;
    const id = WORD_DETECTORS[category];
    if (id === undefined || (weak && (strong & (1 << category)) === 0)) continue;
    add(others, id, hit.start, hit.end, term, 'high');
  }
  for (const { name, re } of c.patterns) {
    const hits: Hit[] = [];
    detectPattern(re, ctx, hits);
    for (const h of hits) add(others, 'pattern', h.start, h.end, h.preview, h.confidence, name);
  }
  return [...resolveOverlaps(identifiers), ...resolveOverlaps(others)].sort((a, b) => a.start - b.start);
}

export interface ScanTextOptions extends Partial<Where> {
  html?: boolean;
}

/** Normalises and scans one text; offsets in the findings refer to `normalise(input, { html }).text`. */
export function scanText(input: string, policy?: Policy, options: ScanTextOptions = {}): Finding[] {
  const where: Where = { part: options.part || 'body' };
  if (options.attachment !== undefined) where.attachment = options.attachment;
  const { text, accents } = normaliseNotingAccents(options.html ? htmlToText(input) : input);
  return scanNormalised({ text }, policy, where, accents);
}
