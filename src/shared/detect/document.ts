import { FOLD } from './chars';
import { bit, CATEGORY } from './context';
import { maskDocument } from './mask';
import type { Hit, TextContext } from './scan-context';

/**
 * Dutch passport and ID-card numbers: nine characters, two letters, six letters or digits, then a
 * digit, never the letter O. The number itself has no check digit (that lives in the machine-
 * readable zone), so the shape is weak evidence: `high` needs a document word such as "paspoort"
 * or "documentnummer" close by, anything else is `low`.
 */
const BEFORE = 40;
const AFTER = 20;

/** Two letters, six letters or digits, a digit; never the letter O, which reads as zero. */
export function isDocumentShape(text: string, s: number): boolean {
  for (let k = 0; k < 9; k++) {
    const c = FOLD[text.charCodeAt(s + k)]!;
    const letter = c >= 97 && c <= 122 && c !== 111;
    const digit = c >= 48 && c <= 57;
    if (k < 2 ? !letter : k === 8 ? !digit : !letter && !digit) return false;
  }
  return true;
}

export function detectDocuments(ctx: TextContext, out: Hit[]): void {
  const mask = bit(CATEGORY.document);
  for (const start of ctx.documentStarts) {
    const end = start + 9;
    const labelled = ctx.labels.before(start, BEFORE, mask) >= 0 || ctx.labels.after(end, AFTER, mask) >= 0;
    const value = ctx.text.slice(start, end).toUpperCase();
    out.push({ start, end, preview: maskDocument(value), confidence: labelled ? 'high' : 'low' });
  }
}
